"""engine.perception.ellipses: genes decode as documented; the renderer paints the right pixels."""

import numpy as np
import pytest

from engine.perception.ellipses import ELLIPSE_GENES, FIXED_BACKGROUND, R_MAX, R_MIN, Layout, render


def one_ellipse(cx, cy, rx, ry, angle_deg, colour=(1.0, 0.0, 0.0), bg=(0.0, 0.0, 0.0)):
    """Genes of a one-ellipse, one-colour drawing with the given geometry."""
    layout = Layout(n_ellipses=1, colours=1, background=True)
    genes = np.zeros(layout.size, dtype=np.float32)
    genes[:ELLIPSE_GENES] = [
        cx,
        cy,
        (rx - R_MIN) / (R_MAX - R_MIN),
        (ry - R_MIN) / (R_MAX - R_MIN),
        angle_deg / 180.0,
        0.0,
    ]
    genes[ELLIPSE_GENES : ELLIPSE_GENES + 3] = colour
    genes[-3:] = bg
    return layout, genes


def test_an_ellipse_covers_the_expected_pixels():
    layout, genes = one_ellipse(0.5, 0.5, 0.25, 0.125, 0.0)
    red = render(layout.decode(genes), 64, 64)[0, :, :, 0]
    c = np.arange(64) + 0.5
    inside = ((c[None, :] - 32) / 16) ** 2 + ((c[:, None] - 32) / 8) ** 2
    assert np.all(red[inside < 0.8] > 0.99)  # well inside: fully painted
    assert np.all(red[inside > 1.25] < 0.01)  # well outside: background
    assert abs(red.sum() - np.pi * 16 * 8) / (np.pi * 16 * 8) < 0.02  # area, rim included
    edge = red[(inside > 0.9) & (inside < 1.1)]
    assert ((edge > 0.05) & (edge < 0.95)).mean() > 0.3  # the rim is anti-aliased


def test_a_quarter_turn_swaps_the_axes():
    layout, flat = one_ellipse(0.5, 0.5, 0.3, 0.1, 0.0)
    _, turned = one_ellipse(0.5, 0.5, 0.3, 0.1, 90.0)
    a = render(layout.decode(flat), 48, 48)[0, :, :, 0]
    b = render(layout.decode(turned), 48, 48)[0, :, :, 0]
    assert np.abs(a.T - b).max() < 1e-3


def test_display_render_downsampled_agrees_with_model_render():
    layout = Layout()
    genes = layout.random(np.random.default_rng(5), 3)
    small = render(layout.decode(genes), 64, 64)
    large = render(layout.decode(genes), 256, 256)
    pooled = large.reshape(3, 64, 4, 64, 4, 3).mean(axis=(2, 4))
    assert np.abs(pooled - small).mean() < 0.01
    assert np.abs(pooled - small).max() < 0.5  # only rim pixels differ at all


def test_a_batch_renders_each_drawing_as_it_renders_alone():
    layout = Layout()
    rng = np.random.default_rng(11)
    shared = layout.random(rng, 6)
    shared[3] = shared[1]  # repeated ellipses, as in a search batch
    shared[4, :6] = shared[0, :6]
    for genes in (layout.random(rng, 6), shared):  # all distinct, then partly shared
        batch = render(layout.decode(genes), 32, 32)
        for i in range(len(genes)):
            alone = render(layout.decode(genes[i : i + 1]), 32, 32)[0]
            assert np.array_equal(batch[i], alone), i


def test_painters_order_and_two_colour_palette():
    layout = Layout(n_ellipses=2, colours=2)
    genes = np.zeros(layout.size, dtype=np.float32)
    genes[0:6] = [0.5, 0.5, 1.0, 1.0, 0.0, 0.0]  # big ellipse, colour 0
    genes[6:12] = [0.5, 0.5, 0.0, 0.0, 0.0, 0.99]  # small ellipse on top, colour 1
    genes[12:18] = [1, 0, 0, 0, 0, 1]  # palette: red, blue
    drawing = layout.decode(genes)
    assert drawing.colour_index.tolist() == [[0, 1]]
    picture = render(drawing, 40, 40)[0]
    assert np.allclose(picture[20, 20], [0, 0, 1], atol=1e-3)  # blue on top at the centre
    assert np.allclose(picture[20, 8], [1, 0, 0], atol=1e-3)  # red around it
    info = drawing.to_json()
    assert info["palette"] == ["#ff0000", "#0000ff"] and len(info["ellipses"]) == 2


def test_fixed_background_is_white_and_not_searchable():
    layout = Layout(n_ellipses=2, background=False)
    genes = layout.random(np.random.default_rng(0), 4)
    assert np.allclose(layout.decode(genes).background, FIXED_BACKGROUND)
    assert not layout.mutable()[-3:].any() and layout.mutable()[:-3].all()
    free = Layout(n_ellipses=3, colours=0)
    assert free.palette_size == 3 and not free.mutable()[5]
    assert free.decode(free.random(np.random.default_rng(0))).colour_index.tolist() == [[0, 1, 2]]


def test_same_seed_same_random_drawings_and_wrong_sizes_refused():
    layout = Layout()
    a = layout.random(np.random.default_rng(7), 5)
    b = layout.random(np.random.default_rng(7), 5)
    assert np.array_equal(a, b)
    with pytest.raises(ValueError):
        layout.decode(a[:, :-1])
