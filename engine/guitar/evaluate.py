"""Occlusion evaluation on fresh renders: scribbles like a person's, Cutout squares, the dust.

Scribbles are the headline. A test that pastes rectangles flatters a model trained on pasted
rectangles, so the squares and the dust are reported beside them, never instead of them.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from engine.guitar import data, dust
from engine.guitar.render import INPUT_SIZE, to_input

LEVELS = (0.0, 0.1, 0.2, 0.3, 0.4)  # share of the guitar's pixels hidden by scribbles
CUTOUT_LEVELS = (0.1, 0.2, 0.3, 0.4)


def _conditions(args: tuple) -> tuple[dict[str, np.ndarray], np.ndarray, dict[str, float]]:
    """Every occluded variant of samples [start, stop) of the fresh set, as model inputs."""
    seed, start, stop, render_size, input_size = args
    out: dict[str, list] = {}
    reached: dict[str, list] = {}
    labels = []
    for i in range(start, stop):
        r = data.sample(seed, i, render_size)
        labels.append(r.label)
        for level in LEVELS:
            key = f"scribble_{round(level * 100)}"
            rng = np.random.default_rng([seed, i, 1, round(level * 100)])
            img, got = dust.scribble(r.image, r.mask, level, rng)
            out.setdefault(key, []).append(to_input(img, input_size))
            reached.setdefault(key, []).append(got)
        for level in CUTOUT_LEVELS:
            key = f"cutout_{round(level * 100)}"
            rng = np.random.default_rng([seed, i, 2, round(level * 100)])
            img, got = dust.cutout(r.image, r.mask, level, rng)
            out.setdefault(key, []).append(to_input(img, input_size))
            reached.setdefault(key, []).append(got)
        rng = np.random.default_rng([seed, i, 3])
        out.setdefault("dust", []).append(
            dust.add_dust(to_input(r.image, input_size)[None], rng)[0]
        )
    return (
        {k: np.stack(v) for k, v in out.items()},
        np.array(labels),
        {k: float(np.sum(v)) for k, v in reached.items()},
    )


def fresh_conditions(seed: int, n: int, render_size: int = 128, input_size: int = INPUT_SIZE):
    """(inputs per condition, labels, mean coverage per condition) for n fresh renders."""
    step = 100
    jobs = [(seed, a, min(n, a + step), render_size, input_size) for a in range(0, n, step)]
    parts = data.parallel(_conditions, jobs)
    keys = parts[0][0].keys()
    inputs = {k: np.concatenate([p[0][k] for p in parts]) for k in keys}
    labels = np.concatenate([p[1] for p in parts])
    coverage = {k: sum(p[2][k] for p in parts) / n for k in parts[0][2]}
    return inputs, labels, coverage


def measure(
    predictors: dict[str, Callable[[np.ndarray], np.ndarray]],
    seed: int,
    n: int,
    render_size: int = 128,
    input_size: int = INPUT_SIZE,
) -> dict:
    """Accuracy of each predictor (name -> batch -> probabilities) under every condition."""
    inputs, labels, coverage = fresh_conditions(seed, n, render_size, input_size)
    result: dict = {"seed": seed, "n": n, "render_size": render_size}
    result["coverage"] = {k: round(v, 4) for k, v in coverage.items()}
    for name, predict in predictors.items():
        acc = {}
        for key, x in inputs.items():
            probs = np.concatenate([predict(x[a : a + 500]) for a in range(0, len(x), 500)])
            acc[key] = round(float(np.mean(probs.argmax(axis=1) == labels)), 4)
        result[name] = acc
    return result
