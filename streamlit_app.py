"""Perception Lab: hands-on computer-vision demos. Entry point for `streamlit run`."""

import streamlit as st

from engine.catalog import DEMOS

# An emoji favicon is drawn in the browser (an SVG data URL); a ":material/..." one would be
# fetched from fonts.gstatic.com, and this app reaches nothing outside the machine.
st.set_page_config(page_title="Perception Lab", page_icon="👁️", layout="wide")

home = st.Page("pages/home.py", title="Home", icon=":material/home:", default=True)
demos = [st.Page(d.page, title=d.title, icon=d.icon, url_path=d.key) for d in DEMOS]
st.navigation({"Perception Lab": [home], "Demos": demos}).run()
