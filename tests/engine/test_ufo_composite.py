"""Compositor geometry: the mask is where the saucer was pasted, rotation, bounds, seeds."""

from dataclasses import replace

import numpy as np
import pytest

from engine.ufo import composite, saucer, skies

SMALL = replace(composite.SEED_RANGES, size=64, photo_share=0.0)


def test_same_seed_same_composite_and_different_seed_differs():
    a = composite.compose(np.random.default_rng(11), composite.WIDENED)
    b = composite.compose(np.random.default_rng(11), composite.WIDENED)
    c = composite.compose(np.random.default_rng(12), composite.WIDENED)
    assert np.array_equal(a.image, b.image) and np.array_equal(a.mask, b.mask)
    assert not np.array_equal(a.image, c.image)


def test_mask_marks_exactly_the_pasted_pixels():
    for seed in range(6):
        sky = composite.compose(np.random.default_rng(seed), SMALL, with_saucer=False)
        item = composite.compose(np.random.default_rng(seed), SMALL, with_saucer=True)
        outside = item.mask == 0
        assert np.array_equal(item.image[outside], sky.image[outside])
        changed = np.abs(item.image - sky.image).max(axis=2) > 1e-6
        assert changed[item.mask > 0.99].mean() > 0.95
        assert not changed[outside].any()
        assert item.mask.max() == pytest.approx(1.0)


def test_bounds_shapes_and_empty_composites():
    for seed in range(8):
        item = composite.compose(np.random.default_rng(seed), SMALL)
        assert item.image.shape == (64, 64, 3) and item.mask.shape == (64, 64)
        assert item.image.dtype == np.float32 and 0 <= item.image.min() <= item.image.max() <= 1
        assert 0 <= item.mask.min() <= item.mask.max() <= 1
        assert abs(item.angle) <= SMALL.rotation
    empty = composite.compose(np.random.default_rng(0), SMALL, with_saucer=False)
    assert empty.mask.sum() == 0 and empty.width == 0


def test_saucer_width_matches_the_requested_share_of_the_frame():
    flat = replace(SMALL, rotation=0.0)
    checked = 0
    for seed in range(30):
        item = composite.compose(np.random.default_rng(seed), flat, width=0.3)
        cols = np.flatnonzero((item.mask >= 0.5).any(axis=0))
        if cols.size == 0 or cols[0] == 0 or cols[-1] == 63:
            continue  # cut by the frame edge
        checked += 1
        # The rim's thin tips fall below half coverage, so the mask is a little narrower.
        assert 0.85 * 0.3 * 64 <= cols[-1] - cols[0] + 1 <= 0.3 * 64 + 1
    assert checked >= 5


@pytest.mark.parametrize("angle", [-30.0, -10.0, 20.0, 30.0])
def test_rotation_turns_the_saucer_by_the_angle(angle):
    alpha = composite.saucer_layer(120, angle)[..., 3]
    ys, xs = np.nonzero(alpha > 0.5)
    x, y = xs - xs.mean(), ys - ys.mean()
    theta = 0.5 * np.degrees(np.arctan2(2 * (x * y).mean(), (x * x).mean() - (y * y).mean()))
    assert -theta == pytest.approx(angle, abs=2.5)  # image y points down: CCW is negative


def test_paste_clips_at_the_frame_edge():
    canvas = np.zeros((40, 50, 3), np.float32)
    layer = composite.saucer_layer(30, 0.0)
    cover = composite.paste(canvas, layer, 0.0, 0.0)
    assert cover[:10, :10].sum() > 0 and cover[25:, 30:].sum() == 0
    assert composite.paste(canvas, layer, -100.0, -100.0).sum() == 0


def test_brightness_matching_and_whitening():
    sky = np.full((40, 40, 3), 0.3, np.float32)
    layer = composite.saucer_layer(30, 0.0)
    matched = composite.match(layer, sky, 1.0, 0.0)
    inside = matched[..., 3] > 0.5
    color = matched[..., :3][inside] / matched[..., 3:][inside]
    assert color.mean() == pytest.approx(0.3, abs=0.01)
    white = composite.match(layer, sky, 1.0, 0.9)
    assert (white[..., :3][inside] / white[..., 3:][inside]).mean() > 0.9


def test_skies_are_seeded_and_the_cut_out_is_the_shipped_drawing():
    assert np.array_equal(
        skies.procedural(np.random.default_rng(4), 32, 48),
        skies.procedural(np.random.default_rng(4), 32, 48),
    )
    drawn = saucer.draw().astype(np.float32) / 255
    assert np.abs(drawn - saucer.load()).max() < 1e-6
    assert np.array_equal(composite.generated_sky(3), composite.generated_sky(3))
