"""Sorting hat speed: a 10-face 1600x1200 group photo sorted server-side (goal < 500 ms)."""

from __future__ import annotations

import numpy as np

from bench.timing import median_ms
from engine import runtime
from engine.hat import faces, groups, sort

GOAL_MS = 500.0


def run(report) -> None:
    """Median wall times of the whole sort and of its parts, on the committed 10-face sample."""
    photo = groups.load_sample("group_1.jpg")
    model = runtime.load_model("hat")
    result = sort.sort_photo(photo, model)
    report("hat: photo size", f"{photo.shape[1]}x{photo.shape[0]}", "px")
    report("hat: faces found (of 10) at default sensitivity", len(result.faces), "faces")
    total = median_ms(lambda: sort.sort_photo(photo, model), repeat=15)
    detect = median_ms(lambda: faces.detect(photo), repeat=15)
    crops = np.stack([f.crop for f in result.faces])
    classify = median_ms(lambda: sort.classify(model, crops), repeat=15)
    report("hat: sort a 10-face 1600x1200 photo (median)", total, "ms")
    report("hat:   of which face detection (median)", detect, "ms")
    report("hat:   of which CNN on all crops, one batch (median)", classify, "ms")
    report("hat: sort time / 500 ms goal", total / GOAL_MS, "x")
