"""Placeholder until the demo is built: says so plainly, fakes nothing."""

from pages import _ui

_ui.not_built("guitar")
