"""The saucer probability map laid over the photo, at an opacity the viewer picks."""

from __future__ import annotations

import cv2
import numpy as np


def heat(prob: np.ndarray) -> np.ndarray:
    """The probability map coloured with inferno (dark = sky, yellow = saucer), RGB uint8."""
    gray = np.clip(np.rint(prob * 255), 0, 255).astype(np.uint8)
    # OpenCV colour maps come out BGR; the app is RGB throughout.
    return cv2.cvtColor(cv2.applyColorMap(gray, cv2.COLORMAP_INFERNO), cv2.COLOR_BGR2RGB)


def compose(image: np.ndarray, prob: np.ndarray, opacity: float) -> np.ndarray:
    """Blend the coloured map over an RGB uint8 photo: 0 = photo only, 1 = map only."""
    if image.shape[:2] != prob.shape:
        raise ValueError(f"map {prob.shape} does not match image {image.shape[:2]}")
    a = float(np.clip(opacity, 0.0, 1.0))
    mixed = (1.0 - a) * image.astype(np.float32) + a * heat(prob).astype(np.float32)
    return np.clip(np.rint(mixed), 0, 255).astype(np.uint8)
