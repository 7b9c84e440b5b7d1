"""The hat's quality bars: lore accuracy, detection, crop-shift consistency; real photos too."""

from __future__ import annotations

from typing import Any

import numpy as np

from engine.hat import faces, groups, portraits, real, sort
from engine.hat.faces import Box

# Fresh portraits scored when --n is not given.
DEFAULT_N = 2000
# Composed group photos (10 faces each) for detection and shift consistency.
PHOTOS = 30
FACES_PER_PHOTO = 10
# A detection counts when it overlaps a true face by this much (the usual detection bar).
IOU = 0.5
# "Slightly shifted": up to this fraction of the face width, and this much zoom either way.
SHIFT = 0.08
ZOOM = 0.05


def lore_accuracy(model: Any, data: portraits.Portraits) -> dict[str, float]:
    """How often the CNN agrees with the lore, overall and where the lore is unambiguous."""
    pred = sort.classify(model, data.images).argmax(axis=1)
    clear = ~data.ambiguous
    return {
        "accuracy": round(float((pred == data.lore).mean()), 4),
        "accuracy_unambiguous": round(float((pred[clear] == data.lore[clear]).mean()), 4),
        "ambiguous_share": round(float(data.ambiguous.mean()), 4),
    }


def match(truth: list[Box], found: list[Box], iou: float = IOU) -> int:
    """True positives: greedy one-to-one matching by best IoU."""
    used: set[int] = set()
    hits = 0
    for t in truth:
        scores = [(b.iou(t), i) for i, b in enumerate(found) if i not in used]
        best = max(scores, default=(0.0, -1))
        if best[0] >= iou:
            used.add(best[1])
            hits += 1
    return hits


def detection(photos: list[groups.GroupPhoto], sensitivity: float) -> dict[str, float]:
    """Recall and precision of the cascade at IoU 0.5 on composed group photos."""
    truth = found = hits = 0
    for photo in photos:
        boxes = faces.detect(photo.image, sensitivity)
        hits += match(photo.faces, boxes)
        truth += len(photo.faces)
        found += len(boxes)
    return {
        "recall": round(hits / max(truth, 1), 4),
        "precision": round(hits / max(found, 1), 4),
        "faces": truth,
        "detections": found,
    }


def shift_consistency(model: Any, photos: list[groups.GroupPhoto], rng) -> float:
    """Share of true faces whose house is unchanged when the crop is shifted and zoomed a bit."""
    size = int(model.input_shape[0])
    plain, moved = [], []
    for photo in photos:
        for box in photo.faces:
            dx, dy = rng.uniform(-SHIFT, SHIFT, 2)
            plain.append(sort.crop(photo.image, box, size))
            moved.append(sort.crop(photo.image, box, size, (dx, dy, 1 + rng.uniform(-ZOOM, ZOOM))))
    a = sort.classify(model, np.stack(plain)).argmax(axis=1)
    b = sort.classify(model, np.stack(moved)).argmax(axis=1)
    return round(float((a == b).mean()), 4)


def evaluate(model: Any, seed: int, n: int, writeup: Any | None = None) -> dict[str, Any]:
    """Every bar, on data drawn from `seed`: n portraits and PHOTOS group photos."""
    rng = np.random.default_rng(seed)
    data = portraits.make(n, int(model.input_shape[0]), rng)
    shipped = groups.real_faces()
    photos = [groups.compose(rng, FACES_PER_PHOTO, faces=shipped) for _ in range(PHOTOS)]
    out: dict[str, Any] = {"portraits": n, "lore": lore_accuracy(model, data)}
    if writeup is not None:
        out["lore_writeup_regime"] = lore_accuracy(writeup, data)
    out["detection"] = detection(photos, faces.DEFAULT_SENSITIVITY)
    out["detection"]["sensitivity"] = faces.DEFAULT_SENSITIVITY
    out["shift_consistency"] = shift_consistency(model, photos, rng)
    out["real"] = real.measure(model)  # says so (available: false) when the set is absent
    return out
