"""UI-edge helpers shared by the pages: caching, headers, guards, uploads, links and replays."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from engine import cards, catalog, images, runtime


@st.cache_resource(show_spinner=False)
def model(name: str) -> runtime.LiteModel:
    """A shipped model's LiteRT pool, loaded once and shared by every session."""
    return runtime.load_model(name)


@st.cache_resource(show_spinner=False)
def imagenet():
    """The shipped ImageNet network, one pool for every page and session (None: not built)."""
    from engine.perception import imagenet as network

    return network.shipped()


@st.cache_resource(show_spinner=False, max_entries=16)
def _card(name: str, stamp: int) -> dict[str, Any] | None:
    return cards.read(name)


def card(name: str) -> dict[str, Any] | None:
    """A model card, read once per version of its file and shared: read it, never change it."""
    path = cards.path(name)
    return _card(name, path.stat().st_mtime_ns if path.exists() else 0)


@st.cache_resource(show_spinner=False)
def thumbnail(key: str):
    """A demo's thumbnail, rendered once by its own engine."""
    return catalog.thumbnail(key)


def upload_image(label: str, key: str, help: str | None = None, on_change=None):
    """An image uploader; returns an RGB array, None before upload, or shows why it was refused."""
    file = st.file_uploader(
        label,
        type=["png", "jpg", "jpeg", "webp", "gif", "bmp", "tif", "tiff"],
        key=key,
        help=help,
        on_change=on_change,
    )
    if file is None:
        return None
    try:
        return images.load_image(file.getvalue())
    except images.ImageError as exc:
        st.error(f"**{file.name}**: {exc}", icon=":material/broken_image:")
        return None


def header(key: str, caption: str | None = None) -> None:
    """A demo page's top: its title, one line (default: its pitch) and the claim strip."""
    d = catalog.demo(key)
    st.title(d.title)
    st.caption(caption or d.pitch)
    claim_strip(key)


def require(key: str, ready: bool, missing: str, command: str | None = None) -> None:
    """Unless ready, say what is not trained and the command that trains it; stop the page."""
    if ready:
        return
    run = command or f"python -m engine train {key}"
    st.info(f"{missing}: run `{run}`, then reload this page.", icon=":material/hourglass_empty:")
    st.stop()


def claim_strip(key: str) -> None:
    """Under a demo's title: the write-up's claim beside our number, and the real-photo figure."""
    found = card(catalog.demo(key).card) or {}  # {}: not trained, nothing to read again
    measured = catalog.headline(key, found) or "_not measured yet: the model is not evaluated._"
    real = catalog.real_photos(key, found)
    with st.container(border=True, key=f"claim_strip_{key}"):
        said, found = st.columns([2, 3], gap="medium")
        said.markdown(f"**The write-up** · {catalog.demo(key).claim}")
        found.markdown(f"**We measured** · {measured}")
        if real:  # the full width, under both: it qualifies the claim as much as our number
            st.markdown(f":material/photo_camera: **Real photos** · {real}")


def how_it_works(idea: str, changes: str, card_names: list[str]) -> None:
    """The "How it works" expander: the write-up's idea, what we changed, and the model cards."""
    with st.expander("How it works", icon=":material/info:"):
        st.markdown(f"**The write-up's idea.** {idea}")
        st.markdown(f"**What we changed, and why.** {changes}")
        for name in card_names:
            found = card(name)
            if found is None:
                continue
            run = found.get("training", {})
            seconds, epochs = run.get("seconds"), run.get("epochs")
            # A findings card (no epochs) records how long measuring took, not training.
            verb = "trained" if epochs else "measured"
            trained = f", {verb} in {seconds:.0f} s" if seconds else ""
            st.markdown(f"**Model card `{name}`** (seed {found.get('seed')}{trained})")
            st.json(
                {k: found[k] for k in ("config", "data", "metrics") if k in found},
                expanded=False,
            )


def remember(params: dict[str, str]) -> None:
    """The one link writer: a page's shareable state into its URL, only when it changed."""
    if st.query_params.to_dict() != params:
        st.query_params.from_dict(params)


def seed_row(note: str, key: str, replay: Callable[[], tuple[bool, str]]) -> None:
    """Every page's seed-and-fingerprint caption with a Replay button; replay() -> (same, words)."""
    text, again = st.columns([3, 1], vertical_alignment="center")
    text.markdown(note)
    if again.button("Replay", icon=":material/replay:", key=key):
        same, words = replay()
        (st.success if same else st.error)(words, icon=":material/replay:")


def keep(keys: tuple[str, ...], defaults: dict | None = None) -> None:
    """Keep these widgets' values while the visitor is on another page of the app.

    Streamlit forgets a widget's value once a run goes by without it (any other page's run),
    so the values live under "_ui_kept" and are put back at the top of every run (Streamlit's
    documented pattern). Give those widgets no value argument and `on_change=store,
    args=(key,)`; `defaults` (or a value the page set before) seeds a first visit.
    """
    state = st.session_state
    kept = state.setdefault("_ui_kept", {})
    for key in keys:
        if key not in kept:
            if key in state:
                kept[key] = state[key]
            elif defaults and key in defaults:
                kept[key] = defaults[key]
            else:
                continue
        state[key] = kept[key]


def store(key: str) -> None:
    """on_change for a kept widget: remember its new value (see keep)."""
    st.session_state.setdefault("_ui_kept", {})[key] = st.session_state[key]


def set_kept(key: str, value) -> None:
    """Change a kept widget's value from the page, before the widget is drawn."""
    st.session_state.setdefault("_ui_kept", {})[key] = value
    st.session_state[key] = value
