"""The write-up's dust, the scribbles and squares we test with, and the canvas rasteriser."""

import numpy as np

from engine.guitar import canvas, dust, render


def _changed(x0, x1):
    return np.any(x0 != x1, axis=-1)


def test_dust_is_grey_rectangles_at_most_31():
    rng = np.random.default_rng(0)
    base = np.full((200, 64, 64, 3), 0.5, np.float32)
    base[..., 0] = 0.25  # a colour no grey rectangle has
    x = dust.add_dust(base.copy(), rng)
    changed = _changed(base, x)
    # Changed pixels are grey: equal channels.
    px = x[changed]
    assert np.allclose(px[:, 0], px[:, 1]) and np.allclose(px[:, 1], px[:, 2])
    # Some images get no dust at all (0 rectangles is allowed), most get some.
    per_image = changed.reshape(200, -1).mean(1)
    assert (per_image == 0).sum() >= 1 and (per_image > 0).mean() > 0.9
    # Centre-biased: the middle half of the image is dusted more than the border.
    inner = changed[:, 16:48, 16:48].mean()
    outer = (changed.sum((1, 2)) - changed[:, 16:48, 16:48].sum((1, 2))).sum() / (
        200 * (64 * 64 - 32 * 32)
    )
    assert inner > 2 * outer


def test_dust_half_sizes_scale_with_input_side():
    # At the write-up's own side the rectangles span up to 14 px; at 64 px about 4.
    rng = np.random.default_rng(1)
    ref = np.zeros((20, 224, 224, 3), np.uint8)
    small = np.zeros((20, 64, 64, 3), np.uint8)
    dust.add_dust(ref, rng)
    dust.add_dust(small, np.random.default_rng(1))
    assert 0.0 < _changed(np.zeros_like(small), small).mean() < 0.35
    assert 0.0 < _changed(np.zeros_like(ref), ref).mean() < 0.35


def test_dust_is_deterministic_for_a_generator():
    a = dust.add_dust(np.zeros((4, 64, 64, 3), np.float32), np.random.default_rng(5))
    b = dust.add_dust(np.zeros((4, 64, 64, 3), np.float32), np.random.default_rng(5))
    assert np.array_equal(a, b)


def test_scribbles_reach_the_asked_coverage():
    r = render.render(np.random.default_rng(0), "Stratocaster", size=128)
    for level in (0.1, 0.2, 0.3, 0.4):
        img, got = dust.scribble(r.image, r.mask, level, np.random.default_rng(7))
        assert level <= got < level + 0.12, (level, got)
        hidden = _changed(r.image, img) & r.mask
        assert hidden.sum() / r.mask.sum() >= level - 0.02
    same, zero = dust.scribble(r.image, r.mask, 0.0, np.random.default_rng(7))
    assert zero == 0.0 and np.array_equal(same, r.image)


def test_cutout_squares_reach_the_asked_coverage():
    r = render.render(np.random.default_rng(0), "SG", size=128)
    img, got = dust.cutout(r.image, r.mask, 0.3, np.random.default_rng(3))
    assert 0.3 <= got < 0.6
    assert (img[_changed(r.image, img)] == 128).all()


def test_a_drawing_layer_is_stretched_over_the_background_and_blended_by_alpha():
    rgba = np.zeros((640, 640, 4), np.uint8)  # a retina-sized layer is stretched to fit
    rgba[:320, :, :] = (0, 0, 255, 255)
    bg = np.full((320, 320, 3), 200, np.uint8)
    out = canvas.compose(bg, rgba)
    assert tuple(out[10, 10]) == (0, 0, 255) and tuple(out[300, 10]) == (200, 200, 200)
    assert np.array_equal(canvas.compose(bg, None), bg)
