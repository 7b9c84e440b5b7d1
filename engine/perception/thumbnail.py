"""The Home page's picture: the best drawing the findings card stored, or seeded ellipses."""

from __future__ import annotations

import numpy as np

from engine import cards
from engine.perception.ellipses import Layout, render, to_uint8

# Home-page thumbnails are landscape; the drawing is square (as the classifier saw it),
# centred on the app's dark background rather than stretched.
SIZE = (240, 360)
PAD = (15, 17, 23)  # .streamlit/config.toml backgroundColor #0f1117


def make() -> np.ndarray:
    """An RGB uint8 picture: the highest-scoring stored search, else eight seeded ellipses."""
    layout = Layout()
    genes = _best_stored(layout)
    if genes is None:
        genes = layout.random(np.random.default_rng(3))[0]
    h, w = SIZE
    out = np.empty((h, w, 3), dtype=np.uint8)
    out[:] = PAD
    x0 = (w - h) // 2
    out[:, x0 : x0 + h] = to_uint8(render(layout.decode(genes), h, h))[0]
    return out


def _best_stored(layout: Layout) -> np.ndarray | None:
    """The genes of the best ImageNet search in the findings card (else a toy one), if any fit."""
    card = cards.read("perception") or {}
    rows = card.get("imagenet", {}).get("named", [])
    rows = rows or [r for f in card.get("findings", {}).values() for r in f.get("search", [])]
    rows = [r for r in rows if len(r.get("genes", [])) == layout.size]
    if not rows:
        return None
    return np.asarray(max(rows, key=lambda r: r["score"])["genes"], dtype=np.float32)
