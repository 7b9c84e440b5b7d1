"""The render-to-real probe's parts: the head learns what is learnable, the ceiling repeats."""

import numpy as np

from engine.guitar import probe


def _blobs(rng: np.random.Generator, per_class: int, classes: int, spread: float):
    """Gaussian clusters in 16 dimensions, one per class."""
    centres = rng.normal(0, 1, (classes, 16))
    labels = np.repeat(np.arange(classes), per_class)
    return centres[labels] + rng.normal(0, spread, (len(labels), 16)), labels


def test_head_separates_clusters_and_fails_on_noise():
    rng = np.random.default_rng(0)
    x, y = _blobs(rng, 40, 4, 0.2)
    top1, top3 = probe.hits(probe.fit(x, y, 4).rank(x), y)
    assert top1.mean() >= 0.95 and top3.all()
    shuffled = rng.permutation(y)  # labels that the features do not carry
    held_x, held_y = _blobs(np.random.default_rng(1), 40, 4, 0.2)
    top1, _ = probe.hits(probe.fit(x, shuffled, 4).rank(held_x), held_y)
    assert top1.mean() < 0.6


def test_ceiling_repeats_for_a_seed_and_tables_count_every_photo():
    rng = np.random.default_rng(2)
    x, y = _blobs(rng, 12, 3, 0.5)
    kinds = np.array(["product shot", "web photo"] * (len(y) // 2))
    names = ["a", "b", "c"]
    first = probe.ceiling(x, y, kinds, names, np.random.default_rng(5))
    again = probe.ceiling(x, y, kinds, names, np.random.default_rng(5))
    assert first == again
    assert sum(r["n"] for r in first["by_kind"].values()) == len(y)
    assert {k: r["n"] for k, r in first["per_class"].items()} == {"a": 12, "b": 12, "c": 12}
    assert all(0 <= r["top1"] <= r["top3"] <= 1 for r in first["per_class"].values())
