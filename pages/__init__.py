"""Streamlit pages: widgets -> one engine call -> render. Shared UI pieces live in _ui.py."""

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
