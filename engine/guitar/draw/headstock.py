"""Headstocks above the nut, one outline per style, with their tuners (local coordinates)."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from engine.guitar.draw.paint import Painter

X0 = 0.5  # the neck's centre line on the local canvas
TUNER_R = 0.011

Points = list[tuple[float, float]]


def _fender(style: str, hw: float, nut: float, top: float, h: float) -> tuple[np.ndarray, Points]:
    """Six-in-line, tuners on the bass side; the big style flares further."""
    big = 1.35 if style == "fender_big" else 1.0
    pts = np.array(
        [
            (X0 - hw, nut),
            (X0 - hw * 1.1, nut - h * 0.35),
            (X0 - hw * 1.9 * big, nut - h * 0.75),
            (X0 - hw * 1.6 * big, top),
            (X0 - hw * 0.4, top + h * 0.05),
            (X0 + hw * 1.2, nut - h * 0.55),
            (X0 + hw * 1.0, nut - h * 0.25),
            (X0 + hw, nut),
        ]
    )
    tuners = [(X0 - hw * 1.45 * (big**0.5), nut - h * (0.12 + 0.14 * i)) for i in range(6)]
    return pts, tuners


def _reverse(style: str, hw: float, nut: float, top: float, h: float) -> tuple[np.ndarray, Points]:
    """Firebird's reversed six-in-line, tuners on the treble side."""
    pts = np.array(
        [
            (X0 - hw, nut),
            (X0 - hw * 1.1, nut - h * 0.4),
            (X0 - hw * 0.6, top),
            (X0 + hw * 0.9, top + h * 0.12),
            (X0 + hw * 2.2, nut - h * 0.6),
            (X0 + hw * 1.4, nut - h * 0.2),
            (X0 + hw, nut),
        ]
    )
    tuners = [(X0 + hw * (0.3 + 0.25 * i), nut - h * (0.88 - 0.12 * i)) for i in range(6)]
    return pts, tuners


def _hockey(style: str, hw: float, nut: float, top: float, h: float) -> tuple[np.ndarray, Points]:
    """Explorer's hockey stick, swept to the bass side."""
    pts = np.array(
        [
            (X0 - hw, nut),
            (X0 - hw * 1.05, nut - h * 0.6),
            (X0 - hw * 2.6, top),
            (X0 - hw * 1.6, top - h * 0.05),
            (X0 + hw * 0.8, nut - h * 0.35),
            (X0 + hw, nut),
        ]
    )
    tuners = [(X0 - hw * (0.3 + 0.33 * i), nut - h * (0.3 + 0.13 * i)) for i in range(6)]
    return pts, tuners


def _v(style: str, hw: float, nut: float, top: float, h: float) -> tuple[np.ndarray, Points]:
    """Flying V's pointed headstock, three tuners a side."""
    pts = np.array(
        [
            (X0 - hw, nut),
            (X0 - hw * 1.7, top),
            (X0, top + h * 0.3),
            (X0 + hw * 1.7, top),
            (X0 + hw, nut),
        ]
    )
    tuners = []
    for i in range(3):
        tuners.append((X0 - hw * (1.0 + 0.2 * i), nut - h * (0.25 + 0.25 * i)))
        tuners.append((X0 + hw * (1.0 + 0.2 * i), nut - h * (0.25 + 0.25 * i)))
    return pts, tuners


def _open_book(
    style: str, hw: float, nut: float, top: float, h: float
) -> tuple[np.ndarray, Points]:
    """Gibson open-book, archtop and acoustic: 3 + 3, flaring by style."""
    flare = {"gibson": 1.45, "archtop": 1.6, "acoustic": 1.3}[style]
    pts = np.array(
        [
            (X0 - hw, nut),
            (X0 - hw * flare, top + h * 0.1),
            (X0 - hw * flare * 0.8, top),
            (X0, top + h * (0.1 if style != "acoustic" else 0.0)),
            (X0 + hw * flare * 0.8, top),
            (X0 + hw * flare, top + h * 0.1),
            (X0 + hw, nut),
        ]
    )
    tuners = []
    for i in range(3):
        y = nut - h * (0.25 + 0.25 * i)
        tuners.append((X0 - hw * flare * 1.05, y))
        tuners.append((X0 + hw * flare * 1.05, y))
    return pts, tuners


STYLES: dict[str, Callable[..., tuple[np.ndarray, Points]]] = {
    "fender_big": _fender,
    "fender_small": _fender,
    "reverse": _reverse,
    "hockey": _hockey,
    "v": _v,
}


def headstock(p: Painter, style: str, nut: float, neck_w: float, color, hardware) -> None:
    """Headstock above the nut (local coordinates), tuners included."""
    top = max(0.02, nut - 0.15)
    pts, tuners = STYLES.get(style, _open_book)(style, neck_w / 2, nut, top, nut - top)
    p.ppoly(pts, color)
    r = TUNER_R
    for tx, ty in tuners:
        p.draw.ellipse(
            ((tx - r) * p.L, (ty - r) * p.L, (tx + r) * p.L, (ty + r) * p.L),
            fill=tuple(int(c) for c in hardware) + (255,),
        )
