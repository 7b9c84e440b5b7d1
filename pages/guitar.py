"""Guitar occlusion: scribble over a rendered guitar; plain and dust-trained models side by side.

Thin: widgets -> engine.guitar (share, predict) -> render. The strokes are read from the
canvas, put in the address bar and redrawn by the engine, so a link scores the same picture.
"""

import streamlit as st

from engine import cards, catalog, images
from engine.guitar import notes, plots, view
from engine.guitar import predict as gp
from engine.guitar.render import KINDS, OUT_OF_CLASS
from pages import _guitar_duel, _guitar_parts, _guitar_why, _ui

_ui.header("guitar")
_ui.require("guitar", len(cards.available("guitar")) >= 2, "The guitar models are not trained yet")

from streamlit_drawable_canvas import st_canvas  # noqa: E402  (only inside a Streamlit run)

SURPRISE = "Surprise me"


@st.cache_resource(show_spinner=False)
def _models():
    return {name: _ui.model(name) for name, _, _ in plots.MODELS}


@st.cache_data(show_spinner=False, max_entries=64)
def _scene(kind: str | None, seed: int):
    r = gp.scene(kind, seed)
    return r.image, r.kind, images.to_png(r.image)


st.markdown(notes.WHAT_YOU_SEE)
_ui.how_it_works(notes.IDEA, notes.CHANGES, [name for name, _, _ in plots.MODELS])

state = _guitar_parts.start(list(KINDS))

c0, c1, c2, c3 = st.columns([1.6, 0.9, 1.2, 0.6], vertical_alignment="bottom")
with c0:
    choice = st.selectbox(
        "Guitar",
        [SURPRISE, *KINDS],
        key="guitar_kind",
        on_change=_ui.store,
        args=("guitar_kind",),
        help=notes.SURPRISE_HELP,
    )
with c1:
    new = _guitar_parts.new_render
    st.button("New render", icon=":material/refresh:", key="guitar_new", on_click=new)
with c2:
    brush = st.slider(
        "Brush size", 4, 60, key="guitar_brush", on_change=_ui.store, args=("guitar_brush",)
    )
with c3:
    colour = st.color_picker(
        "Colour", key="guitar_colour", on_change=_ui.store, args=("guitar_colour",)
    )
with st.expander("Use your own guitar photo instead"):
    st.caption(plots.photo_note(_ui.card(plots.DUST)))
    photo = _ui.upload_image("Guitar photo", key="guitar_upload", on_change=_guitar_parts.clear)

left, right = st.columns([1, 1.6], gap="large")
kind, seed = (None if choice == SURPRISE else choice), state.guitar_seed
with left:
    st.space("medium")  # room for the canvas toolbar, which floats above the canvas
    background, truth, png = gp.photo_scene(photo) if photo is not None else _scene(kind, seed)
    canvas = st_canvas(
        stroke_width=brush,
        stroke_color=colour,
        background_image=png,
        height=gp.DISPLAY,
        width=gp.DISPLAY,
        drawing_mode="freedraw",
        initial_drawing=state.guitar_initial,
        key="guitar_canvas",
    )
    strip = st.container(key="guitar_answers")  # both answers, filled once they are scored
    hidden = choice == SURPRISE and photo is None
    drawn = _guitar_parts.canvas_tools(canvas.json_data, truth, hidden, photo is not None)

scene = view.Scene(background, kind, seed, truth, photo is not None, hidden)
out = view.score(_models(), _ui.imagenet(), scene, drawn)  # the run's one engine call
picture = out.picture
_guitar_parts.answers(strip, out.scores, out.refusal)
state.guitar_drawn = out.redraw  # see start()
_ui.remember(out.params)
with right:
    _guitar_parts.scores(out.scores, state.guitar_runs, out.refusal)
    if out.seed_note is None:
        st.caption(notes.PHOTO_LINK)
    else:
        replay = lambda: view.replay(_models(), scene, drawn, out.fingerprint)  # noqa: E731
        _ui.seed_row(out.seed_note, "guitar_replay", replay)
        if out.link_too_big:
            st.warning(notes.LINK_TOO_BIG, icon=":material/link_off:")

why, duel, measured = st.tabs(_guitar_parts.TABS)
card = _ui.card(plots.DUST) or {}  # all three tabs show its metrics
metrics = card.get("metrics")
with why:
    _guitar_why.show(_models(), picture, metrics)
with duel:
    known = photo is None and truth != OUT_OF_CLASS  # the duel needs a class both models know
    duel_truth = truth if known else None
    _guitar_duel.show(
        _models(), background, picture, duel_truth, seed, metrics, photo is not None, hidden
    )
with measured:
    _guitar_parts.measured(catalog.demo("guitar").claim, card)
