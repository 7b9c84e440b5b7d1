"""Hardware of the Fender-style bolt-ons: pickguards, single coils, bridges, plates, knobs."""

from __future__ import annotations

import numpy as np

from engine.guitar.draw.paint import CHROME, Painter, rect, spline
from engine.guitar.draw.parts import Trim, dots, single

WHITE_SWITCH = (235, 235, 235)


def stratocaster(p: Painter, rng: np.random.Generator, t: Trim) -> None:
    """Big guard, three single coils (the bridge one slanted), vibrato, three knobs."""
    guard = [
        (-0.17, 0.22),
        (-0.48, 0.26),
        (-0.62, 0.46),
        (-0.42, 0.60),
        (-0.30, 0.82),
        (0.05, 0.86),
        (0.60, 0.94),
        (0.74, 0.80),
        (0.60, 0.58),
        (0.50, 0.38),
        (0.30, 0.24),
        (0.17, 0.22),
    ]
    p.poly(spline(guard), t.guard)
    for v in (0.36, 0.50):
        single(p, 0.0, v, 0.50, 0.065, t.cream)
    single(p, 0.0, 0.65, 0.50, 0.065, t.cream, angle=-0.18)
    p.poly(rect(0.0, 0.80, 0.56, 0.09), t.hardware)
    dots(p, ((0.42, 0.70), (0.55, 0.78), (0.62, 0.88)), 0.011, t.cream)


def telecaster(p: Painter, rng: np.random.Generator, t: Trim) -> None:
    """Neck single coil, the ashtray bridge with its slanted pickup, the control plate."""
    guard = [
        (-0.17, 0.10),
        (-0.55, 0.14),
        (-0.66, 0.38),
        (-0.50, 0.60),
        (-0.25, 0.60),
        (0.30, 0.55),
        (0.55, 0.42),
        (0.50, 0.30),
        (0.17, 0.22),
    ]
    p.poly(spline(guard), t.guard)
    single(p, 0.0, 0.40, 0.40, 0.08, CHROME)
    ashtray = [(-0.40, 0.62), (0.40, 0.62), (0.42, 0.92), (-0.42, 0.92)]
    p.poly(spline(ashtray, sharp=True), CHROME)
    single(p, 0.0, 0.72, 0.46, 0.08, (25, 25, 25), angle=-0.12)
    p.poly(rect(0.62, 0.72, 0.16, 0.44, angle=-0.35), CHROME)
    for v in (0.64, 0.80):
        p.dot(0.62 + (v - 0.72) * 0.35, v, 0.012, (40, 40, 40))


def _offset_guard(p: Painter, t: Trim) -> None:
    """The Jazzmaster and Jaguar share one pickguard outline."""
    guard = [
        (-0.17, 0.20),
        (-0.50, 0.14),
        (-0.66, 0.40),
        (-0.62, 0.60),
        (-0.80, 0.80),
        (-0.40, 0.90),
        (0.25, 0.82),
        (0.75, 0.92),
        (0.85, 0.70),
        (0.70, 0.50),
        (0.62, 0.30),
        (0.30, 0.22),
        (0.17, 0.24),
    ]
    p.poly(spline(guard), t.guard)


def _offset_bridge(p: Painter, t: Trim) -> None:
    """Floating bridge and the long vibrato tailpiece below it."""
    p.poly(rect(0.0, 0.76, 0.30, 0.05), t.hardware)
    p.poly(rect(0.0, 0.90, 0.34, 0.10), t.hardware)  # vibrato


def jazzmaster(p: Painter, rng: np.random.Generator, t: Trim) -> None:
    """Two wide soapbar pickups and the rhythm-circuit plate on the upper horn."""
    _offset_guard(p, t)
    for v in (0.40, 0.60):
        single(p, 0.0, v, 0.56, 0.13, t.cream)
    p.poly(rect(-0.48, 0.25, 0.20, 0.10), t.hardware)
    dots(p, ((0.55, 0.72), (0.70, 0.80)), 0.012, t.knob)
    _offset_bridge(p, t)


def jaguar(p: Painter, rng: np.random.Generator, t: Trim) -> None:
    """Two narrow pickups in chrome claws, and the chrome plates that name a Jaguar."""
    _offset_guard(p, t)
    for v in (0.40, 0.60):
        single(p, 0.0, v, 0.46, 0.07, t.cream)
        p.poly(rect(0.0, v, 0.50, 0.105), CHROME, outline=tuple(CHROME), width=0.003)
        single(p, 0.0, v, 0.44, 0.06, t.cream)
    p.poly(rect(-0.55, 0.28, 0.34, 0.10, angle=-0.3), CHROME)  # upper horn plate
    p.poly(rect(0.52, 0.66, 0.46, 0.11, angle=-0.45), CHROME)  # lower control plate
    p.poly(rect(0.62, 0.38, 0.08, 0.16, angle=0.3), CHROME)  # switch plate
    dots(p, ((0.42, 0.58), (0.62, 0.72)), 0.011, t.knob)
    _offset_bridge(p, t)


def mustang(p: Painter, rng: np.random.Generator, t: Trim) -> None:
    """Two angled single coils, the slide switches and the control plate."""
    guard = [
        (-0.17, 0.18),
        (-0.50, 0.16),
        (-0.60, 0.45),
        (-0.70, 0.70),
        (-0.30, 0.86),
        (0.40, 0.80),
        (0.70, 0.62),
        (0.60, 0.32),
        (0.30, 0.22),
        (0.17, 0.22),
    ]
    p.poly(spline(guard), t.guard)
    single(p, 0.0, 0.40, 0.50, 0.075, t.cream, angle=0.2)
    single(p, 0.0, 0.58, 0.50, 0.075, t.cream, angle=-0.2)
    for u in (-0.36, -0.24):
        p.poly(rect(u, 0.27, 0.06, 0.10), WHITE_SWITCH)
    p.poly(rect(0.55, 0.72, 0.30, 0.15, angle=-0.4), CHROME)
    p.poly(rect(0.0, 0.80, 0.34, 0.10), t.hardware)
    dots(p, ((0.52, 0.66), (0.64, 0.78)), 0.011, t.knob)


def duo_sonic(p: Painter, rng: np.random.Generator, t: Trim) -> None:
    """Big anodised guard over most of the top, straight pickups."""
    guard = [
        (-0.17, 0.18),
        (-0.55, 0.16),
        (-0.66, 0.50),
        (-0.72, 0.80),
        (-0.30, 0.93),
        (0.40, 0.93),
        (0.78, 0.80),
        (0.68, 0.40),
        (0.40, 0.20),
        (0.17, 0.22),
    ]
    p.poly(spline(guard), t.guard)
    single(p, 0.0, 0.44, 0.48, 0.07, t.cream)
    single(p, 0.0, 0.62, 0.48, 0.07, t.cream, angle=-0.15)
    p.poly(rect(0.0, 0.80, 0.40, 0.10), CHROME)
    p.poly(rect(-0.45, 0.58, 0.06, 0.14), WHITE_SWITCH)
    dots(p, ((0.52, 0.66), (0.64, 0.78)), 0.011, t.knob)
