"""Perception bench: scored candidates per second, batched vs one at a time, at the model's size."""

from __future__ import annotations

import time

import numpy as np

from bench.timing import median_ms
from engine import runtime, search
from engine.perception import canvas, imagenet, lab, targets
from engine.perception.ellipses import Layout, render, to_uint8

# The search's own batch size; candidates are perturbations of one drawing, as in a search.
BATCH = search.SearchConfig().batch
# Interleaved rounds: batched and one-at-a-time are timed back to back in each round, so a
# neighbour's load (this machine's 2 cores are shared) hits both sides of the ratio alike.
ROUNDS = 25
# A real search's length for the end-to-end figure: long enough to pass its random start.
SEARCH_SECONDS = 10.0
# The bar: scored candidates per second, end to end at 224 px on 2 cores.
TARGET_PER_SECOND = 400


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
    names = [t.name for t in targets.classifiers() if t.name != imagenet.NAME]
    name = "guitar-plain" if "guitar-plain" in names else (names[0] if names else None)
    if name is None:
        report("perception: no classifier trained yet", "skipped")
        run_imagenet(report)
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
    run_imagenet(report)


def _per_candidate(fn, n: int, rounds: int = 5) -> float:
    """Median seconds per candidate of fn() scoring n candidates."""
    fn()  # warm: allocations, the canvas's base, the batch shape
    return float(np.median([_seconds(fn) for _ in range(rounds)])) / n


def _keras_seconds(genes: np.ndarray, layout: Layout) -> float | None:
    """The write-up's way: draw one picture, Keras model.predict it, next (seconds each)."""
    try:
        import keras
    except ImportError:
        return None
    # Same architecture and input; untrained weights, since only the time is compared.
    net = keras.applications.MobileNetV2(weights=None, input_shape=(224, 224, 3))

    def one_by_one():
        for g in genes:
            x = render(layout.decode(g[None]), 224, 224) * 2.0 - 1.0
            net.predict(x, verbose=0)

    return _per_candidate(one_by_one, len(genes), rounds=3)


def run_imagenet(report) -> None:
    """The ImageNet search's throughput at 224 px: batched, one at a time, Keras, drawing share."""
    try:
        model = imagenet.load()
    except FileNotFoundError:
        report("imagenet: model not built (make imagenet)", "skipped")
        return
    layout = Layout()
    scorer = targets.scorer(model, layout, model.labels.index(imagenet.DEFAULT_CLASS))
    genes = _candidates(layout, BATCH, np.random.default_rng(0))
    report("imagenet model", f"{imagenet.TITLE}, 224x224, {runtime.NUM_THREADS} threads")
    batched = _per_candidate(lambda: scorer(genes), BATCH)
    report(f"imagenet batched ({BATCH}/call, overlapped): render + score", batched * 1e3, "ms")
    report("imagenet batched throughput", 1 / batched, "candidates/s")
    plain = targets.scorer(model, layout, 0)
    plain.pipeline.lead = 0  # the same batch drawn whole, then scored: no overlap
    report(
        "imagenet batched, no overlap (1 chunk)",
        _per_candidate(lambda: plain(genes), BATCH) * 1e3,
        "ms",
    )
    single = _per_candidate(lambda: [scorer(genes[i : i + 1]) for i in range(16)], 16)
    report("imagenet one at a time: render + score", single * 1e3, "ms")
    report("imagenet ratio batched / one at a time", single / batched, "x")
    paint = canvas.Canvas(layout, 224, 224)
    draw = _per_candidate(lambda: paint.render(genes), BATCH)
    pictures = paint.render(genes)
    infer = _per_candidate(lambda: model.logits(pictures), BATCH)
    full = _per_candidate(lambda: to_uint8(render(layout.decode(genes), 224, 224)), BATCH)
    report("  incremental draw per candidate (224 px, uint8)", draw * 1e3, "ms")
    report("  full redraw per candidate (224 px, all 8 ellipses)", full * 1e3, "ms")
    report("  LiteRT logits per candidate (batch 64)", infer * 1e3, "ms")
    report("  drawing share of draw + score (no overlap)", 100 * draw / (draw + infer), "%")
    report("  end to end vs draw + score in sequence", 100 * batched / (draw + infer), "%")
    _real_search(report, model)
    keras_each = _keras_seconds(genes[:8], layout)
    if keras_each is None:
        report("Keras model.predict one at a time", "skipped (no TensorFlow)")
        return
    report("Keras model.predict one at a time (write-up's way)", keras_each * 1e3, "ms")
    report("ratio batched / Keras one at a time", keras_each / batched, "x")


def _real_search(report, model: imagenet.ImagenetModel) -> None:
    """A whole search as the page runs it: candidates scored per second, and the CPU it took."""
    k = model.labels.index(imagenet.DEFAULT_CLASS)
    settings = lab.Settings(class_index=k, seconds=SEARCH_SECONDS, seed=1)
    cpu = time.process_time()
    out = lab.run(model, settings)
    cpu = time.process_time() - cpu
    rate = out.candidates / out.seconds
    report(
        f"imagenet real search ({imagenet.DEFAULT_CLASS}, {SEARCH_SECONDS:.0f} s)",
        rate,
        "candidates/s",
    )
    report(f"  against the {TARGET_PER_SECOND}/s bar", rate / TARGET_PER_SECOND, "x")
    report("  CPU per candidate (both cores together)", cpu / out.candidates * 1e3, "ms")
