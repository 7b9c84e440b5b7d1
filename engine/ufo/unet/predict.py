"""Inference on any photo: square windows -> U-Net -> probability map at full size -> boxes."""

from __future__ import annotations

import hashlib
import math
from collections.abc import Callable
from dataclasses import dataclass

import cv2
import numpy as np

from engine.ufo import overlay

# Up to this long/short side ratio the whole photo is squashed into one square input (the
# write-up's crops were resized the same way); wider photos are cut into overlapping squares.
MAX_SQUASH = 1.5
# Box outline colour and width relative to the longer image side (3 px on a 640 px photo, so
# it still shows at the third of the page width the panel gets).
RED = (255, 0, 0)
LINE = 1 / 200
# Pieces above the threshold this close (share of the longer side) are one region: one box.
GAP = 0.02

Predict = Callable[[np.ndarray], np.ndarray]


@dataclass(frozen=True)
class Box:
    """One found saucer in original pixel coordinates (x1, y1 exclusive)."""

    x0: int
    y0: int
    x1: int
    y1: int
    score: float  # highest saucer probability inside the box
    area: int  # pixels above the threshold in this component

    def as_dict(self) -> dict[str, float | int]:
        """JSON-able form for the command line."""
        return {
            "x0": self.x0,
            "y0": self.y0,
            "x1": self.x1,
            "y1": self.y1,
            "score": round(self.score, 4),
            "area": self.area,
        }


@dataclass(frozen=True)
class Detection:
    """A probability map at the photo's resolution and the boxes read from it."""

    probability: np.ndarray  # (H, W) float32 in [0, 1]
    boxes: tuple[Box, ...]
    threshold: float


def windows(h: int, w: int) -> list[tuple[int, int, int, int]]:
    """(y0, x0, height, width) crops that cover the image: one, or squares along the long side."""
    long, short = max(h, w), min(h, w)
    if long / short <= MAX_SQUASH:
        return [(0, 0, h, w)]
    count = math.ceil(long / short)
    starts = np.linspace(0, long - short, count).round().astype(int)
    if w >= h:
        return [(0, int(s), h, short) for s in starts]
    return [(int(s), 0, short, w) for s in starts]


def probability(predict: Predict, size: int, image: np.ndarray) -> np.ndarray:
    """Saucer probability for every pixel of an RGB uint8 image of any size."""
    h, w = image.shape[:2]
    crops = windows(h, w)
    batch = (
        np.stack(
            [
                cv2.resize(
                    image[y : y + ch, x : x + cw], (size, size), interpolation=cv2.INTER_AREA
                )
                for y, x, ch, cw in crops
            ]
        ).astype(np.float32)
        / 255.0
    )
    out = np.asarray(predict(batch), dtype=np.float32)[..., 0]
    total = np.zeros((h, w), np.float32)
    count = np.zeros((h, w), np.float32)
    for (y, x, ch, cw), p in zip(crops, out, strict=True):
        total[y : y + ch, x : x + cw] += cv2.resize(p, (cw, ch), interpolation=cv2.INTER_LINEAR)
        count[y : y + ch, x : x + cw] += 1
    return total / count


def groups(binary: np.ndarray, gap: float = GAP) -> tuple[int, np.ndarray]:
    """Label above-threshold pixels, joining pieces closer than gap (share of the long side)."""
    reach = max(1, round(gap * max(binary.shape)))
    # Dilating only decides which pieces belong together; boxes come from the pixels themselves.
    kernel = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (2 * reach + 1, 2 * reach + 1))
    joined = cv2.dilate(binary, kernel)
    n, labels = cv2.connectedComponents(joined, connectivity=8)
    return n, labels * binary


