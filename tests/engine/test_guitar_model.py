"""The guitar CNN: small enough for the perception search; a tiny one learns in the test."""

import numpy as np
import pytest

from engine.guitar import data, model, train


def test_config_is_frozen_and_small():
    c = model.GuitarConfig()
    with pytest.raises(AttributeError):
        c.seed = 3  # type: ignore[misc]
    assert c.input_size == 64 and len(c.labels) == 13
    assert model.macs(c) <= 7.5e6  # ~15 MFLOPs per image
    assert c.to_dict()["filters"] == list(c.filters)


def test_dataset_is_reproducible_and_prefix_stable():
    x1, y1 = data.dataset(5, 30, render_size=96, processes=1)
    x2, y2 = data.dataset(5, 60, render_size=96, processes=2)
    assert np.array_equal(x1, x2[:30]) and np.array_equal(y1, y2[:30])
    assert x1.shape == (30, 64, 64, 3) and x1.dtype == np.uint8
    assert list(y1[:13]) == list(range(13))


@pytest.mark.slow
def test_tiny_model_beats_chance_by_far():
    c = train.quick_config(
        n_train=1300,
        epochs=5,
        batch_size=16,
        filters=(8, 16, 32, 32),
        render_size=96,
        learning_rate=2e-3,
    )
    x, y = data.dataset(c.seed, c.n_train, c.render_size)
    m, _ = train.fit(c, x, y, dusted=False)
    xv, yv = data.dataset(c.seed + 1, 260, c.render_size)
    acc = float(np.mean(m.predict(xv / 255.0, verbose=0).argmax(1) == yv))
    assert acc > 0.35, acc  # chance is 1/13 = 7.7 %
