"""The upright guitar on a transparent square canvas: headstock, neck, body, hardware, strings."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from engine.guitar.draw import hardware
from engine.guitar.draw.finish import Look, body_layer, look
from engine.guitar.draw.headstock import headstock
from engine.guitar.draw.paint import Painter, rect
from engine.guitar.draw.shapes import BODY_BOTTOM, LAYOUT

# Solid-finish models whose headstock is painted to match the body.
MATCHING_HEADS = ("Stratocaster", "Jaguar", "Firebird")
# Models with a black headstock face; the rest show the neck's wood.
BLACK_HEADS = ("Les Paul", "SG", "Flying V", "Explorer", "Semi-hollow", "Hollow (archtop)")
# Where the strings end, in body v; everything else has its bridge at 0.78.
BRIDGE_V = {"Acoustic": 0.70, "Hollow (archtop)": 0.95, "Flying V": 0.50}
FRET_LIGHT = (200, 200, 195)


@dataclass(frozen=True)
class Frame:
    """Where one guitar sits on the upright canvas (fractions of its side)."""

    kind: str
    size: int
    hw: float  # body half-width
    top: float  # body top
    nut: float
    neck_w: float

    def painter(self) -> Painter:
        """A fresh transparent layer in this guitar's body coordinates."""
        return Painter(self.size, self.hw, self.top)

    def join(self) -> float:
        """Local y where the neck meets the body (set-in, glued-on or neck-through)."""
        if self.kind == "Firebird":
            return self.top + 0.05 * (BODY_BOTTOM - self.top)
        return self.top + (0.30 if self.kind != "Acoustic" else 0.02) * (BODY_BOTTOM - self.top)


def _head_color(kind: str, lk: Look):
    """Matching paint, black face or bare wood, as the model usually has it."""
    if lk.finish == "solid" and kind in MATCHING_HEADS:
        return lk.color
    return (25, 22, 20) if kind in BLACK_HEADS else lk.wood


def _lower(f: Frame, head: str, lk: Look, body_rgb: np.ndarray, body_mask: np.ndarray):
    """Headstock and lower neck, with the body laid over them: (RGB float, alpha)."""
    painter = f.painter()
    neck_bottom = f.top + 0.22 * (BODY_BOTTOM - f.top)
    headstock(painter, head, f.nut, f.neck_w, _head_color(f.kind, lk), lk.hardware)
    neck = rect(0.5, (f.nut + neck_bottom) / 2, f.neck_w * 1.08, neck_bottom - f.nut)
    painter.ppoly(neck, lk.board)
    neck_rgba = np.asarray(painter.img, dtype=np.float32)
    rgb = neck_rgba[..., :3].copy()
    alpha = neck_rgba[..., 3] / 255.0
    body = body_mask.astype(np.float32)
    rgb = rgb * (1 - body[..., None]) + body_rgb * body[..., None]
    return rgb, np.maximum(alpha, body)


def _frets(painter: Painter, f: Frame, join: float) -> None:
    """Fret wires down to the neck joint, only where a picture is big enough to show them."""
    if f.size < 96:
        return
    scale = join - f.nut
    for i in range(1, 22):
        y = f.nut + scale * (1 - 2 ** (-i / 12)) * 1.35
        if y >= join:
            break
        x0, x1 = (0.5 - f.neck_w / 2) * f.size, (0.5 + f.neck_w / 2) * f.size
        painter.draw.line((x0, y * f.size, x1, y * f.size), fill=FRET_LIGHT + (255,), width=1)


def _strings(painter: Painter, f: Frame) -> None:
    """Six strings from the nut, fanning out slightly to the bridge."""
    ((bx, by),) = painter.xy(np.array([[0.0, BRIDGE_V.get(f.kind, 0.78)]]))
    for i in range(6):
        t = (i - 2.5) / 6
        x_top = (0.5 + t * f.neck_w * 0.8) * f.size
        x_bot = bx + t * f.neck_w * 1.1 * f.size
        painter.draw.line((x_top, f.nut * f.size, x_bot, by), fill=(215, 215, 215, 200), width=1)


def _upper(rng: np.random.Generator, f: Frame, lk: Look, join: float) -> np.ndarray:
    """Upper neck (over the body where the neck joins), frets, nut, hardware, strings: RGBA."""
    painter = f.painter()
    painter.ppoly(rect(0.5, (f.nut + join) / 2, f.neck_w, join - f.nut), lk.board)
    _frets(painter, f, join)
    painter.ppoly(rect(0.5, f.nut, f.neck_w * 1.05, 0.006), (235, 230, 215))
    hardware.draw(rng, painter, f.kind, lk.guard, lk.hardware, lk.cream)
    _strings(painter, f)
    return np.asarray(painter.img, dtype=np.float32)


def guitar(rng: np.random.Generator, kind: str, size: int) -> tuple[np.ndarray, np.ndarray]:
    """Upright guitar on a transparent square canvas: (RGB float, alpha float in [0, 1])."""
    hw0, top0, nut0, head = LAYOUT[kind]
    hw = hw0 * 1.1 * rng.uniform(0.94, 1.06)
    top = top0 + rng.uniform(-0.015, 0.015)
    nut = nut0 + rng.uniform(-0.01, 0.01)
    lk = look(rng, kind)
    body_rgb, body_mask = body_layer(rng, kind, size, hw, top, lk.finish, lk.color, lk.wood)
    # Neck and headstock first (under the body), then the body, then hardware on top.
    f = Frame(kind, size, hw, top, nut, 0.046 * rng.uniform(0.92, 1.08))
    rgb, alpha = _lower(f, head, lk, body_rgb, body_mask)
    join = f.join()
    over = _upper(rng, f, lk, join)
    # Pickguards and plates never hang over the body's edge; only the neck leaves the body.
    cols = np.abs(np.arange(size) / size - 0.5) <= f.neck_w * 0.6
    rows = np.arange(size) / size <= join
    inside = body_mask | (rows[:, None] & cols[None, :])
    a = over[..., 3:4] / 255.0 * inside[..., None]
    rgb = rgb * (1 - a) + over[..., :3] * a
    alpha = np.maximum(alpha, a[..., 0])
    return rgb, alpha