def boxes(prob: np.ndarray, threshold: float, min_area: float) -> tuple[Box, ...]:
    """One box around each region above threshold (nearby pieces joined), inside the frame.

    A thin saucer rim often dips below the threshold for a few pixels, leaving its tip as a
    piece of its own: the tip belongs to the saucer's box, not to a speck dropped by min_area.
    """
    binary = (prob >= threshold).astype(np.uint8)
    n, labels = groups(binary)
    ys, xs = np.nonzero(labels)
    ids = labels[ys, xs]
    floor = min_area * prob.shape[0] * prob.shape[1]
    found = []
    for i in range(1, n):
        mine = ids == i
        area = int(mine.sum())
        if area == 0 or area < floor:
            continue
        y, x = ys[mine], xs[mine]
        score = float(prob[y, x].max())
        found.append(
            Box(int(x.min()), int(y.min()), int(x.max()) + 1, int(y.max()) + 1, score, area)
        )
    return tuple(sorted(found, key=lambda b: -b.area))


def detect(
    predict: Predict, size: int, image: np.ndarray, threshold: float, min_area: float
) -> Detection:
    """Probability map and boxes for one RGB uint8 image."""
    prob = probability(predict, size, image)
    return Detection(prob, boxes(prob, threshold, min_area), threshold)


def detect_with(model, image: np.ndarray, threshold: float | None = None) -> Detection:
    """Run a served model (engine.runtime.LiteModel) with the read-out stored on its card."""
    config = model.card.get("config", {})
    size = int(model.card["input"]["height"])
    thr = config.get("threshold", 0.5) if threshold is None else threshold
    return detect(model.predict, size, image, float(thr), float(config.get("min_area", 0.0)))


def annotate(image: np.ndarray, found: tuple[Box, ...]) -> np.ndarray:
    """The input with a red outline around every box (the write-up's third panel).

    The outline lies just outside the box, so it never hides the region's own edge; where the
    box meets the frame it moves inside, so every side shows at full width.
    """
    out = np.ascontiguousarray(image.copy())
    h, w = out.shape[:2]
    t = max(2, round(max(h, w) * LINE))
    for b in found:
        x0, y0 = max(0, b.x0 - t), max(0, b.y0 - t)
        x1, y1 = min(w, max(b.x1 + t, x0 + 2 * t)), min(h, max(b.y1 + t, y0 + 2 * t))
        x0, y0 = max(0, min(x0, x1 - 2 * t)), max(0, min(y0, y1 - 2 * t))
        inner = out[y0 + t : y1 - t, x0 + t : x1 - t].copy()
        out[y0:y1, x0:x1] = RED
        out[y0 + t : y1 - t, x0 + t : x1 - t] = inner
    return out


def mask_picture(prob: np.ndarray) -> np.ndarray:
    """The probability map as a gray RGB picture (white = saucer), the write-up's middle panel."""
    gray = np.clip(np.rint(prob * 255), 0, 255).astype(np.uint8)
    return np.repeat(gray[..., None], 3, axis=2)


@dataclass(frozen=True)
class Panels:
    """The write-up's three panels for one photo, plus the annotated PNG for download."""

    image: np.ndarray  # the input, RGB uint8
    mask: np.ndarray  # probability map as a gray picture, same size
    annotated: np.ndarray  # input with red boxes
    boxes: tuple[Box, ...]
    png: bytes  # annotated picture as PNG
    overlay: np.ndarray  # probability map over the input at the asked opacity

    @property
    def fingerprint(self) -> str:
        """Short SHA-256 of the annotated PNG: equal fingerprints mean the same output."""
        return hashlib.sha256(self.png).hexdigest()[:12]


def panels(
    model, image: np.ndarray, threshold: float | None = None, opacity: float = 0.5
) -> Panels:
    """Run a served model on one photo and draw the panels (the page's one call)."""
    from engine.images import to_png

    found = detect_with(model, image, threshold)
    annotated = annotate(image, found.boxes)
    mask = mask_picture(found.probability)
    lay = overlay.compose(image, found.probability, opacity)
    return Panels(image, mask, annotated, found.boxes, to_png(annotated), lay)
