"""Home-page picture: a rendered guitar with a scribble across it (no TensorFlow, ~50 ms)."""

from __future__ import annotations

import numpy as np

from engine.guitar import dust
from engine.guitar.render import render


def make() -> np.ndarray:
    """Three rendered guitars side by side, the middle one scribbled over."""
    tiles = []
    for i, kind in enumerate(("Stratocaster", "Les Paul", "Jazzmaster")):
        r = render(np.random.default_rng([11, i]), kind, size=200, camera=False)
        image = r.image
        if i == 1:
            image, _ = dust.scribble(image, r.mask, 0.3, np.random.default_rng(5))
        tiles.append(image)
    return np.concatenate(tiles, axis=1)
