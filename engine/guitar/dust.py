"""Occluders: the write-up's training "dust", and person-like scribbles and Cutout squares to test.

`add_dust` is the write-up's `add_dust_to_batch_images` ported line by line, with the random
source passed in and the rectangle half-sizes scaled from the write-up's input side
(`reference`, ResNet-50's 224 px) to ours. Scribbles and squares work on display-resolution
renders and stop when a target share of the guitar's pixels is covered.
"""

from __future__ import annotations

import cv2
import numpy as np

REFERENCE_SIDE = 224  # the write-up's ResNet-50 input side; its half-sizes 1..7 are in these pixels


def add_dust(
    x: np.ndarray, rng: np.random.Generator, reference: int = REFERENCE_SIDE
) -> np.ndarray:
    """Write-up's dust, in place on a batch (N, H, W, C) of floats in [0, 1] (or uint8 0..255).

    Per image: 0..31 rectangles; centres ~ clip(N(0.5, 0.25), 0, 1) * side (biased to the
    centre, where the guitar is); half-sizes 1..7 reference pixels, scaled to our side (at
    least one pixel); one grey brightness 0..255 each, over every channel.
    """
    batch_size, height, width, _ = x.shape
    scale = height / reference
    top_value = 1.0 if x.dtype.kind == "f" else 255.0
    for i in range(batch_size):
        num_of_dust = int(rng.integers(32))
        pos_y = (np.clip(rng.standard_normal(num_of_dust) / 4.0 + 0.5, 0.0, 1.0) * height).astype(
            int
        )
        pos_x = (np.clip(rng.standard_normal(num_of_dust) / 4.0 + 0.5, 0.0, 1.0) * width).astype(
            int
        )
        half_w = np.maximum(1, np.round(rng.integers(1, 8, num_of_dust) * scale)).astype(int)
        half_h = np.maximum(1, np.round(rng.integers(1, 8, num_of_dust) * scale)).astype(int)
        bright = rng.integers(0, 256, num_of_dust) / 255.0 * top_value
        for py, px, hw, hh, b in zip(pos_y, pos_x, half_w, half_h, bright, strict=True):
            top = np.clip(py - hh, 0, height - 1)
            bottom = np.clip(py + hh, 0, height - 1)
            left = np.clip(px - hw, 0, width - 1)
            right = np.clip(px + hw, 0, width - 1)
            x[i, top:bottom, left:right, :] = b
    return x


def _random_colour(rng: np.random.Generator) -> tuple[int, int, int]:
    """Marker colours a person might pick: saturated, black, white or grey."""
    r = rng.random()
    if r < 0.25:
        v = int(rng.choice([15, 240, int(rng.integers(60, 200))]))
        return (v, v, v)
    hsv = np.uint8(
        [[[int(rng.integers(180)), int(rng.integers(150, 256)), int(rng.integers(120, 256))]]]
    )
    return tuple(int(c) for c in cv2.cvtColor(hsv, cv2.COLOR_HSV2RGB)[0, 0])


def scribble_stroke(
    rng: np.random.Generator, size: int, mask: np.ndarray
) -> tuple[np.ndarray, int]:
    """One hand-like stroke: a wobbly polyline starting on the guitar; (points (k, 2), width)."""
    ys, xs = np.nonzero(mask)
    if len(ys) == 0:
        start = rng.uniform(0, size, 2)
    else:
        j = int(rng.integers(len(ys)))
        start = np.array([xs[j], ys[j]], dtype=np.float64)
    n = int(rng.integers(4, 12))
    heading = rng.uniform(0, 2 * np.pi)
    step = size * rng.uniform(0.03, 0.07)
    pts = [start]
    for _ in range(n):
        heading += rng.normal(0, 0.9)
        pts.append(pts[-1] + step * np.array([np.cos(heading), np.sin(heading)]))
    width = max(2, int(size * rng.uniform(0.025, 0.06)))
    return np.array(pts), width


def scribble(
    image: np.ndarray, mask: np.ndarray, coverage: float, rng: np.random.Generator
) -> tuple[np.ndarray, float]:
    """Draw thick random-colour strokes until `coverage` of the guitar's pixels are hidden.

    Returns the scribbled copy and the coverage actually reached (the last stroke may overshoot;
    strokes are thinned near the target so it stays within a few points).
    """
    out = image.copy()
    total = int(mask.sum())
    if coverage <= 0 or total == 0:
        return out, 0.0
    covered = np.zeros(mask.shape, dtype=np.uint8)
    size = image.shape[0]
    reached = 0.0
    for _ in range(400):
        pts, width = scribble_stroke(rng, size, mask)
        if coverage - reached < 0.05:
            width = max(2, width // 2)
        stroke = np.zeros_like(covered)
        line = pts.round().astype(np.int32).reshape(-1, 1, 2)
        cv2.polylines(stroke, [line], False, 1, thickness=width, lineType=cv2.LINE_AA)
        colour = _random_colour(rng)
        out[stroke > 0] = colour
        covered |= stroke
        reached = float((covered.astype(bool) & mask).sum()) / total
        if reached >= coverage:
            break
    return out, reached


def cutout(
    image: np.ndarray,
    mask: np.ndarray,
    coverage: float,
    rng: np.random.Generator,
    side: float = 0.12,
) -> tuple[np.ndarray, float]:
    """Cutout-style grey squares (`side` of the picture) until `coverage` of the guitar hides."""
    out = image.copy()
    total = int(mask.sum())
    if coverage <= 0 or total == 0:
        return out, 0.0
    size = image.shape[0]
    s = max(2, int(size * side))
    covered = np.zeros(mask.shape, dtype=bool)
    ys, xs = np.nonzero(mask)
    reached = 0.0
    for _ in range(100):
        j = int(rng.integers(len(ys)))
        cy, cx = ys[j], xs[j]
        y0, x0 = max(0, cy - s // 2), max(0, cx - s // 2)
        out[y0 : y0 + s, x0 : x0 + s] = 128
        covered[y0 : y0 + s, x0 : x0 + s] = True
        reached = float((covered & mask).sum()) / total
        if reached >= coverage:
            break
    return out, reached
