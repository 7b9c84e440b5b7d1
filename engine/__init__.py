"""Perception Lab's engine: synthesis, models, training, inference, search. No streamlit."""
