"""Pickguard, pickups, bridge, knobs: the details that name the model, one drawer per kind."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from engine.guitar.draw import fender, gibson
from engine.guitar.draw.paint import Painter
from engine.guitar.draw.parts import Trim

Drawer = Callable[[Painter, np.random.Generator, Trim], None]

DRAWERS: dict[str, Drawer] = {
    "Stratocaster": fender.stratocaster,
    "Telecaster": fender.telecaster,
    "Jazzmaster": fender.jazzmaster,
    "Jaguar": fender.jaguar,
    "Mustang": fender.mustang,
    "Duo-Sonic": fender.duo_sonic,
    "Les Paul": gibson.les_paul,
    "SG": gibson.sg,
    "Flying V": gibson.flying_v,
    "Explorer": gibson.explorer,
    "Firebird": gibson.firebird,
    "Semi-hollow": gibson.semi_hollow,
    "Hollow (archtop)": gibson.archtop,
    "Acoustic": gibson.acoustic,
}


def draw(rng: np.random.Generator, p: Painter, kind: str, guard, hardware, cream) -> None:
    """Paint `kind`'s hardware; the knob colour is drawn first, whatever the kind."""
    knob = hardware if rng.random() < 0.5 else (30, 30, 30)
    DRAWERS[kind](p, rng, Trim(guard, hardware, cream, knob))
