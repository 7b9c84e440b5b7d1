"""The guitar renderer: deterministic, every class drawn, sizes and the model input."""

import numpy as np
import pytest

from engine.guitar import render as r


def test_same_generator_state_same_picture():
    a = r.render(np.random.default_rng(3), "Jaguar", size=128)
    b = r.render(np.random.default_rng(3), "Jaguar", size=128)
    assert np.array_equal(a.image, b.image)
    assert np.array_equal(a.mask, b.mask)
    c = r.render(np.random.default_rng(4), "Jaguar", size=128)
    assert not np.array_equal(a.image, c.image)


@pytest.mark.parametrize("kind", r.KINDS)
def test_every_kind_renders_a_guitar(kind):
    out = r.render(np.random.default_rng(0), kind, size=128)
    assert out.image.shape == (128, 128, 3) and out.image.dtype == np.uint8
    assert out.kind == kind
    assert out.label == (r.LABELS.index(kind) if kind in r.LABELS else -1)
    share = out.mask.mean()
    assert 0.06 < share < 0.6, share  # a guitar, not a speck nor the whole frame


def test_thirteen_classes_and_an_outsider():
    assert len(r.LABELS) == 13 and len(set(r.LABELS)) == 13
    assert r.OUT_OF_CLASS not in r.LABELS and r.KINDS[-1] == r.OUT_OF_CLASS
    assert r.render(np.random.default_rng(1), 5, size=96).kind == r.LABELS[5]
    with pytest.raises(ValueError):
        r.render(np.random.default_rng(1), "Ukulele")


def test_random_kind_covers_classes():
    rng = np.random.default_rng(0)
    seen = {r.render(rng, size=64).kind for _ in range(120)}
    assert seen == set(r.LABELS)


def test_classes_differ_in_silhouette():
    # Same generator state, different classes: the guitar masks differ substantially.
    masks = [r.render(np.random.default_rng(9), k, size=96, camera=False).mask for k in r.LABELS]
    for i in range(len(masks)):
        for j in range(i + 1, len(masks)):
            diff = np.logical_xor(masks[i], masks[j]).sum() / max(masks[i].sum(), 1)
            assert diff > 0.04, (r.LABELS[i], r.LABELS[j], diff)


def test_display_and_model_input():
    out = r.render(np.random.default_rng(2), "Les Paul", size=320)
    assert out.image.shape == (320, 320, 3)
    x = r.to_input(out.image)
    assert x.shape == (64, 64, 3) and x.dtype == np.float32
    assert x.min() >= 0.0 and x.max() <= 1.0
    wide = r.to_input(np.zeros((50, 200, 3), np.uint8))
    assert wide.shape == (64, 64, 3)
