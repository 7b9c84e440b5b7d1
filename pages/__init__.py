"""Streamlit pages: widgets -> one engine call -> render. Shared UI pieces live in _ui.py."""
