"""Hardware of the Gibson-style guitars and the acoustic: humbuckers, tune-o-matics, f-holes."""

from __future__ import annotations

import numpy as np

from engine.guitar.draw.paint import Painter, ellipse, jitter, rect, spline
from engine.guitar.draw.parts import AMBER, Trim, dots, humbucker

F_HOLE = (22, 14, 10)


def les_paul(p: Painter, rng: np.random.Generator, t: Trim) -> None:
    """Small raised guard, two humbuckers (covered or open), four amber knobs, the switch."""
    guard = [(0.20, 0.22), (0.45, 0.30), (0.52, 0.50), (0.35, 0.62), (0.20, 0.45)]
    p.poly(spline(guard), t.guard)
    covered = rng.random() < 0.6  # chrome covers, else open black bobbins on grey poles
    cover = t.hardware if covered else (25, 25, 25)
    poles = cover if covered else (60, 60, 60)
    for v in (0.38, 0.60):
        humbucker(p, 0.0, v, 0.42, 0.13, cover, poles)
    p.poly(rect(0.0, 0.70, 0.42, 0.035), t.hardware)
    p.poly(rect(0.0, 0.78, 0.40, 0.035), t.hardware)
    dots(p, ((0.45, 0.70), (0.70, 0.74), (0.52, 0.86), (0.76, 0.90)), 0.012, AMBER)
    p.dot(-0.60, 0.20, 0.010, t.cream)


def sg(p: Painter, rng: np.random.Generator, t: Trim) -> None:
    """The batwing guard around two humbuckers."""
    guard = [
        (-0.17, 0.30),
        (-0.50, 0.42),
        (-0.55, 0.58),
        (-0.30, 0.72),
        (0.20, 0.80),
        (0.55, 0.76),
        (0.60, 0.58),
        (0.40, 0.44),
        (0.17, 0.30),
    ]
    p.poly(spline(guard), t.guard)
    for v in (0.40, 0.58):
        humbucker(p, 0.0, v, 0.42, 0.13, t.hardware, t.hardware)
    p.poly(rect(0.0, 0.68, 0.42, 0.035), t.hardware)
    p.poly(rect(0.0, 0.76, 0.40, 0.035), t.hardware)
    dots(p, ((0.42, 0.74), (0.60, 0.70), (0.48, 0.86), (0.66, 0.82)), 0.012, AMBER)


def flying_v(p: Painter, rng: np.random.Generator, t: Trim) -> None:
    """V-shaped guard, humbuckers high on the body, the V-plate tailpiece, knobs down a wing."""
    guard = [
        (-0.20, 0.10),
        (-0.62, 0.62),
        (-0.40, 0.66),
        (0.0, 0.50),
        (0.40, 0.66),
        (0.62, 0.62),
        (0.20, 0.10),
    ]
    p.poly(spline(guard), t.guard)
    for v in (0.20, 0.34):
        humbucker(p, 0.0, v, 0.30, 0.09, t.hardware, t.hardware)
    p.poly(rect(0.0, 0.44, 0.30, 0.03), t.hardware)
    p.poly(rect(0.0, 0.56, 0.12, 0.08), t.hardware)
    for i in range(3):
        p.dot(0.55 + 0.1 * i, 0.72 + 0.09 * i, 0.012, t.knob)


def explorer(p: Painter, rng: np.random.Generator, t: Trim) -> None:
    """Big guard, two humbuckers, knobs in a line along the lower wing."""
    guard = [
        (-0.17, 0.26),
        (-0.50, 0.42),
        (-0.60, 0.70),
        (-0.20, 0.75),
        (0.40, 0.70),
        (0.60, 0.42),
        (0.40, 0.25),
        (0.17, 0.22),
    ]
    p.poly(spline(guard), t.guard)
    for v in (0.36, 0.52):
        humbucker(p, 0.0, v, 0.32, 0.10, t.hardware, t.hardware)
    p.poly(rect(0.0, 0.62, 0.32, 0.03), t.hardware)
    p.poly(rect(0.0, 0.70, 0.30, 0.03), t.hardware)
    for i in range(3):
        p.dot(-0.62 - 0.08 * i, 0.78 + 0.08 * i, 0.012, t.knob)


