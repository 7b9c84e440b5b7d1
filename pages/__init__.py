"""Streamlit pages: widgets -> one engine call -> render. Shared UI pieces live in _ui.py."""

# Plotly imports pandas lazily and trusts sys.modules: two sessions drawing their first chart
# at once let one see a half-imported pandas ("has no attribute 'Series'"). Import it up front.
import pandas  # noqa: F401
import plotly.graph_objects  # noqa: F401
import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

# streamlit_app.py lists the pages with st.navigation, but Streamlit treats a folder named
# pages/ as old-style automatic pages until the process's first st.navigation call: a first
# visit straight to /hat would run that page bare (raw file list in the sidebar, no wide
# layout). The first import of this package turns that off once and reruns through the
# entry point. (The import fails with the rerun, so it is retried, and passes, on the rerun.)
if PagesManager.uses_pages_directory:
    PagesManager.uses_pages_directory = False
    st.rerun()
