"""Colouring attention maps over a dimmed picture: a heat scale, and a diverging difference."""

from __future__ import annotations

import cv2
import numpy as np

# Diverging ends: blue where the first (plain) model looks more, orange (the page's dust
# colour) where the second does; the picture shows through where they agree.
FIRST = np.array([49, 130, 189], np.float32)
SECOND = np.array([217, 130, 43], np.float32)
OPACITY = 0.85  # the strongest attention almost hides the picture; weak attention tints it
LOW = 0.2  # where on inferno the scale starts: its first fifth is too dark to see
GREY = 84.8  # a mid-grey picture dimmed as dimmed() does, behind the colour bar


def dimmed(picture: np.ndarray, size: int) -> np.ndarray:
    """The picture at size x size, greyed and darkened so colours on top read clearly."""
    img = cv2.resize(np.asarray(picture)[..., :3], (size, size), interpolation=cv2.INTER_AREA)
    grey = cv2.cvtColor(img, cv2.COLOR_RGB2GRAY).astype(np.float32)[..., None]
    return 0.35 * grey + 0.15 * img.astype(np.float32) + 20


def _up(values: np.ndarray, size: int) -> np.ndarray:
    """A 64 px map smoothly enlarged to the display side."""
    return cv2.resize(values.astype(np.float32), (size, size), interpolation=cv2.INTER_LINEAR)


def _blend(base: np.ndarray, colour: np.ndarray, alpha: np.ndarray) -> np.ndarray:
    a = np.clip(alpha, 0, 1)[..., None] * OPACITY
    return np.clip(base * (1 - a) + colour * a + 0.5, 0, 255).astype(np.uint8)


def _inferno(scaled: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Colour and opacity for values on a 0-1 scale.

    Inferno's bottom fifth is near black, invisible over the dimmed picture, so the scale
    starts at its purple; the square root lifts the opacity of weak attention the same way.
    """
    s = np.clip(scaled, 0, 1)
    u8 = np.clip((LOW + (1 - LOW) * s) * 255 + 0.5, 0, 255).astype(np.uint8)
    colour = cv2.applyColorMap(u8, cv2.COLORMAP_INFERNO)[..., ::-1].astype(np.float32)
    return colour, np.sqrt(s)


def heat(base: np.ndarray, values: np.ndarray, vmax: float) -> np.ndarray:
    """Inferno colours over the dimmed picture, 0 -> transparent, vmax -> strongest."""
    size = base.shape[0]
    scaled = _up(values, size) / vmax if vmax > 0 else np.zeros((size, size), np.float32)
    colour, alpha = _inferno(scaled)
    return _blend(base, colour, alpha)


def legend(width: int = 960, height: int = 14) -> np.ndarray:
    """The heat maps' colour bar, 0 on the left to the scale's top on the right, over grey."""
    scaled = np.broadcast_to(np.linspace(0, 1, width, dtype=np.float32), (height, width))
    base = np.full((height, width, 3), GREY, np.float32)
    colour, alpha = _inferno(scaled)
    return _blend(base, colour, alpha)


def diverging(base: np.ndarray, difference: np.ndarray) -> np.ndarray:
    """Blue where the difference is positive, orange where negative, scaled to its largest |d|."""
    size = base.shape[0]
    d = _up(difference, size)
    vmax = float(np.abs(d).max())
    d = d / vmax if vmax > 0 else np.zeros_like(d)
    colour = np.where(d[..., None] >= 0, FIRST, SECOND)
    return _blend(base, colour, np.abs(d) ** 0.75)
