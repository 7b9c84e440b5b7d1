"""Occlusion duel section of the guitar page: the engine's smallest flip against the user's.

Thin: the engine searches (engine.guitar.duel) and words the result (engine.guitar.duel_text);
this file only caches, lays out and shows. No numpy here.
"""

from __future__ import annotations

import streamlit as st

from engine.guitar import duel, duel_text, plots

TITLES = {name: title for name, title, _ in plots.MODELS}


@st.cache_data(show_spinner=False, max_entries=32)
def _engine(_models: dict, background, truth: int, seed: int) -> dict:
    """The engine's flips for one render; the picture itself is part of the cache key."""
    return duel.play({n: m.predict for n, m in _models.items()}, background, truth, seed)


def show(
    models: dict,
    background,
    picture,
    truth: str | None,
    seed: int,
    metrics: dict | None = None,
    photo: bool = False,
    hidden: bool = False,
) -> None:
    """The duel: explain, search on a button, show both flips and the user's own try.

    metrics: the guitar card's, where `python -m engine evaluate guitar` stored the medians.
    """
    st.markdown(
        "**Who needs fewer pixels?** The engine searches for the smallest dark rectangles "
        "that change each model's answer.  \nYour turn: scribble on the canvas and beat it."
    )
    found = (metrics or {}).get("duel")
    st.caption(
        duel_text.measured_text(found, TITLES)
        if found
        else "Median flip sizes are not measured yet (python -m engine evaluate)."
    )
    index = duel.truth_index(truth)
    if photo:
        st.info(duel_text.PHOTO, icon=":material/help:")
        return
    if index is None:  # a rendered guitar is picked, but neither model knows its class
        st.info(duel_text.UNKNOWN, icon=":material/help:")
        return
    if st.button("Find the smallest flip", key="guitar_duel_go", icon=":material/swords:"):
        with st.spinner("Searching both models…"):
            st.session_state["guitar_duel_for"] = (seed, truth)
            _engine(models, background, index, seed)
    if st.session_state.get("guitar_duel_for") != (seed, truth):
        st.caption("Press the button to let the engine play this render.")
        return
    flips = _engine(models, background, index, seed)
    attempt = duel.user_attempt(
        background, picture, {n: m.predict for n, m in models.items()}, index
    )
    cols = st.columns(len(flips))
    for col, (name, flip) in zip(cols, flips.items(), strict=True):
        with col:
            st.markdown(f"**{TITLES.get(name, name)}**")
            # 320 px: the canvas's size, where each model-input pixel is a crisp 5 x 5 block
            words = duel_text.flip_text(flip, hidden)
            st.image(duel.painted(background, flip), caption=words, width=320)
            if attempt.covered == 0:
                st.caption("You: draw on the canvas to try it yourself.")
            else:
                st.markdown(f"You: {duel_text.attempt_text(attempt, name, flip)}")
