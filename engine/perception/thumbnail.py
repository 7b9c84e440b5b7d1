"""The Home page's picture: the best drawing the findings card stored, or seeded ellipses."""

from __future__ import annotations

from typing import Any

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
    best = best_stored(cards.read("perception") or {})
    if best is None:
        genes = layout.random(np.random.default_rng(3))[0]
    else:
        genes = np.asarray(best[1]["genes"], dtype=np.float32)
    h, w = SIZE
    out = np.empty((h, w, 3), dtype=np.uint8)
    out[:] = PAD
    x0 = (w - h) // 2
    out[:, x0 : x0 + h] = to_uint8(render(layout.decode(genes), h, h))[0]
    return out


def best_stored(card: dict[str, Any]) -> tuple[str, dict[str, Any]] | None:
    """(model, search) the picture shows: the best ImageNet search, else the best toy one."""
    size = Layout().size
    rows = [("imagenet", r) for r in card.get("imagenet", {}).get("named", [])]
    toy = card.get("findings", {}).items()
    rows = rows or [(m, r) for m, f in toy for r in f.get("search", [])]
    rows = [(m, r) for m, r in rows if len(r.get("genes", [])) == size]
    return max(rows, key=lambda mr: mr[1]["score"]) if rows else None  # the first of equals
