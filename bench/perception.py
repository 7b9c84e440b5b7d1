"""Perception bench: scored candidates per second, batched vs one at a time, at the model's size."""

from __future__ import annotations

import time

import numpy as np

from bench.timing import median_ms
from engine.perception import search, targets
from engine.perception.ellipses import Layout, render

# The search's own batch size; candidates are perturbations of one drawing, as in a search.
BATCH = search.SearchConfig().batch
# Interleaved rounds: batched and one-at-a-time are timed back to back in each round, so a
# neighbour's load (this machine's 2 cores are shared) hits both sides of the ratio alike.
ROUNDS = 25


def _candidates(layout: Layout, n: int, rng: np.random.Generator) -> np.ndarray:
    """n perturbations of one random drawing, the way the search proposes them."""
    best = layout.random(rng)[0]
    return search.propose(best, layout.space(), search.SearchConfig(batch=n), 50, rng)


def _seconds(fn) -> float:
    """Wall time of one call."""
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def _interleaved(scorer: targets.Scorer, genes: np.ndarray) -> tuple[float, float, float]:
    """Median ms per candidate batched, one at a time, and the median per-round ratio."""
    scorer(genes), scorer(genes[:1])  # warm both input shapes
    batched, single = [], []
    for _ in range(ROUNDS):
        batched.append(_seconds(lambda: scorer(genes)) / len(genes))
        single.append(_seconds(lambda: [scorer(genes[i : i + 1]) for i in range(16)]) / 16)
    ratios = np.array(single) / np.array(batched)
    return float(np.median(batched)) * 1e3, float(np.median(single)) * 1e3, float(np.median(ratios))


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
    batched, single, ratio = _interleaved(scorer, genes)
    report(f"batched ({BATCH}/call): render + score per candidate", batched, "ms")
    report("batched throughput", 1000 / batched, "candidates/s")
    report("one at a time: render + score per candidate", single, "ms")
    report("one-at-a-time throughput", 1000 / single, "candidates/s")
    report("ratio batched / one at a time (median of rounds)", ratio, "x")
    drawing, pictures = layout.decode(genes), scorer.images(genes)
    report(f"  render {BATCH} at {h}x{w}", median_ms(lambda: render(drawing, h, w)), "ms")
    report(f"  LiteRT predict {BATCH}", median_ms(lambda: model.predict(pictures)), "ms")
    one, picture = layout.decode(genes[:1]), pictures[:1]
    report(f"  render 1 at {h}x{w}", median_ms(lambda: render(one, h, w)), "ms")
    report("  LiteRT predict 1", median_ms(lambda: model.predict(picture)), "ms")
    report("display render 512x512, one drawing", median_ms(lambda: render(one, 512, 512)), "ms")
