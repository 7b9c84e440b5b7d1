"""Guitar occlusion: scribble over a rendered guitar; plain and dust-trained models side by side.

Thin: widgets -> engine.guitar.predict -> render. No numpy here; the engine turns the canvas's
drawing and the background into the models' input.
"""

import streamlit as st

from engine import cards, catalog, images
from engine.guitar import plots
from engine.guitar import predict as gp
from engine.guitar.render import KINDS, OUT_OF_CLASS
from pages import _ui

DEMO = catalog.demo("guitar")
if len(cards.available("guitar")) < 2:
    _ui.not_built("guitar")

from streamlit_drawable_canvas import st_canvas  # noqa: E402  (only inside a Streamlit run)

SURPRISE = "Surprise me"


@st.cache_resource(show_spinner=False)
def _models():
    return {name: _ui.model(name) for name, _, _ in plots.MODELS}


@st.cache_data(show_spinner=False, max_entries=64)
def _scene(kind: str | None, seed: int):
    r = gp.scene(kind, seed)
    return r.image, r.kind, images.to_png(r.image)


@st.cache_data(show_spinner=False)
def _samples():
    return gp.training_samples()


st.title(DEMO.title)
st.caption(DEMO.pitch)
st.markdown(f"**The write-up claimed:** {DEMO.claim}")

state = st.session_state
state.setdefault("guitar_seed", 1)
state.setdefault("guitar_runs", 0)
state.guitar_runs += 1

c0, c1, c2, c3 = st.columns([1.6, 0.9, 1.2, 0.6], vertical_alignment="bottom")
with c0:
    choice = st.selectbox(
        "Guitar",
        [SURPRISE, *KINDS],
        key="guitar_kind",
        help=f"{OUT_OF_CLASS} is not one of the 13 classes: neither model saw one.",
    )
with c1:
    if st.button("New render", icon=":material/refresh:", key="guitar_new"):
        state.guitar_seed += 1
with c2:
    brush = st.slider("Brush size", 4, 60, 24, key="guitar_brush")
with c3:
    colour = st.color_picker("Colour", "#1E1E1E", key="guitar_colour")
with st.expander("Use your own guitar photo instead"):
    st.caption(plots.PHOTO_NOTE)
    photo = _ui.upload_image("Guitar photo", key="guitar_upload")

left, right = st.columns([1, 1.6], gap="large")
with left:
    st.space("medium")  # room for the canvas toolbar, which floats above the canvas
    kind = None if choice == SURPRISE else choice
    background, truth, png = (
        gp.photo_scene(photo) if photo is not None else _scene(kind, state.guitar_seed)
    )
    canvas = st_canvas(
        stroke_width=brush,
        stroke_color=colour,
        background_image=png,
        height=gp.DISPLAY,
        width=gp.DISPLAY,
        drawing_mode="freedraw",
        return_image_data=True,
        key="guitar_canvas",
    )
    hidden = choice == SURPRISE and photo is None
    st.caption(plots.canvas_caption(truth, hidden, canvas.json_data))
    if hidden:
        with st.popover("Reveal"):
            st.write(f"It is a **{truth}**.")

picture = gp.canvas_picture(
    background, canvas.json_data, canvas.image_bytes, (gp.DISPLAY, gp.DISPLAY)
)
scores = gp.score(_models(), picture)

with right:
    cols = st.columns(2)
    for col, (name, title, hue) in zip(cols, plots.MODELS, strict=True):
        with col:
            st.subheader(title)
            top = scores[name]
            st.markdown(f"**{top[0]['label']}** · {top[0]['probability']:.1%}")
            fig, key = plots.bars(top, hue), f"bars-{name}-{state.guitar_runs}"
            st.plotly_chart(fig, key=key, config={"displayModeBar": False})
            st.caption(plots.top5_caption(title, top))

st.divider()
st.subheader("What training saw, and what we measured")
card = cards.read(plots.DUST) or {}
metrics = card.get("metrics", {})
a, b = st.columns([1, 1.3], gap="large")
with a:
    st.image(_samples(), caption=plots.SAMPLES_CAPTION)
    st.markdown(f"**The write-up claimed:** {DEMO.claim}")
    if card.get("headline"):
        st.markdown(f"**We measured:** {card['headline']}")
    st.info(plots.note(metrics), icon=":material/info:")
with b:
    if metrics:
        st.plotly_chart(plots.curve(metrics), key="guitar_curve")
