"""Sorting hat speed: a 10-face 1600x1200 group photo sorted server-side (goal < 500 ms), and
what the page's per-face colour explanation and stability probe add to it."""

from __future__ import annotations

import numpy as np

from bench.timing import median_ms
from engine import runtime
from engine.hat import explain, faces, groups, sort

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

    explain_and_probe(report, photo, model, result)
    stability(report, model)


def explain_and_probe(report, photo, model, result) -> None:
    """Cost of the explanation (clusters + one batch) and the probe (one batch), per face."""
    crops = np.stack([f.crop for f in result.faces])
    boxes = [f.box for f in result.faces]
    n = len(result.faces)
    quantise = median_ms(lambda: [explain.quantise(c) for c in crops], repeat=9)
    why = median_ms(lambda: explain.explain(crops, model), repeat=9)
    rng = np.random.default_rng  # a fresh generator per call: every call probes the same jitters
    probe = median_ms(lambda: explain.probe(photo, boxes, model, rng(1)), repeat=9)
    page = median_ms(lambda: explain.inspect(photo, model, faces.DEFAULT_SENSITIVITY, 1), repeat=9)
    report("hat: explanation per face (k-means + greyed batch, median)", why / n, "ms")
    report("hat:   of which k-means colour clusters per face (median)", quantise / n, "ms")
    report(
        f"hat: stability probe per face ({explain.PROBE_N} jittered crops, median)", probe / n, "ms"
    )
    report("hat: explanation + probe per face (median)", (why + probe) / n, "ms")
    report("hat: whole page computation, sort + explain + probe (median)", page, "ms")


def stability(report, model, seeds=range(1, 11)) -> None:
    """The probe over both sample photos and several seeds: how often the house holds."""
    kept, steady, total = [], 0, 0
    for name in groups.sample_names():
        photo = groups.load_sample(name)
        shares = np.array(
            [[p.share for p in explain.inspect(photo, model, 0.5, s).probes] for s in seeds]
        )
        kept.append(shares.mean())
        steady += int((shares.min(0) == 1.0).sum())
        total += shares.shape[1]
    report(
        f"hat: probe, jittered crops keeping the house (samples, seeds 1-{len(seeds)})",
        float(np.mean(kept)),
        "share",
    )
    report("hat: probe, faces never moved by any jitter (samples)", f"{steady}/{total}", "faces")
