"""The write-up's claim on real photos: the renders' scribble generator over real guitar photos.

Each photo is squared as the page's canvas shows it, its guitar found as the pixels that differ
from the backdrop (product shots stand on a plain one; a busy photo falls back to the whole
frame, and the figures say how many did), then scribbled to 10-40 % of those pixels with the
same strokes as evaluate.py's renders. Both models' top-1 is read at every level.
"""

from __future__ import annotations

from typing import Any

import cv2
import numpy as np

from engine.guitar import dust
from engine.guitar.evaluate import LEVELS
from engine.guitar.predict import square
from engine.guitar.render import INPUT_SIZE, to_input

# Side the photo is scribbled at: the renders are scribbled at 128 px before the 64 px input.
SIDE = 128
# A pixel belongs to the guitar when a channel differs from the border's median by more than
# this (0-255): a white or grey studio backdrop with its soft shadows stays out.
BACKDROP = 40
# A mask outside these shares of the frame is no guitar outline (a busy room, a dark stage):
# that photo is scribbled over the whole frame instead.
MASK_SHARE = (0.03, 0.9)
PRODUCT = "product shot"


def guitar_mask(square: np.ndarray) -> np.ndarray | None:
    """Boolean mask of what stands out from the photo's border colour, or None if no outline."""
    img = square[..., :3].astype(np.int16)
    border = np.concatenate([img[0], img[-1], img[:, 0], img[:, -1]])
    diff = np.abs(img - np.median(border, axis=0)).max(axis=2) > BACKDROP
    kernel = np.ones((3, 3), np.uint8)
    mask = cv2.morphologyEx(diff.astype(np.uint8), cv2.MORPH_CLOSE, kernel) > 0
    share = float(mask.mean())
    return mask if MASK_SHARE[0] <= share <= MASK_SHARE[1] else None


def _inputs(photos: list, seed: int) -> tuple[dict[int, np.ndarray], dict[int, float], int]:
    """Model inputs per coverage level (percent), the coverage reached, and outlines found."""
    inputs: dict[int, list] = {round(v * 100): [] for v in LEVELS}
    reached: dict[int, list] = {k: [] for k in inputs}
    outlined = 0
    for i, photo in enumerate(photos):
        sq = square(photo, SIDE)  # as the page's canvas squares an upload
        mask = guitar_mask(sq)
        outlined += mask is not None
        mask = np.ones(sq.shape[:2], bool) if mask is None else mask
        for level in inputs:
            rng = np.random.default_rng([seed, i, 1, level])
            img, got = dust.scribble(sq, mask, level / 100, rng)
            inputs[level].append(to_input(img, INPUT_SIZE))
            reached[level].append(got)
    stacked = {k: np.stack(v) for k, v in inputs.items()}
    return stacked, {k: round(float(np.mean(v)), 4) for k, v in reached.items()}, outlined


def curve(models: dict, photos: list, labels: list[str], kinds: list[str], seed: int = 0) -> dict:
    """Each model's top-1 at every scribble level, on all photos and on the product shots."""
    x, reached, outlined = _inputs(photos, seed)
    product = np.array([k == PRODUCT for k in kinds])
    out: dict[str, Any] = {
        "seed": seed,
        "n": len(photos),
        "n_product": int(product.sum()),
        "outlined": outlined,
        "coverage": {f"scribble_{k}": v for k, v in reached.items()},
    }
    for name, model in models.items():
        index = {label: j for j, label in enumerate(model.labels)}
        truth = np.array([index.get(label, -1) for label in labels])
        all_, prod = {}, {}
        for level, batch in x.items():
            right = model.predict(batch).argmax(axis=1) == truth
            all_[f"scribble_{level}"] = round(float(right.mean()), 4)
            prod[f"scribble_{level}"] = (
                round(float(right[product].mean()), 4) if product.any() else None
            )
        out[name] = {"all": all_, "product": prod}
    return out
