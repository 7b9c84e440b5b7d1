"""Occlusion attention maps: mass, a toy model that looks at one square, spread, repeats."""

import math

import numpy as np
import pytest

from engine import cards
from engine.guitar import attention, heat, looks
from engine.guitar.render import LABELS, render

LOOKED_AT = (slice(40, 56), slice(8, 24))  # rows, cols of the toy model's only evidence


def toy(batch: np.ndarray) -> np.ndarray:
    """Class 0 grows with the brightness of one 16 px square; nothing else matters."""
    region = batch[:, LOOKED_AT[0], LOOKED_AT[1]].mean(axis=(1, 2, 3))
    logits = np.zeros((len(batch), len(LABELS)), np.float64)
    logits[:, 0] = 12 * (region - 0.5)
    e = np.exp(logits - logits.max(axis=1, keepdims=True))
    return (e / e.sum(axis=1, keepdims=True)).astype(np.float32)


def picture(seed: int = 0) -> np.ndarray:
    """A noisy dark picture with a bright square where the toy looks (class 0 on top)."""
    rng = np.random.default_rng(seed)
    img = rng.integers(0, 60, (64, 64, 3)).astype(np.uint8)
    img[LOOKED_AT[0], LOOKED_AT[1]] = 250
    return img


def test_maps_are_64px_mass_distributions_in_predictor_order():
    att = attention.maps({"b": toy, "a": toy}, picture())
    assert [m.name for m in att.models] == ["b", "a"]
    for m in att.models:
        assert m.map.shape == (64, 64) and m.map.dtype == np.float32
        assert m.map.min() >= 0 and m.map.sum() == pytest.approx(1.0, abs=1e-5)
        assert m.label == LABELS[0] and m.index == 0 and m.probability > 0.9
        assert 0 <= m.spread <= 1


def test_a_model_that_looks_at_one_square_gets_a_map_there():
    m = attention.maps({"toy": toy}, picture()).models[0]
    grown = np.zeros((64, 64), bool)  # patches overlapping the square reach PATCH - 1 beyond it
    p = attention.PATCH - 1
    grown[max(0, 40 - p) : 56 + p, max(0, 8 - p) : 24 + p] = True
    assert m.map[grown].sum() > 0.99
    inside = m.map[LOOKED_AT].mean()
    assert inside > 5 * m.map[~grown].mean() + 1e-9
    assert np.unravel_index(np.argmax(m.map), m.map.shape)[0] in range(36, 60)


def test_an_explicit_class_is_explained_and_drops_below_zero_count_as_zero():
    m = attention.maps({"toy": toy}, picture(), target=LABELS[1]).models[0]
    # Hiding the square makes class 1 more likely everywhere: every drop is negative.
    assert m.label == LABELS[1] and m.map.sum() == 0 and math.isnan(m.spread)


def test_spread_on_known_maps():
    uniform = np.ones((64, 64))
    assert attention.spread(uniform) == pytest.approx(0.9, abs=1e-3)
    one_hot = np.zeros((64, 64))
    one_hot[3, 5] = 7.0
    assert attention.spread(one_hot) == 0.0
    half = np.zeros((10, 10))
    half[:, :5] = 1.0  # 50 equal pixels; the top 10 are any 10 of them (ties): 40 / 50 outside
    assert attention.spread(half) == pytest.approx(0.8)
    assert attention.spread(half * 3) == pytest.approx(0.8)  # scale free
    assert math.isnan(attention.spread(np.zeros((8, 8))))


def test_patches_cover_every_pixel():
    assert attention.starts(64, 12, 4)[-1] == 52
    assert attention.starts(64, 16, 5) == [0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 48]


def test_same_input_same_maps_and_overlays():
    img = render(np.random.default_rng(5), "SG", size=160).image
    a = attention.maps({"toy": toy, "t2": toy}, img)
    b = attention.maps({"toy": toy, "t2": toy}, img.copy())
    for ma, mb in zip(a.models, b.models, strict=True):
        assert np.array_equal(ma.map, mb.map)
    oa, ob = attention.overlays(a, img, 96), attention.overlays(b, img, 96)
    for x, y in zip(oa, ob, strict=True):
        assert x.shape == (96, 96, 3) and x.dtype == np.uint8 and np.array_equal(x, y)


@pytest.mark.skipif(len(cards.available("guitar")) < 2, reason="guitar models not trained")
def test_the_shipped_models_look_at_different_places():
    from engine.guitar import predict

    models = predict.load_models()
    r = predict.scene("Jazzmaster", 1)
    att = attention.maps({n: m.predict for n, m in models.items()}, r.image)
    plain, dust = att.models
    assert plain.map.sum() == pytest.approx(1, abs=1e-4)
    assert dust.map.sum() == pytest.approx(1, abs=1e-4)
    # Total variation between the two mass distributions: 0 same, 1 disjoint.
    assert 0.5 * np.abs(plain.map - dust.map).sum() > 0.1
    images = looks.panel({n: m.predict for n, m in models.items()}, r.image).images
    assert not np.array_equal(images[0], images[1])


def test_measure_summarises_each_model_and_repeats():
    a = attention.measure({"toy": toy}, seed=3, n=4)
    assert a == attention.measure({"toy": toy}, seed=3, n=4)
    assert (a["n"], a["seed"], a["top"], a["patch"], a["occluder"]) == (4, 3, 0.1, 12, "blur")
    m = a["toy"]
    assert 0 <= m["spread_mean"] <= 0.9 and 0 <= m["spread_median"] <= 0.9
    assert 0 <= m["on_guitar_mean"] <= 1 and m["empty_maps"] in range(5)


def _map(name: str, peak_pixels: int) -> attention.ModelMap:
    """A map whose attention sits evenly on its first peak_pixels pixels (sums to 1)."""
    m = np.zeros((64, 64), np.float32)
    m.ravel()[:peak_pixels] = 1 / peak_pixels
    return attention.ModelMap(name, "SG", 6, 0.9, 0.5, m, attention.spread(m))


def test_the_fainter_map_on_the_shared_scale_says_why():
    wide, tight = _map("guitar-plain", 400), _map("guitar-dust", 100)  # peaks 10x and 41x
    note = looks.faint_note(wide, tight, "Dust-trained model")
    assert "Fainter" in note and "10x an even share" in note and "model's 41x" in note
    assert looks.faint_note(tight, wide, "Plain model") == ""
    assert looks.faint_note(_map("a", 150), tight, "x") == ""  # 27x of 41x: not faint
    empty = attention.ModelMap("a", "SG", 6, 0.9, 0.0, np.zeros((64, 64), np.float32), math.nan)
    assert "Blank" in looks.faint_note(empty, tight, "x")


def test_weak_attention_still_tints_the_picture_and_the_colour_bar_runs_dark_to_bright():
    base = np.full((64, 64, 3), heat.GREY, np.float32)
    quarter = heat.heat(base, np.full((64, 64), 0.25, np.float32), 1.0).astype(int)
    assert np.abs(quarter - heat.GREY).sum(2).mean() > 40  # a quarter of the scale is visible
    bar = heat.legend(200, 10).astype(int)
    assert bar.shape == (10, 200, 3)
    assert np.abs(bar[:, 0] - heat.GREY).max() <= 1 and bar[:, -1].sum(1).min() > 500
