"""UFO overlay and link state: the map blends by opacity; links round-trip and refuse junk."""

import numpy as np
import pytest

from engine.ufo import overlay, share
from engine.ufo.unet import predict as P

MODELS = ["ufo-widened", "ufo-seed-ranges"]


def test_overlay_is_the_photo_at_zero_and_the_map_at_one():
    rng = np.random.default_rng(0)
    image = rng.integers(0, 256, (40, 60, 3), dtype=np.uint8)
    prob = np.zeros((40, 60), np.float32)
    prob[10:20, 10:30] = 1.0
    assert np.array_equal(overlay.compose(image, prob, 0.0), image)
    full = overlay.compose(image, prob, 1.0)
    assert np.array_equal(full, overlay.heat(prob))
    # Inferno: a sure saucer is bright yellow, no saucer is near black.
    assert full[15, 20].tolist()[0] > 200 and full[15, 20, 2] < full[15, 20, 0]
    assert full[0, 0].sum() < 30
    half = overlay.compose(image, prob, 0.5).astype(int)
    want = (image.astype(int) + full.astype(int)) / 2
    assert np.abs(half - want).max() <= 1


def test_overlay_refuses_a_map_of_another_size():
    with pytest.raises(ValueError):
        overlay.compose(np.zeros((10, 10, 3), np.uint8), np.zeros((10, 11), np.float32), 0.5)


def test_panels_carry_the_overlay_and_a_fingerprint_that_follows_the_boxes():
    class White:
        card = {"config": {"threshold": 0.5, "min_area": 0.0}, "input": {"height": 16}}

        @staticmethod
        def predict(batch):
            return (batch.min(axis=-1, keepdims=True) > 0.8).astype(np.float32)

    image = np.zeros((64, 64, 3), np.uint8)
    image[20:40, 20:40] = 255
    a = P.panels(White, image, None, 0.3)
    assert a.overlay.shape == image.shape and len(a.boxes) == 1
    assert P.panels(White, image, None, 0.9).fingerprint == a.fingerprint
    assert P.panels(White, np.zeros_like(image), None, 0.3).fingerprint != a.fingerprint


def test_a_link_round_trips():
    state = share.State("ufo-seed-ranges", 0.35, 0.8, 4242, False)
    assert share.parse(share.params(state), MODELS) == state
    assert share.params(share.State("ufo-widened", 0.5)) == {
        "model": "ufo-widened",
        "threshold": "0.50",
    }


def test_junk_in_a_link_falls_back_to_defaults():
    got = share.parse(
        {"model": "nope", "threshold": "nan", "opacity": "x", "seed": "-3", "saucer": "0"},
        MODELS,
    )
    assert got == share.State(None, None, share.OPACITY_DEFAULT, None, False)
    assert share.parse({"seed": "100000"}, MODELS).seed is None
    assert share.parse({}, MODELS) == share.State(opacity=share.OPACITY_DEFAULT)


def test_link_values_are_clipped_and_snapped_to_the_sliders():
    got = share.parse({"threshold": "0.33", "opacity": "7"}, MODELS)
    assert got.threshold == 0.35 and got.opacity == 1.0
    assert share.parse({"threshold": "0"}, MODELS).threshold == 0.05
