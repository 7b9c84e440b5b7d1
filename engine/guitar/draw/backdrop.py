"""Backdrops behind the guitar: white shop, wooden planks, painted wall, fabric."""

from __future__ import annotations

import cv2
import numpy as np

from engine.guitar.draw.paint import WOODS, jitter


def _shop(rng: np.random.Generator, size: int, xs: np.ndarray, ys: np.ndarray) -> np.ndarray:
    """White shop backdrop with a faint tint and vertical gradient."""
    base = rng.uniform(228, 255)
    tint = rng.normal(0, 3, 3)
    grad = rng.uniform(-12, 4) * ys
    return np.stack([base + tint[i] + grad for i in range(3)], axis=-1)


def _planks(rng: np.random.Generator, size: int, xs: np.ndarray, ys: np.ndarray) -> np.ndarray:
    """Wooden floor or wall: planks of varying shade, grain, dark seams."""
    wood = np.array(jitter(rng, WOODS[int(rng.integers(len(WOODS)))], 20), dtype=np.float32)
    angle = rng.uniform(0, np.pi)
    t = xs * np.cos(angle) + ys * np.sin(angle)
    planks = np.floor(t * rng.uniform(4, 9))
    shade = (np.sin(planks * 12.9898) * 43758.5453) % 1.0  # a cheap per-plank hash
    grain = np.sin((xs * np.sin(angle) - ys * np.cos(angle)) * rng.uniform(80, 160) + planks * 3)
    bg = wood * (0.85 + 0.2 * shade[..., None] + 0.05 * grain[..., None])
    edges = (np.abs((t * 6.5) % 1.0 - 0.5) > 0.48)[..., None]
    return np.where(edges, bg * 0.7, bg)


def _wall(rng: np.random.Generator, size: int, xs: np.ndarray, ys: np.ndarray) -> np.ndarray:
    """Painted wall: a gradient between two shades and smooth noise."""
    c1 = np.array(jitter(rng, rng.uniform(60, 230, 3), 0), dtype=np.float32)
    c2 = c1 * rng.uniform(0.6, 1.1)
    t = (xs * rng.uniform(-1, 1) + ys * rng.uniform(-1, 1) + 1) / 2
    bg = c1 + (c2 - c1) * t[..., None]
    small = rng.normal(0, 1, (max(4, size // 8), max(4, size // 8), 3)).astype(np.float32)
    return bg + cv2.resize(small, (size, size), interpolation=cv2.INTER_CUBIC) * rng.uniform(4, 14)


def _fabric(rng: np.random.Generator, size: int, xs: np.ndarray, ys: np.ndarray) -> np.ndarray:
    """Fabric or carpet: coloured fine noise and a weave."""
    c = np.array(rng.uniform(30, 200, 3), dtype=np.float32)
    noise = rng.normal(0, 1, (size, size, 1)).astype(np.float32)
    weave = np.sin(xs * size * 1.3) * np.sin(ys * size * 1.3)
    return c * (1 + 0.12 * noise + 0.06 * weave[..., None])


# (cumulative probability, style): a draw below the bound picks the style.
STYLES = ((0.45, _shop), (0.65, _planks), (0.85, _wall), (1.0, _fabric))


def background(rng: np.random.Generator, size: int) -> np.ndarray:
    """A random backdrop, (size, size, 3) float32 in [0, 255]."""
    ys, xs = np.mgrid[0:size, 0:size].astype(np.float32) / size
    style = rng.random()
    draw = next((fn for bound, fn in STYLES if style < bound), _fabric)
    return np.clip(draw(rng, size, xs, ys), 0, 255).astype(np.float32)
