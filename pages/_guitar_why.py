"""Guitar page section "Where each model looks": both occlusion maps and their difference.

Thin: the picture goes to engine.guitar.looks.panel once (cached by its bytes), the
three images and the words come back. pages/guitar.py calls `show` under the predictions.
"""

import streamlit as st

from engine.guitar import attention, looks


@st.cache_data(show_spinner=False, max_entries=32)
def _panel(_models: dict, names: tuple, picture, figure: dict | None):
    """One engine call per distinct picture; the LiteRT pools are not hashed (underscore)."""
    return looks.panel({n: _models[n].predict for n in names}, picture, figure)


def show(models: dict, picture, metrics: dict | None) -> None:
    """The section: three images side by side, this picture's spreads, the measured figure."""
    st.subheader("Where each model looks")
    figure = (metrics or {}).get("attention")
    panel = _panel(models, tuple(models), picture, figure)
    for col, image, caption in zip(st.columns(3), panel.images, panel.captions, strict=True):
        with col:
            st.image(image, caption=caption, width="stretch")
    st.image(panel.scale, width="stretch")
    st.caption(panel.scale_caption + " " + attention.HOW)
    st.markdown(panel.summary)
    if figure:
        st.info(panel.measured, icon=":material/straighten:")
    else:
        st.warning(panel.measured, icon=":material/hourglass_empty:")
