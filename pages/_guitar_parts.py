"""Pieces of the guitar page: the canvas's tools, both models' scores, "What we measured"."""

import streamlit as st

from engine.guitar import notes, plots, share
from engine.guitar import predict as gp
from pages import _ui

KEPT = ("guitar_kind", "guitar_brush", "guitar_colour")  # survive a visit to another page
TABS = ["Where they look", "Occlusion duel", "Measured"]  # short: all fit side by side at 390 px


@st.cache_data(show_spinner=False)
def _samples():
    return gp.training_samples()


def start(kinds: list[str]):
    """Session state for this run: the link on a first visit, the last picture on coming back."""
    state = st.session_state
    if "guitar_seed" not in state:  # this session's first run: start from the link, if any
        url = share.parse(st.query_params.to_dict(), kinds)
        state.guitar_seed = 1 if url.seed is None else url.seed
        if url.kind is not None:
            state.guitar_kind = url.kind
        state.guitar_initial = share.fabric(share.unpack(url.drawing)) if url.drawing else None
    elif "guitar_canvas" not in state:  # back from another page, which dropped the canvas:
        state.guitar_initial = state.get("guitar_drawn")  # redraw the strokes it held
    _ui.keep(KEPT, {"guitar_brush": 24, "guitar_colour": "#1E1E1E"})
    state.setdefault("guitar_initial", None)
    state.guitar_runs = state.get("guitar_runs", 0) + 1
    return state


def new_render() -> None:
    """The next render seed, on a clean canvas: strokes drawn for one guitar miss the next."""
    st.session_state.guitar_seed += 1
    clear()


def clear() -> None:
    """Empty the canvas: a new (empty) initial drawing makes the canvas reload, strokes gone."""
    state = st.session_state
    state.guitar_clears = state.get("guitar_clears", 0) + 1
    state.guitar_initial = {"objects": [], "cleared": state.guitar_clears}
    state.guitar_cleared = True  # this run still reads the old strokes back: ignore them


def canvas_tools(json_data: dict | None, truth: str, hidden: bool, photo: bool) -> dict | None:
    """Under the canvas: what is drawn, a labelled Clear, Reveal; returns the drawing to score."""
    drawn = None if st.session_state.pop("guitar_cleared", False) else json_data
    st.caption(plots.canvas_caption(truth, hidden, drawn, photo))
    tools = st.columns(2 if hidden else 1)
    with tools[0]:
        st.button("Clear drawing", icon=":material/ink_eraser:", key="guitar_clear", on_click=clear)
    if hidden:
        with tools[1].popover("Reveal"):
            st.markdown(notes.reveal(truth))
    return drawn


def answers(strip, top5: dict[str, list[dict]], refusal: str | None = None) -> None:
    """Both models' top answer in one strip under the canvas: on a phone, seen with the drawing."""
    if refusal:  # no guitar in the photo: say so, never a confident guitar name
        strip.warning(refusal, icon=":material/block:")
        return
    with strip.container(border=True, horizontal=True, gap="large"):
        for name, title, _ in plots.MODELS:
            top = top5[name][0]
            st.markdown(
                f"{title}  \n**{top['label']}** · {top['probability']:.1%}", width="content"
            )


def scores(top5: dict[str, list[dict]], run: int, refusal: str | None = None) -> None:
    """Each model's top answer, top-5 bars and the top-5 in words, side by side."""
    for col, (name, title, hue) in zip(st.columns(2), plots.MODELS, strict=True):
        with col:
            st.subheader(title)
            top = top5[name]
            if refusal:  # the bars stay (what it would say), under words that disown them
                st.markdown(plots.NO_GUITAR)
            else:
                st.markdown(f"**{top[0]['label']}** · {top[0]['probability']:.1%}")
            fig, key = plots.bars(top, hue), f"bars-{name}-{run}"  # new key: see streamlit#11424
            st.plotly_chart(fig, key=key, config={"displayModeBar": False})
            st.caption(plots.top5_caption(title, top))


def measured(claim: str, card: dict) -> None:
    """Training samples, the claim against our measurement, and the occlusion curves."""
    metrics = card.get("metrics", {})
    a, b = st.columns([1, 1.3], gap="large")
    with a:
        st.image(_samples(), caption=plots.SAMPLES_CAPTION)
        st.markdown(f"**The write-up claimed:** {claim}")
        if card.get("headline"):
            st.markdown(f"**We measured:** {card['headline']}")
        st.info(plots.note(metrics), icon=":material/info:")
    with b:
        if not metrics:
            st.info("The models have not been evaluated yet.", icon=":material/info:")
            return
        st.plotly_chart(plots.curve(metrics), key="guitar_curve")
        st.download_button(
            "Download the curves (CSV)",
            plots.curve_csv(metrics),
            "guitar-occlusion-curves.csv",
            "text/csv",
            icon=":material/download:",
            key="guitar_curve_csv",
        )
        st.caption(
            f"Measured by `python -m engine evaluate guitar --seed {metrics.get('seed')} "
            f"--n {metrics.get('n')}` on renders neither model trained on."
        )
        found = plots.real_scribbles(metrics)
        if found:  # the write-up's claim tried on real photos, not only on renders
            st.plotly_chart(plots.real_curve(found), key="guitar_real_curve")
            st.caption(plots.real_caption(found))
