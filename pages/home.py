"""Home: one card per demo with its thumbnail, the write-up's claim and our measured number."""

import streamlit as st

from engine import catalog
from pages import _ui

st.title("Perception Lab")
st.caption("Four hobbyist computer-vision experiments, rebuilt as demos you can poke at.")
st.markdown(
    "Each demo re-implements a write-up, trains a small model here from synthetic data, and "
    "shows the write-up's finding next to the number **we measured** on fresh data. "
    "Everything runs offline; nothing is downloaded."
)

columns = st.columns(2, gap="large")
for i, demo in enumerate(catalog.DEMOS):
    with columns[i % 2].container(border=True):
        st.subheader(demo.title)
        picture = _ui.thumbnail(demo.key)
        if picture is not None:
            st.image(picture, width="stretch")
        st.write(demo.pitch)
        st.markdown(f"**The write-up claimed:** {demo.claim}")
        measured = catalog.headline(demo.key)
        st.markdown(f"**We measured:** {measured or '_not trained yet_'}")
        st.page_link(demo.page, label=f"Open {demo.title}", icon=":material/arrow_forward:")
