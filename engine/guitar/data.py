"""Rendered data sets, made in memory (never cached on disk), reproducible sample by sample.

Sample i of a set with seed S is drawn from `default_rng([S, i])` with class i mod 13, so a set
is the same whatever the number of worker processes, and a prefix of a bigger set is the
smaller set.
"""

from __future__ import annotations

import multiprocessing as mp
import os
from collections.abc import Callable

import numpy as np

from engine.guitar.render import INPUT_SIZE, LABELS, Render, render, to_input


def sample(seed: int, i: int, render_size: int) -> Render:
    """The i-th render of the set with this seed."""
    return render(np.random.default_rng([seed, i]), LABELS[i % len(LABELS)], size=render_size)


def _chunk(args: tuple) -> tuple[np.ndarray, np.ndarray]:
    seed, start, stop, render_size, input_size = args
    xs = np.empty((stop - start, input_size, input_size, 3), dtype=np.uint8)
    ys = np.empty(stop - start, dtype=np.int64)
    for j, i in enumerate(range(start, stop)):
        r = sample(seed, i, render_size)
        xs[j] = np.round(to_input(r.image, input_size) * 255).astype(np.uint8)
        ys[j] = r.label
    return xs, ys


def workers() -> int:
    """Worker processes for rendering: the cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def parallel(fn: Callable, jobs: list, processes: int | None = None) -> list:
    """Map fn over jobs in forked worker processes (in order); serial for one worker."""
    processes = processes or workers()
    if processes <= 1 or len(jobs) <= 1:
        return [fn(j) for j in jobs]
    with mp.get_context("fork").Pool(processes) as pool:
        return pool.map(fn, jobs)


def dataset(
    seed: int,
    n: int,
    render_size: int = 128,
    input_size: int = INPUT_SIZE,
    processes: int | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """n model inputs as uint8 (n, s, s, 3) and their labels (n,)."""
    step = 250
    jobs = [(seed, a, min(n, a + step), render_size, input_size) for a in range(0, n, step)]
    parts = parallel(_chunk, jobs, processes)
    return np.concatenate([p[0] for p in parts]), np.concatenate([p[1] for p in parts])
