"""Finishes and shading: the guitar's colours, and its body as a lit, bevelled RGB layer."""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np
from PIL import Image, ImageDraw

from engine.guitar.draw.paint import (
    BOARDS,
    CHROME,
    GOLD,
    GUARDS,
    SOLIDS,
    WOODS,
    Painter,
    jitter,
    spline,
)
from engine.guitar.draw.shapes import OUTLINES, SHARP

# Per class, the finish it usually wears and how often; any class may wear any finish.
USUAL: dict[str, tuple[str, float]] = {
    "Les Paul": ("sunburst", 0.5),
    "Acoustic": ("wood", 0.7),
    "Hollow (archtop)": ("sunburst", 0.5),
    "Semi-hollow": ("sunburst", 0.3),
    "SG": ("solid", 0.6),
    "Firebird": ("sunburst", 0.3),
}


@dataclass(frozen=True)
class Look:
    """One guitar's finish and the colours of its parts."""

    finish: str  # "solid", "sunburst" or "wood"
    color: tuple[int, int, int]
    wood: tuple[int, int, int]
    guard: tuple[int, int, int]
    board: tuple[int, int, int]
    hardware: tuple[int, int, int]
    cream: tuple[int, int, int]


def look(rng: np.random.Generator, kind: str) -> Look:
    """Draw a finish and part colours for `kind` (the draw order fixes every later picture)."""
    r = rng.random()
    usual = USUAL.get(kind, ("solid", 0.5))
    finish = usual[0] if r < usual[1] else ("solid", "sunburst", "wood")[int(rng.integers(3))]
    color = jitter(rng, SOLIDS[int(rng.integers(len(SOLIDS)))], 12)
    if kind == "SG" and finish == "solid" and rng.random() < 0.6:
        color = jitter(rng, (140, 20, 25), 10)
    wood = jitter(rng, WOODS[int(rng.integers(len(WOODS)))], 10)
    guard = jitter(rng, GUARDS[int(rng.integers(len(GUARDS)))], 6)
    if kind == "Duo-Sonic":
        guard = jitter(rng, (200, 170, 90), 10)  # anodised aluminium
    board = jitter(rng, BOARDS[int(rng.integers(len(BOARDS)))], 8)
    hardware = jitter(rng, CHROME if rng.random() < 0.75 else GOLD, 6)
    cream = jitter(rng, (240, 235, 215) if rng.random() < 0.7 else (25, 25, 25), 6)
    return Look(finish, color, wood, guard, board, hardware, cream)


def _sunburst(rng: np.random.Generator, dist: np.ndarray) -> np.ndarray:
    """Dark edge through red to an amber centre, by distance from the body's edge."""
    depth = np.clip(dist / (0.06 + rng.uniform(0, 0.03)), 0, 1)[..., None]
    centre = np.array(jitter(rng, (230, 160, 50), 15), dtype=np.float32)
    edge = np.array(jitter(rng, (40, 15, 8), 8), dtype=np.float32)
    mid = np.array(jitter(rng, (170, 50, 20), 12), dtype=np.float32)
    return np.where(
        depth < 0.5, edge + (mid - edge) * (depth * 2), mid + (centre - mid) * (depth * 2 - 1)
    )


def _wood(rng: np.random.Generator, wood, xs: np.ndarray, ys: np.ndarray) -> np.ndarray:
    """Natural wood: wavy grain lines over the base colour."""
    base = np.array(wood, dtype=np.float32)
    freq = rng.uniform(60, 140)
    phase = rng.uniform(0, 6.28)
    wobble = np.sin(ys * rng.uniform(8, 20) + phase) * rng.uniform(0.01, 0.03)
    grain = np.sin((xs + wobble) * freq + np.sin(ys * 3 + phase) * 2)
    return base * (1 + 0.09 * grain[..., None] - 0.05 * (grain[..., None] > 0.8))


def _bevel(rng, rgb: np.ndarray, dist: np.ndarray, xs: np.ndarray, ys: np.ndarray) -> np.ndarray:
    """Bevel: a height field rising from the edge; light from a random direction."""
    size = dist.shape[0]
    height = np.sqrt(np.clip(dist / 0.025, 0, 1))
    gy, gx = np.gradient(height * 0.02 * size)
    lx, ly = np.cos(rng.uniform(0, 2 * np.pi)), np.sin(rng.uniform(0, 2 * np.pi))
    shade = 1.0 + 0.35 * (gx * lx + gy * ly) - 0.12 * (1 - height)
    glow = np.exp(-(((xs - 0.5 - 0.1 * lx) ** 2) + ((ys - 0.78 - 0.1 * ly) ** 2)) / 0.02)
    return rgb * shade[..., None] + 40 * glow[..., None] * rng.uniform(0.2, 1.0)


def body_layer(rng, kind: str, size: int, hw: float, top: float, finish: str, color, wood):
    """The body's RGB float layer (outline filled, finished, bevel-shaded) and its mask."""
    outline = spline(OUTLINES[kind], sharp=kind in SHARP)
    painter = Painter(size, hw, top)
    mask_img = Image.new("L", (size, size), 0)
    ImageDraw.Draw(mask_img).polygon(painter.xy(outline), fill=255)
    mask = np.asarray(mask_img) > 127
    ys, xs = np.mgrid[0:size, 0:size].astype(np.float32) / size
    dist = cv2.distanceTransform(mask.astype(np.uint8), cv2.DIST_L2, 3) / size
    if finish == "sunburst":
        rgb = _sunburst(rng, dist)
    elif finish == "wood":
        rgb = _wood(rng, wood, xs, ys)
    else:
        rgb = np.broadcast_to(np.array(color, dtype=np.float32), (size, size, 3)).copy()
    rgb = _bevel(rng, rgb, dist, xs, ys)
    return np.clip(rgb, 0, 255), mask
