"""Parts the hardware drawers share: the trim colours and the two kinds of pickup."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from engine.guitar.draw.paint import Painter, rect

AMBER = (190, 130, 40)  # Gibson-style "bell" knobs


@dataclass(frozen=True)
class Trim:
    """Colours of one guitar's pickguard and hardware."""

    guard: tuple
    hardware: tuple
    cream: tuple  # single-coil covers and Fender knobs
    knob: tuple


def humbucker(p: Painter, u: float, v: float, w: float, h: float, cover, poles) -> None:
    """A humbucker: a cover and two rows of pole pieces."""
    p.poly(rect(u, v, w, h), cover)
    for du in (-0.25, 0.25):
        p.poly(rect(u, v + du * h * 0.9, w * 0.85, h * 0.28), poles)


def single(p: Painter, u: float, v: float, w: float, h: float, color, angle: float = 0.0) -> None:
    """A single-coil pickup, with its six poles when the picture is big enough."""
    pts = rect(u, v, w, h, angle)
    p.poly(pts, color)
    if p.L >= 96:  # pole pieces only where they can be seen
        for i in range(6):
            t = (i - 2.5) / 6.5
            cu = u + np.cos(angle) * t * w
            cv = v + np.sin(angle) * t * w * 0.5
            p.dot(cu, cv, 0.0025, (150, 150, 150))


def dots(p: Painter, points, r: float, fill) -> None:
    """Knobs (or screws) at the given body points."""
    for u, v in points:
        p.dot(u, v, r, fill)