def firebird(p: Painter, rng: np.random.Generator, t: Trim) -> None:
    """The neck-through centre stripe (natural mahogany), a side guard, mini humbuckers."""
    stripe = np.array(jitter(rng, (150, 85, 45), 12), dtype=np.float64)
    p.poly(rect(0.0, 0.50, 0.40, 1.02), stripe)
    guard = [(-0.40, 0.38), (-0.62, 0.35), (-0.75, 0.55), (-0.55, 0.75), (-0.42, 0.70)]
    p.poly(spline(guard), t.guard)
    for v in (0.36, 0.55):
        humbucker(p, 0.0, v, 0.30, 0.10, t.hardware, t.hardware)
    p.poly(rect(0.0, 0.66, 0.30, 0.03), t.hardware)
    p.poly(rect(0.0, 0.75, 0.28, 0.035), t.hardware)
    dots(p, ((-0.55, 0.60), (-0.55, 0.72), (-0.70, 0.66), (-0.70, 0.78)), 0.012, t.knob)


def _f_holes(p: Painter) -> None:
    """Two f-holes, each a slanted slot with round ends."""
    for side in (-1, 1):
        u = side * 0.62
        p.poly(ellipse(u, 0.56, 0.06, 0.20, angle=side * 0.08), F_HOLE)
        p.dot(u, 0.37, 0.010, F_HOLE)
        p.dot(u, 0.75, 0.010, F_HOLE)


def semi_hollow(p: Painter, rng: np.random.Generator, t: Trim) -> None:
    """f-holes, a small guard, two humbuckers, four amber knobs."""
    _f_holes(p)
    guard = [(0.20, 0.26), (0.42, 0.36), (0.46, 0.52), (0.30, 0.55), (0.20, 0.40)]
    p.poly(spline(guard), t.guard)
    for v in (0.36, 0.54):
        humbucker(p, 0.0, v, 0.34, 0.10, t.hardware, t.hardware)
    p.poly(rect(0.0, 0.63, 0.34, 0.03), t.hardware)
    p.poly(rect(0.0, 0.71, 0.32, 0.03), t.hardware)
    dots(p, ((0.40, 0.76), (0.58, 0.72), (0.46, 0.88), (0.64, 0.84)), 0.011, AMBER)


def archtop(p: Painter, rng: np.random.Generator, t: Trim) -> None:
    """f-holes, a floating guard, one or two humbuckers, wooden bridge, trapeze tailpiece."""
    _f_holes(p)
    guard = [(0.20, 0.22), (0.55, 0.36), (0.62, 0.66), (0.45, 0.72), (0.22, 0.45)]
    p.poly(spline(guard), t.guard)
    humbucker(p, 0.0, 0.34, 0.30, 0.09, t.hardware, t.hardware)
    if rng.random() < 0.6:
        humbucker(p, 0.0, 0.50, 0.30, 0.09, t.hardware, t.hardware)
    p.poly(rect(0.0, 0.66, 0.28, 0.035), (60, 35, 20))
    trapeze = np.array([(-0.10, 0.82), (0.10, 0.82), (0.16, 0.99), (-0.16, 0.99)])
    p.poly(trapeze, t.hardware)
    dots(p, ((0.60, 0.80), (0.72, 0.86)), 0.011, AMBER)


def acoustic(p: Painter, rng: np.random.Generator, t: Trim) -> None:
    """Sound hole with its rosette, a teardrop guard, the glued bridge and its saddle."""
    p.ring(0.0, 0.30, 0.052, (40, 25, 15), 0.006)
    p.dot(0.0, 0.30, 0.040, (12, 8, 6))
    guard = [(0.12, 0.26), (0.40, 0.30), (0.50, 0.46), (0.30, 0.55), (0.15, 0.42)]
    p.poly(spline(guard), (60, 25, 15))
    p.poly(rect(0.0, 0.70, 0.46, 0.06), (40, 22, 14))
    p.poly(rect(0.0, 0.70, 0.32, 0.012), (235, 230, 215))
