"""Perception bench: scored candidates per second, batched vs one at a time, at the model's size."""

from __future__ import annotations

import numpy as np

from bench.__main__ import median_ms
from engine.perception import search, targets
from engine.perception.ellipses import Layout, render

# The search's own batch size; candidates are perturbations of one drawing, as in a search.
BATCH = search.SearchConfig().batch


def _candidates(layout: Layout, n: int, rng: np.random.Generator) -> np.ndarray:
    """n perturbations of one random drawing, the way the search proposes them."""
    best = layout.random(rng)[0]
    return search.propose(best, layout.space(), search.SearchConfig(batch=n), 50, rng)


def run(report) -> None:
    """Throughput of render + LiteRT scoring for the search, against the guitar model."""
    names = [t.name for t in targets.classifiers()]
    name = "guitar-plain" if "guitar-plain" in names else (names[0] if names else None)
    if name is None:
        report("perception: no classifier trained yet", "skipped")
        return
    model = targets.load(name)
    layout = Layout()
    scorer = targets.Scorer(model, layout, 0)
    genes = _candidates(layout, BATCH, np.random.default_rng(0))
    h, w = scorer.height, scorer.width
    report(f"model {name} input", f"{h}x{w}")
    batched = median_ms(lambda: scorer(genes), repeat=30)
    single = median_ms(lambda: [scorer(genes[i : i + 1]) for i in range(16)], repeat=10) / 16
    drawing = layout.decode(genes)
    render_ms = median_ms(lambda: render(drawing, h, w), repeat=30)
    pictures = scorer.images(genes)
    predict_ms = median_ms(lambda: model.predict(pictures), repeat=30)
    report(f"batch of {BATCH}: render + score (median)", batched, "ms")
    report(f"  of which render {BATCH} at {h}x{w}", render_ms, "ms")
    report(f"  of which LiteRT predict {BATCH}", predict_ms, "ms")
    report("batched throughput", BATCH / batched * 1000, "candidates/s")
    report("one at a time: render + score (median)", single, "ms")
    report("one-at-a-time throughput", 1000 / single, "candidates/s")
    report("ratio batched / one at a time", single * BATCH / batched, "x")
    big = layout.decode(genes[:1])
    report("display render 512x512, one drawing", median_ms(lambda: render(big, 512, 512)), "ms")
