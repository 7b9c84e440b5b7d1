"""The hat at work: faces -> head-and-shoulders crops -> CNN -> houses, drawn on the photo."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

import cv2
import numpy as np

from engine.hat import faces, lore, portraits
from engine.hat.lore import HOUSE_RGB, HOUSES

# Top two houses closer than this (in probability) and the hat cannot decide: a "hatstall".
HATSTALL_MARGIN = 0.1
HATSTALL = "Hatstall"


@dataclass(frozen=True)
class SortedFace:
    """One face, its crop as the CNN saw it, and the hat's decision."""

    box: faces.Box
    crop: np.ndarray  # (size, size, 3) uint8 head-and-shoulders crop
    probs: tuple[float, float, float, float]  # per house, in HOUSES order
    house: str  # the most likely house
    hatstall: bool  # top two within HATSTALL_MARGIN

    def as_dict(self) -> dict[str, Any]:
        """JSON-able summary (no pixels) for the command line."""
        b = self.box
        return {
            "box": {"x": b.x, "y": b.y, "w": b.w, "h": b.h},
            "house": self.house,
            "hatstall": self.hatstall,
            "probabilities": {h: round(p, 4) for h, p in zip(HOUSES, self.probs, strict=True)},
        }


@dataclass(frozen=True)
class Sorting:
    """Every face in a photo, sorted, with the house tallies."""

    faces: list[SortedFace]  # left to right
    tallies: dict[str, int]  # faces per house, in HOUSES order
    settings: faces.Settings  # the cascade's knobs used
    annotated: np.ndarray  # the photo with a box and house name per face
    note: str | None = None  # one sentence for a photo without house colours (black and white)


def crop(image: np.ndarray, box: faces.Box, size: int, shift=(0.0, 0.0, 1.0)) -> np.ndarray:
    """The head-and-shoulders crop around a face box; shift = (dx, dy, scale) in face widths."""
    dx, dy, scale = shift
    w = box.w * scale
    left, top, side = portraits.crop_box(box.x + dx * box.w, box.y + dy * box.w, w)
    k = size / side
    affine = np.float32([[k, 0, -left * k], [0, k, -top * k]])
    interp = cv2.INTER_AREA if k < 1 else cv2.INTER_LINEAR
    return cv2.warpAffine(
        image, affine, (size, size), flags=interp, borderMode=cv2.BORDER_REPLICATE
    )


def input_size(model: Any) -> int:
    """The crop side a model takes (64 for a toy model without an input shape)."""
    return int(model.input_shape[0]) if hasattr(model, "input_shape") else 64


def classify(model: Any, crops: np.ndarray) -> np.ndarray:
    """House probabilities (N, 4) for uint8 crops (N, s, s, 3) from a model with .predict."""
    if len(crops) == 0:
        return np.zeros((0, len(HOUSES)), np.float32)
    return np.asarray(model.predict(crops.astype(np.float32) / 255.0))


def sort_photo(
    image: np.ndarray, model: Any, sensitivity: float = faces.DEFAULT_SENSITIVITY
) -> Sorting:
    """Find every frontal face and sort each by its head-and-shoulders crop."""
    size = int(model.input_shape[0]) if hasattr(model, "input_shape") else 64
    boxes = sorted(faces.detect(image, sensitivity), key=lambda b: (b.x, b.y))
    crops = (
        np.stack([crop(image, b, size) for b in boxes])
        if boxes
        else np.zeros((0, size, size, 3), np.uint8)
    )
    probs = classify(model, crops)
    sorted_faces = []
    for box, c, p in zip(boxes, crops, probs, strict=True):
        top2 = np.sort(p)[::-1][:2]
        house = HOUSES[int(np.argmax(p))]
        stall = bool(top2[0] - top2[1] < HATSTALL_MARGIN)
        sorted_faces.append(SortedFace(box, c, tuple(float(v) for v in p), house, stall))
    tallies = Counter(f.house for f in sorted_faces)
    counts = {h: tallies.get(h, 0) for h in HOUSES}
    knobs, drawn = faces.settings(sensitivity), annotate(image, sorted_faces)
    return Sorting(sorted_faces, counts, knobs, drawn, lore.colour_note(image))


def annotate(image: np.ndarray, sorted_faces: list[SortedFace]) -> np.ndarray:
    """A copy of the photo with a box per face in its house colour and the house's name."""
    out = image.copy()
    unit = max(1, round(max(image.shape[:2]) / 600))
    for f in sorted_faces:
        b, colour = f.box, HOUSE_RGB[f.house]
        cv2.rectangle(out, (b.x, b.y), (b.x + b.w, b.y + b.h), colour, 2 * unit)
        text = f"{f.house}?" if f.hatstall else f.house
        scale = 0.5 * unit
        (tw, th), base = cv2.getTextSize(text, cv2.FONT_HERSHEY_SIMPLEX, scale, unit)
        y = max(th + base + 2, b.y - 2 * unit)
        x = int(np.clip(b.x, unit, max(unit, out.shape[1] - tw - unit)))  # keep the name inside
        cv2.rectangle(out, (x - unit, y - th - base - 2), (x + tw + unit, y + 2), colour, -1)
        ink = (0, 0, 0) if f.house == "Hufflepuff" else (255, 255, 255)
        font = cv2.FONT_HERSHEY_SIMPLEX
        cv2.putText(out, text, (x, y - base), font, scale, ink, unit, cv2.LINE_AA)
    return out
