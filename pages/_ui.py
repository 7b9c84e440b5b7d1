"""UI-edge helpers shared by the pages: caching, uploads, and honest 'not built yet' notices."""

from __future__ import annotations

import streamlit as st

from engine import catalog, images, runtime


@st.cache_resource(show_spinner=False)
def model(name: str) -> runtime.LiteModel:
    """A shipped model's LiteRT pool, loaded once and shared by every session."""
    return runtime.load_model(name)


@st.cache_resource(show_spinner=False)
def thumbnail(key: str):
    """A demo's thumbnail, rendered once by its own engine."""
    return catalog.thumbnail(key)


def upload_image(label: str, key: str, help: str | None = None):
    """An image uploader; returns an RGB array, None before upload, or shows why it was refused."""
    file = st.file_uploader(
        label,
        type=["png", "jpg", "jpeg", "webp", "gif", "bmp", "tif", "tiff"],
        key=key,
        help=help,
    )
    if file is None:
        return None
    try:
        return images.load_image(file.getvalue())
    except images.ImageError as exc:
        st.error(f"**{file.name}**: {exc}", icon=":material/broken_image:")
        return None


def not_built(key: str) -> None:
    """Say plainly that a demo is not built yet, then stop the page."""
    d = catalog.demo(key)
    st.title(d.title)
    st.caption(d.pitch)
    st.info(
        "This demo is not built yet: its engine and model are still being written. "
        "Nothing on this page is faked in the meantime.",
        icon=":material/construction:",
    )
    st.stop()
