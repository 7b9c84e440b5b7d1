"""The hat's CNN: a tiny one trained here beats chance; the shipped one meets the bars."""

from dataclasses import replace

import numpy as np
import pytest

from engine import runtime
from engine.hat import evaluate, groups, portraits, sort
from engine.hat.model import HatConfig, build
from engine.hat.train import fit


def test_config_round_trips_through_the_card():
    config = HatConfig()
    assert HatConfig.from_dict(config.to_dict()) == config


def test_tiny_cnn_trained_here_beats_chance():
    config = replace(
        HatConfig(),
        input_size=32,
        filters=(8, 16, 16),
        dense=32,
        n_train=600,
        n_val=100,
        epochs=6,
        batch_size=32,
        learning_rate=3e-3,  # a short run needs a bigger step
        bn_momentum=0.8,
        seed=1,
    )
    data = portraits.make(config.n_train + config.n_val, 32, np.random.default_rng(1))
    trained = fit(config, data, "tiny", None)
    fresh = portraits.make(300, 32, np.random.default_rng(2))
    pred = trained.model.predict(fresh.images.astype(np.float32) / 255.0, verbose=0).argmax(1)
    majority = np.bincount(fresh.lore, minlength=4).max() / len(fresh.lore)
    assert (pred == fresh.lore).mean() > majority + 0.15  # measured 0.72 vs 0.38
    assert build(config).output_shape == (None, 4)


@pytest.fixture(scope="module")
def shipped():
    if not runtime.files("hat").tflite.exists():
        pytest.skip("hat model not trained")
    return runtime.load_model("hat")


def test_shipped_model_agrees_with_the_lore_on_fresh_portraits(shipped):
    data = portraits.make(400, shipped.input_shape[0], np.random.default_rng(31337))
    result = evaluate.lore_accuracy(shipped, data)
    assert result["accuracy"] >= 0.9, result


def test_shipped_model_keeps_its_house_when_the_crop_shifts(shipped):
    rng = np.random.default_rng(4242)
    real = groups.real_faces()
    photos = [groups.compose(rng, 10, faces=real) for _ in range(4)]
    assert evaluate.shift_consistency(shipped, photos, rng) >= 0.95


def test_shipped_model_reads_clothes_not_walls(shipped):
    from tests.engine.test_hat_lore import GREEN, SCARLET, crop_with

    crops = np.stack([crop_with(GREEN, wall=SCARLET), crop_with(SCARLET, wall=GREEN)])
    houses = sort.classify(shipped, crops).argmax(1)
    assert list(houses) == [3, 0]
