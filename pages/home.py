"""Home: one card per demo with its thumbnail, the write-up's claim and our measured number."""

import streamlit as st

from engine import catalog
from pages import _ui

st.title("Perception Lab")
st.caption("Hobbyist computer-vision experiments, rebuilt as demos you can poke at.")
st.markdown(
    "Each demo re-implements a write-up, trains a small model here from synthetic data, and "
    "shows the write-up's finding next to the number **we measured** on fresh data. "
    "Everything runs offline; nothing is downloaded."
)

# Row by row, in the sidebar's order: cards side by side share a row, so they line up, read
# left to right in that order, and stack in that order on a narrow screen.
for start in range(0, len(catalog.DEMOS), 2):
    row = st.columns(2, gap="large")
    for column, demo in zip(row, catalog.DEMOS[start : start + 2], strict=False):
        card = column.container(border=True, height="stretch", key=f"home_card_{demo.key}")
        with card.container(height="stretch"):  # grows, so every card's link sits at its foot
            st.subheader(demo.title)
            found = _ui.card(demo.card) or {}  # the headline card, read once for both lines
            caption = catalog.thumbnail_caption(demo.key, found)
            st.image(_ui.thumbnail(demo.key), caption=caption, width="stretch")
            st.write(demo.pitch)
            st.markdown(f"**The write-up claimed:** {demo.claim}")
            measured = catalog.brief(demo.key, found)
            st.markdown(f"**We measured:** {measured or '_not trained yet_'}")
        # The next step, so it looks like one: a full-width primary button, not a grey link.
        label, key = f"Open {demo.title}", f"home_open_{demo.key}"
        icon = ":material/arrow_forward:"
        if card.button(label, icon=icon, type="primary", width="stretch", key=key):
            st.switch_page(demo.page)
