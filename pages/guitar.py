"""Guitar occlusion: scribble over a rendered guitar; plain and dust-trained models side by side.

Thin: widgets -> engine.guitar.predict -> render. No numpy here; the engine turns the canvas's
drawing and the background into the models' input.
"""

import plotly.graph_objects as go
import streamlit as st

from engine import cards, catalog, images
from engine.guitar import predict as gp
from engine.guitar.model import NAMES
from engine.guitar.render import KINDS, OUT_OF_CLASS
from pages import _ui

DEMO = catalog.demo("guitar")
if len(cards.available("guitar")) < 2:
    _ui.not_built("guitar")

from streamlit_drawable_canvas import st_canvas  # noqa: E402  (only inside a Streamlit run)

SURPRISE = "Surprise me"
PLAIN, DUST = NAMES["plain"], NAMES["dust"]


@st.cache_resource(show_spinner=False)
def _models():
    return {PLAIN: _ui.model(PLAIN), DUST: _ui.model(DUST)}


@st.cache_data(show_spinner=False, max_entries=64)
def _scene(kind: str | None, seed: int):
    r = gp.scene(kind, seed)
    return r.image, r.kind, images.to_png(r.image)


@st.cache_data(show_spinner=False)
def _samples():
    return gp.training_samples()


def _bars(top: list[dict], colour: str, key: str) -> None:
    labels = [t["label"] for t in reversed(top)]
    values = [t["probability"] * 100 for t in reversed(top)]
    fig = go.Figure(
        go.Bar(
            x=values,
            y=labels,
            orientation="h",
            marker_color=colour,
            text=[f"{v:.1f} %" for v in values],
            textposition="auto",
        )
    )
    fig.update_layout(
        height=230,
        margin=dict(l=10, r=10, t=10, b=10),
        xaxis=dict(range=[0, 100], title="probability (%)"),
    )
    st.plotly_chart(fig, key=key, config={"displayModeBar": False})


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
    st.caption(
        "Honest note: both models were trained only on rendered guitars like the ones here. "
        "A real photo is far from anything they saw, so expect odd answers."
    )
    photo = _ui.upload_image("Guitar photo", key="guitar_upload")

left, right = st.columns([1, 1.6], gap="large")
with left:
    st.space("medium")  # room for the canvas toolbar, which floats above the canvas
    kind = None if choice == SURPRISE else choice
    if photo is not None:
        background = gp.square(photo)
        truth = "your photo"
        png = images.to_png(background)
    else:
        background, truth, png = _scene(kind, state.guitar_seed)
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
    strokes = len((canvas.json_data or {}).get("objects", []) or [])
    shown = truth if choice != SURPRISE or photo is not None else "hidden (pick a guitar to know)"
    st.caption(
        f"Rendered guitar: **{shown}** · strokes on the canvas: {strokes} · "
        "undo, redo and clear are in the canvas toolbar."
    )
    if choice == SURPRISE and photo is None:
        with st.popover("Reveal"):
            st.write(f"It is a **{truth}**.")

picture = gp.canvas_picture(
    background, canvas.json_data, canvas.image_bytes, (gp.DISPLAY, gp.DISPLAY)
)
scores = gp.score(_models(), picture)

with right:
    cols = st.columns(2)
    for col, (name, title, hue) in zip(
        cols,
        ((PLAIN, "Plain model", "#8c8c8c"), (DUST, "Dust-trained model", "#d9822b")),
        strict=True,
    ):
        with col:
            st.subheader(title)
            top = scores[name]
            st.markdown(f"**{top[0]['label']}** · {top[0]['probability']:.1%}")
            _bars(top, hue, key=f"bars-{name}-{state.guitar_runs}")
            st.caption(
                f"{title} top-5: " + "; ".join(f"{t['label']} {t['probability']:.2%}" for t in top)
            )

st.divider()
st.subheader("What training saw, and what we measured")
card = cards.read(DUST) or {}
metrics = card.get("metrics", {})
a, b = st.columns([1, 1.3], gap="large")
with a:
    st.image(
        _samples(),
        caption="Dust model's training inputs (64 px): the write-up's 0-31 grey "
        "rectangles, centre-biased, redrawn every epoch. The plain model saw them clean.",
    )
    st.markdown(f"**The write-up claimed:** {DEMO.claim}")
    if card.get("headline"):
        st.markdown(f"**We measured:** {card['headline']}")
    dp = metrics.get(PLAIN, {}).get("dust")
    dd = metrics.get(DUST, {}).get("dust")
    cp = metrics.get(PLAIN, {}).get("cutout_30")
    cd = metrics.get(DUST, {}).get("cutout_30")
    note = (
        "A test that pastes rectangles flatters a model trained on pasted rectangles. "
        "The scribbles (thick random strokes in random colours, like a person's) are the fair "
        "test and our headline."
    )
    if None not in (dp, dd, cp, cd):
        note += (
            f" Under the write-up's own dust the gap looks huge: plain {dp:.0%} vs dust-trained "
            f"{dd:.0%}. Big grey Cutout squares over 30 % of the guitar tell another story: "
            f"plain {cp:.0%} vs dust-trained {cd:.0%}."
        )
    st.info(note, icon=":material/info:")
with b:
    if metrics:
        xs = [0, 10, 20, 30, 40]
        fig = go.Figure()
        for name, label, hue in ((PLAIN, "plain", "#8c8c8c"), (DUST, "dust", "#d9822b")):
            curve = gp.curves(metrics)[name]
            fig.add_trace(
                go.Scatter(
                    x=xs,
                    y=[v * 100 for v in curve["scribble"]],
                    name=f"{label}: scribbles",
                    line=dict(color=hue, width=3),
                )
            )
            fig.add_trace(
                go.Scatter(
                    x=xs,
                    y=[v * 100 for v in curve["cutout"]],
                    name=f"{label}: Cutout squares",
                    line=dict(color=hue, dash="dot"),
                )
            )
        fig.update_layout(
            height=360,
            margin=dict(l=10, r=10, t=30, b=10),
            xaxis_title="share of the guitar hidden (%)",
            yaxis=dict(title="accuracy (%)", range=[0, 100]),
            title=f"{metrics.get('n')} fresh renders, seed {metrics.get('seed')}",
        )
        st.plotly_chart(fig, key="guitar_curve")
