"""Perception Lab's engine: synthesis, models, training, inference and search. Never imports streamlit."""
