"""Home-page picture: a rendered guitar with a scribble across it (no TensorFlow, ~50 ms)."""

from __future__ import annotations

import numpy as np

from engine.guitar import dust
from engine.guitar.render import render

SIZE = (480, 270)  # (width, height): the Home frame's own 16:9, so no empty bands around it


def make() -> np.ndarray:
    """Three rendered guitars side by side, the middle one scribbled over, filling 16:9."""
    (width, height), tiles = SIZE, []
    for i, kind in enumerate(("Stratocaster", "Les Paul", "Jazzmaster")):
        r = render(np.random.default_rng([11, i]), kind, size=height, camera=False)
        image = r.image
        if i == 1:
            image, _ = dust.scribble(image, r.mask, 0.3, np.random.default_rng(5))
        # Each guitar stands upright in its square: a centred strip of a third of the width
        # keeps the whole guitar and drops only backdrop at the sides.
        tile_w = width // 3 + (1 if i < width % 3 else 0)
        left = (height - tile_w) // 2
        tiles.append(image[:, left : left + tile_w])
    return np.concatenate(tiles, axis=1)
