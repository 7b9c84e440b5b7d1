"""The one cut-out: a procedurally drawn, photo-like flying saucer with transparency.

Re-run `python -m engine.ufo.saucer` to redraw engine/ufo/assets/saucer.png; the drawing is
deterministic (no randomness), so the file only changes when this code does.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import cv2
import numpy as np
from PIL import Image

ASSET = Path(__file__).resolve().parent / "assets" / "saucer.png"
# Final cut-out size in pixels: big enough that the compositor only ever shrinks it.
WIDTH, HEIGHT = 320, 150
# Supersampling factor: shapes are drawn 4x larger and averaged down for smooth edges.
SS = 4


def _grid(w: int, h: int) -> tuple[np.ndarray, np.ndarray]:
    """Pixel-centre coordinates normalised so x in [-1, 1] spans the width, y is in pixels/w*2."""
    ys, xs = np.mgrid[0:h, 0:w].astype(np.float32)
    return (xs + 0.5) / w * 2 - 1, (ys + 0.5) / w * 2 - h / w


def _ellipse(x: np.ndarray, y: np.ndarray, cx: float, cy: float, a: float, b: float) -> np.ndarray:
    """Normalised squared radius of an axis-aligned ellipse (< 1 inside)."""
    return ((x - cx) / a) ** 2 + ((y - cy) / b) ** 2


def _metal(x: np.ndarray, base: float, spread: float) -> np.ndarray:
    """Brushed-metal shade across x: a soft specular band left of centre and dark flanks."""
    band = np.exp(-(((x + 0.25) / 0.22) ** 2))
    flank = 1 - 0.55 * np.abs(x) ** 1.5
    return np.clip(base * flank + spread * band, 0, 1)


def _layers(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Paint hull, rim, dome and lights back to front; returns (rgb float, alpha)."""
    rgb = np.zeros((*x.shape, 3), np.float32)
    alpha = np.zeros(x.shape, np.float32)

    def paint(inside: np.ndarray, color: np.ndarray) -> None:
        rgb[inside] = color[inside] if color.ndim == 3 else color
        alpha[inside] = 1.0

    steel = np.array([0.78, 0.80, 0.84], np.float32)
    hull = (_ellipse(x, y, 0, 0.03, 0.72, 0.16) < 1) & (y > 0.0)
    shade = _metal(x, 0.45, 0.25) * (1 - 2.2 * np.clip(y - 0.0, 0, 0.2))
    paint(hull, shade[..., None] * steel)
    rim = _ellipse(x, y, 0, 0.0, 0.98, 0.085) < 1
    rim_shade = _metal(x, 0.7, 0.35) * (1 - 1.5 * np.clip(y, 0, 0.1)) + 0.15 * (y < -0.02)
    paint(rim, np.clip(rim_shade, 0, 1)[..., None] * steel)
    groove = rim & (np.abs(y - 0.012) < 0.006)
    paint(groove, np.clip(rim_shade * 0.55, 0, 1)[..., None] * steel)
    dome = (_ellipse(x, y, 0, -0.04, 0.36, 0.27) < 1) & (y < -0.03)
    glass = np.array([0.55, 0.68, 0.78], np.float32)
    d_shade = 0.55 + 0.35 * np.exp(-(((x + 0.12) / 0.1) ** 2 + ((y + 0.2) / 0.06) ** 2))
    sheen = 0.12 * np.clip(-x * 3, 0, 1)[..., None]  # the sun-side half of the glass is lighter
    paint(dome, np.clip(d_shade[..., None] * glass + sheen, 0, 1))
    for i, lx in enumerate(np.linspace(-0.75, 0.75, 9)):
        lamp = _ellipse(x, y, lx, 0.045, 0.035, 0.02) < 1
        color = np.array([1.0, 0.85, 0.35] if i % 2 else [0.55, 0.95, 1.0], np.float32)
        paint(lamp, np.broadcast_to(color, rgb.shape).copy())
    return rgb, alpha


def draw(width: int = WIDTH, height: int = HEIGHT) -> np.ndarray:
    """Draw the saucer as an (H, W, 4) uint8 RGBA array with a soft anti-aliased edge."""
    x, y = _grid(width * SS, height * SS)
    rgb, alpha = _layers(x, y)
    premul = np.concatenate([rgb * alpha[..., None], alpha[..., None]], axis=2)
    small = cv2.resize(premul, (width, height), interpolation=cv2.INTER_AREA)
    a = small[..., 3:4]
    color = np.where(a > 1e-4, small[..., :3] / np.maximum(a, 1e-4), 0)
    out = np.concatenate([color, a], axis=2)
    return np.clip(np.rint(out * 255), 0, 255).astype(np.uint8)


@cache
def load() -> np.ndarray:
    """The shipped cut-out as (H, W, 4) float32 RGBA in [0, 1], read once."""
    rgba = np.asarray(Image.open(ASSET).convert("RGBA"), dtype=np.float32) / 255.0
    rgba.setflags(write=False)
    return rgba


@cache
def writeup() -> np.ndarray | None:
    """The write-up's own cut-out (a dark saucer keyed on pure red) as float RGBA, if restored."""
    from engine.ufo.real import TRAINING_FOLDER

    path = TRAINING_FOLDER / "ufo.bmp"
    if not path.exists():
        return None
    rgb = np.asarray(Image.open(path).convert("RGB"), dtype=np.float32) / 255.0
    r, g, b = rgb[..., 0], rgb[..., 1], rgb[..., 2]
    key = (r > 0.6) & (g < 0.35) & (b < 0.35)  # the red backdrop, not the saucer
    alpha = cv2.GaussianBlur((~key).astype(np.float32), (3, 3), 0)
    rgba = np.concatenate([rgb, alpha[..., None]], axis=2)
    big = cv2.resize(rgba, (WIDTH, round(WIDTH * rgb.shape[0] / rgb.shape[1])), cv2.INTER_CUBIC)
    out = np.clip(big, 0, 1)
    out.setflags(write=False)
    return out


def main() -> None:
    """Redraw and save the asset."""
    ASSET.parent.mkdir(parents=True, exist_ok=True)
    Image.fromarray(draw(), "RGBA").save(ASSET)
    print(f"wrote {ASSET}")


if __name__ == "__main__":
    main()
