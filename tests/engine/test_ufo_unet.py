"""U-Net pieces: inference maps boxes back to any photo size; metrics; a tiny net learns."""

from dataclasses import replace

import numpy as np
import pytest

from engine.ufo import composite
from engine.ufo.unet import evaluate as E
from engine.ufo.unet import predict as P
from engine.ufo.unet.model import SEED_RANGES_CONFIG, UNetConfig


def white_finder(batch: np.ndarray) -> np.ndarray:
    """A stand-in model: probability 1 where a pixel is near white."""
    return (batch.min(axis=-1, keepdims=True) > 0.8).astype(np.float32)


@pytest.mark.parametrize("shape", [(301, 517), (211, 173), (97, 401), (640, 129), (768, 1024)])
def test_boxes_come_back_in_original_coordinates_for_odd_sizes(shape):
    h, w = shape
    image = np.zeros((h, w, 3), np.uint8)
    x0, y0, x1, y1 = w // 3, h // 4, w // 3 + w // 5, h // 4 + h // 6
    image[y0:y1, x0:x1] = 255
    found = P.detect(white_finder, 32, image, 0.5, 0.0005)
    assert found.probability.shape == (h, w)
    assert len(found.boxes) == 1
    box = found.boxes[0]
    tol = max(h, w) / 32 + 1  # one model pixel, mapped back
    for got, want in zip((box.x0, box.y0, box.x1, box.y1), (x0, y0, x1, y1), strict=True):
        assert abs(got - want) <= tol


def test_windows_cover_wide_and_tall_images():
    for h, w in [(100, 400), (400, 100), (100, 140), (50, 51)]:
        seen = np.zeros((h, w), bool)
        for y, x, ch, cw in P.windows(h, w):
            seen[y : y + ch, x : x + cw] = True
            assert y + ch <= h and x + cw <= w
        assert seen.all()
    assert len(P.windows(100, 400)) == 4


def test_min_area_drops_speckle_and_annotate_draws_red():
    prob = np.zeros((100, 100), np.float32)
    prob[10:30, 10:40] = 0.9
    prob[80, 80] = 0.99
    found = P.boxes(prob, 0.5, 0.001)
    assert [(b.x0, b.y0, b.x1, b.y1) for b in found] == [(10, 10, 40, 30)]
    drawn = P.annotate(np.zeros((100, 100, 3), np.uint8), found)
    # The outline lies just outside the box: the region's own edge pixels stay visible.
    assert tuple(drawn[9, 20]) == (255, 0, 0) and drawn[10, 20].sum() == 0
    assert drawn[50, 50].sum() == 0


def test_a_saucer_tip_cut_off_by_a_dip_below_threshold_is_in_the_box():
    """Seed-1 test sky in miniature: the rim dips under the threshold, its tip at the frame edge."""
    prob = np.zeros((480, 640), np.float32)
    prob[150:320, 30:460] = 0.9  # the saucer's body
    prob[214:219, 0:24] = 0.6  # its tip, 6 px away, 120 px: below min_area on its own
    found = P.boxes(prob, 0.5, 0.0004)
    assert [(b.x0, b.y0, b.x1, b.y1) for b in found] == [(0, 150, 460, 320)]
    assert found[0].area == 170 * 430 + 5 * 24
    far = prob.copy()
    far[400:410, 600:610] = 0.6  # a speck far from any saucer is still its own (dropped) piece
    assert [(b.x0, b.x1) for b in P.boxes(far, 0.5, 0.0004)] == [(0, 460)]


def test_a_box_at_the_frame_edge_is_outlined_at_full_width_inside_the_frame():
    image = np.zeros((480, 640, 3), np.uint8)
    box = P.Box(400, 300, 640, 480, 0.9, 1000)  # touches the right and bottom edges
    drawn = P.annotate(image, (box,))
    red = (drawn == (255, 0, 0)).all(axis=2)
    t = max(2, round(640 * P.LINE))
    assert red[300:480, 640 - t :].all()  # right side: t columns, all inside the frame
    assert red[480 - t :, 400:640].all()  # bottom side
    assert red[300 - t : 300, 400:640].all() and red[300:480, 400 - t : 400].all()
    assert not red[300 : 480 - t, 400 : 640 - t].any()  # the inside is left as it was


def test_iou_and_box_matching():
    a = np.zeros((10, 10), bool)
    a[:5] = True
    b = np.zeros((10, 10), bool)
    b[:, :5] = True
    assert E.iou(a, b) == pytest.approx(25 / 75)
    assert E.iou(a & False, b & False) == 1.0
    t = (P.Box(0, 0, 10, 10, 1, 100),)
    near, far = P.Box(1, 1, 11, 11, 1, 100), P.Box(6, 6, 16, 16, 1, 100)
    assert E.matches((near, far), t) == 1
    assert E.matches((far,), t) == 0


def test_config_round_trips_through_a_card():
    data = SEED_RANGES_CONFIG.to_dict()
    assert UNetConfig.from_dict(data) == SEED_RANGES_CONFIG


def test_a_tiny_unet_learns_a_toy_composite():
    from engine.ufo.unet.train import composites, train

    toy = replace(
        composite.SEED_RANGES,
        size=32,
        width=(0.4, 0.6),
        rotation=10.0,
        empty=0.0,
        photo_share=0.0,
        whiteness=(0.6, 0.6),
    )
    config = UNetConfig(
        name="ufo-toy",
        ranges=toy,
        base=4,
        depth=2,
        samples=160,
        epochs=12,
        batch=16,
        learning_rate=1e-2,
        seed=3,
    )
    steps = []
    trained = train(config, on_step=steps.append)
    assert [s.epoch for s in steps] == list(range(1, 13))
    fresh = replace(config, seed=99)
    x, y = composites(fresh)
    pred = trained.model.predict(x[:40], verbose=0)
    ious = [E.iou(p[..., 0] >= 0.5, t[..., 0] >= 0.5) for p, t in zip(pred, y[:40], strict=True)]
    assert trained.losses[-1] < trained.losses[0]
    assert np.mean(ious) > 0.5
