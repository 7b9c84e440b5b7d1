"""The shipped UFO models meet the issue's bars on fresh data, and the CLI prints boxes."""

import json

import numpy as np
import pytest

from engine import __main__ as engine_cli
from engine import cards
from engine.images import to_png
from engine.ufo import cli
from engine.ufo.composite import generated_sky

# A seed no card or training run uses, so this is fresh data.
FRESH_SEED = 4242


@pytest.fixture(scope="module")
def metrics():
    return cli._evaluate(FRESH_SEED, 100)


def test_widened_meets_the_mask_and_box_bars(metrics):
    wide = metrics["ufo-widened"]
    assert wide["iou_mean"] >= 0.80
    assert wide["box_recall"] >= 0.95
    assert wide["box_precision"] >= 0.90
    assert wide["false_boxes_per_image"] < 0.05


def test_failure_map_reproduces_the_write_up(metrics):
    base, wide = metrics["ufo-seed-ranges"], metrics["ufo-widened"]
    assert base["large_bright_drop"] >= 0.2
    assert wide["large_bright_iou"] > base["large_bright_iou"]
    assert wide["recovered_share"] >= 0.5
    grid = np.array(base["failure_map"]["iou"])
    assert grid.shape == (5, 5) and ((grid >= 0) & (grid <= 1)).all()


def test_cards_are_complete_and_the_headline_card_has_a_headline():
    for name in ("ufo-seed-ranges", "ufo-widened"):
        card = cards.read(name)
        assert card["kind"] == "segmenter" and card["demo"] == "ufo"
        assert card["metrics"]["n"] == 500 and card["metrics"]["seed"] == card["seed"]
    assert "IoU" in cards.read("ufo-widened")["headline"]


def test_cli_predict_prints_boxes_json(tmp_path, capsys):
    path = tmp_path / "sky.png"
    path.write_bytes(to_png(generated_sky(2, shape=(333, 517))))
    assert engine_cli.main(["predict", "ufo", str(path)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert (out["width"], out["height"]) == (517, 333)
    assert len(out["boxes"]) >= 1
    box = out["boxes"][0]
    assert 0 <= box["x0"] < box["x1"] <= 517 and 0 <= box["y0"] < box["y1"] <= 333


def test_litert_and_keras_draw_the_same_mask_on_composites():
    """What a user sees agrees across implementations: the mask at the card's threshold."""
    from engine import runtime
    from engine.ufo.composite import WIDENED, batch
    from tests import agreement

    x, _ = batch(np.random.default_rng(FRESH_SEED), WIDENED, 8)
    for name in ("ufo-seed-ranges", "ufo-widened"):
        lite, model = runtime.load_model(name), runtime.load_keras(name)
        want = np.asarray(model(x, training=False))
        threshold = lite.card["config"]["threshold"]
        assert (want >= threshold).any()  # saucers were found, so the mask is tested
        agreement.assert_same_mask(lite.predict(x), want, threshold, agreement.tolerance(model))
