"""Perception engine: random search over a few two-colour ellipses that a classifier likes."""
