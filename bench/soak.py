"""Soak: 1,000 sequential inferences per shipped model in one process; reports RSS growth."""

from __future__ import annotations

import resource

import numpy as np

from engine import cards, runtime

N = 1000


def rss_mb() -> float:
    """Current resident set size of this process in MB (Linux /proc)."""
    with open("/proc/self/statm") as f:
        pages = int(f.read().split()[1])
    return pages * resource.getpagesize() / 2**20


def run(report) -> None:
    """Score N single images through every shipped model; RSS after warm-up vs after N."""
    rng = np.random.default_rng(0)
    for card in cards.available():
        model = runtime.load_model(card["name"])
        x = rng.random((1, *model.input_shape), dtype=np.float32)
        for _ in range(20):  # warm-up: allocations that happen once
            model.predict(x)
        before = rss_mb()
        for _ in range(N):
            model.predict(x)
        report(f"soak {card['name']}: RSS growth over {N} inferences", rss_mb() - before, "MB")
