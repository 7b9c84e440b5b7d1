"""Procedural guitar product shots: 13 classes of the write-up plus an out-of-class Duo-Sonic.

A guitar is drawn upright in a square local canvas (neck up, body down), from outlines given as
control points in body coordinates (u across the body in [-1, 1], bass side left; v down the
body in [0, 1]). Finish (solid, sunburst, natural wood), bevel shading, pickguard and hardware
are painted there, then the guitar is posed (rotation, scale, offset) onto a white shop or a
textured background with a soft shadow, and lightly blurred and JPEG-compressed.

Everything is drawn from one `numpy.random.Generator`, so the same generator state gives the
same picture at any size. `render(rng, size=320)` is the display picture; `to_input` shrinks it
to the model's input.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from engine.guitar.draw.backdrop import background
from engine.guitar.draw.upright import guitar

# The write-up's 13 classes, in the models' label order.
LABELS: tuple[str, ...] = (
    "Stratocaster",
    "Telecaster",
    "Jazzmaster",
    "Jaguar",
    "Mustang",
    "Les Paul",
    "SG",
    "Flying V",
    "Explorer",
    "Firebird",
    "Semi-hollow",
    "Hollow (archtop)",
    "Acoustic",
)
# Rendered but never trained on: what does each model call a guitar it never saw?
OUT_OF_CLASS = "Duo-Sonic"
KINDS: tuple[str, ...] = (*LABELS, OUT_OF_CLASS)

INPUT_SIZE = 64  # the models' input side (pixels, RGB float32 in [0, 1])


@dataclass(frozen=True)
class Render:
    """One rendered product shot."""

    image: np.ndarray  # (size, size, 3) uint8 RGB
    mask: np.ndarray  # (size, size) bool: pixels of the guitar
    kind: str  # one of KINDS
    label: int  # index in LABELS, -1 for the out-of-class guitar


def _kind(rng: np.random.Generator, kind: str | int | None) -> str:
    """A kind's name from a name, a label index, or None (a random class of the 13)."""
    if kind is None:
        kind = LABELS[int(rng.integers(len(LABELS)))]
    elif isinstance(kind, (int, np.integer)):
        kind = LABELS[int(kind)]
    if kind not in KINDS:
        raise ValueError(f"unknown guitar '{kind}' (known: {', '.join(KINDS)})")
    return kind


def _pose(rng: np.random.Generator, rgb: np.ndarray, alpha: np.ndarray, size: int):
    """Mostly upright, sometimes tilted; the guitar fills most of the frame height."""
    angle = rng.normal(0, 14) if rng.random() < 0.85 else rng.uniform(-40, 40)
    if rng.random() < 0.5:
        angle = -angle
    scale = rng.uniform(0.80, 1.0)
    shift = rng.uniform(-0.06, 0.06, 2) * size
    matrix = cv2.getRotationMatrix2D((size / 2, size / 2), angle, scale)
    matrix[:, 2] += shift
    rgb_w = cv2.warpAffine(rgb, matrix, (size, size), flags=cv2.INTER_LINEAR)
    alpha_w = cv2.warpAffine(alpha, matrix, (size, size), flags=cv2.INTER_LINEAR)
    return rgb_w, alpha_w


def _light(rng: np.random.Generator, bg: np.ndarray, rgb_w: np.ndarray, alpha_w: np.ndarray):
    """Soft shadow cast onto the backdrop, then the lit guitar."""
    size = bg.shape[0]
    light = rng.uniform(0.8, 1.15)
    offset = rng.uniform(0.005, 0.025, 2) * size
    shadow_m = np.float32([[1, 0, offset[0]], [0, 1, offset[1]]])
    shadow = cv2.warpAffine(alpha_w, shadow_m, (size, size))
    k = max(3, int(size * 0.03) | 1)
    shadow = cv2.GaussianBlur(shadow, (k, k), 0) * rng.uniform(0.25, 0.55)
    out = bg * (1 - shadow[..., None])
    a = alpha_w[..., None]
    return out * (1 - a) + np.clip(rgb_w * light, 0, 255) * a


def _camera(rng: np.random.Generator, out: np.ndarray, camera: bool) -> np.ndarray:
    """Focus blur, sensor noise and JPEG compression (all skipped without a camera)."""
    size = out.shape[0]
    if camera:
        if rng.random() < 0.6:
            sigma = rng.uniform(0.2, 1.2) * size / 320
            out = cv2.GaussianBlur(out, (0, 0), sigma)
        out = out + rng.normal(0, rng.uniform(0, 4), out.shape).astype(np.float32)
    image = np.clip(out, 0, 255).astype(np.uint8)
    if camera and rng.random() < 0.5:
        quality = int(rng.integers(40, 95))
        ok, buf = cv2.imencode(".jpg", image[..., ::-1], [cv2.IMWRITE_JPEG_QUALITY, quality])
        image = cv2.imdecode(buf, cv2.IMREAD_COLOR)[..., ::-1].copy()
    return image


def render(
    rng: np.random.Generator,
    kind: str | int | None = None,
    size: int = 320,
    camera: bool = True,
) -> Render:
    """One product shot of `kind` (name, label index, or None: a random class of the 13)."""
    kind = _kind(rng, kind)
    rgb, alpha = guitar(rng, kind, size)
    bg = background(rng, size)
    rgb_w, alpha_w = _pose(rng, rgb, alpha, size)
    image = _camera(rng, _light(rng, bg, rgb_w, alpha_w), camera)
    label = LABELS.index(kind) if kind in LABELS else -1
    return Render(image=image, mask=alpha_w > 0.5, kind=kind, label=label)


def to_input(image: np.ndarray, size: int = INPUT_SIZE) -> np.ndarray:
    """An RGB uint8 picture of any size -> the models' (size, size, 3) float32 input in [0, 1]."""
    img = np.asarray(image)
    if img.ndim == 2:
        img = np.repeat(img[..., None], 3, axis=2)
    img = img[..., :3]
    h, w = img.shape[:2]
    side = max(h, w)
    if h != w:  # pad to a square with the edge colour, keeping the whole picture
        pad = np.full((side, side, 3), np.median(img.reshape(-1, 3), axis=0), dtype=np.uint8)
        y0, x0 = (side - h) // 2, (side - w) // 2
        pad[y0 : y0 + h, x0 : x0 + w] = img
        img = pad
    small = cv2.resize(img, (size, size), interpolation=cv2.INTER_AREA)
    return small.astype(np.float32) / 255.0


def sample_grid(seed: int = 0, size: int = 160, kinds: tuple[str, ...] = KINDS) -> np.ndarray:
    """One render of each kind side by side (for eyeballing and the page)."""
    rng = np.random.default_rng(seed)
    tiles = [render(rng, k, size=size).image for k in kinds]
    return np.concatenate(tiles, axis=1)
