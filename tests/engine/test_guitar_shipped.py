"""The shipped guitar models: cards, LiteRT = Keras, the quality bars on fresh data, the CLI."""

import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from engine import cards, runtime
from engine.guitar import data, predict, train
from engine.guitar.model import NAMES, GuitarConfig
from engine.guitar.render import LABELS
from tests import agreement

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(
    len(cards.available("guitar")) < 2, reason="guitar models not trained"
)


@pytest.fixture(scope="module")
def fresh():
    """Fresh occlusion conditions, seed unlike the card's, n modest to stay quick."""
    return train.measure_shipped(seed=99, n=200)


def test_cards_describe_both_models():
    for variant, name in NAMES.items():
        card = cards.read(name)
        assert card["kind"] == "classifier" and card["demo"] == "guitar"
        assert card["labels"] == list(LABELS)
        assert card["input"] == {"height": 64, "width": 64, "channels": 3}
        # The defaults rebuild the shipped models; the dust switch is where the two differ.
        assert card["config"] == replace(GuitarConfig(), dust=variant == "dust").to_dict()
        assert card["seed"] == GuitarConfig().seed
        assert card["training"]["seconds"] > 0 and card["training"]["epochs"] > 0
        assert ("headline" in card) == (variant == "dust")
        for key in ("scribble_0", "scribble_30", "cutout_30", "dust"):
            assert 0.0 <= card["metrics"][name][key] <= 1.0


def test_litert_matches_keras():
    """Same top-1 and top-5 on renders; probabilities within the float32 depth tolerance."""
    x, _ = data.dataset(123, 16, render_size=128, processes=1)
    x = x.astype(np.float32) / 255.0
    for name in NAMES.values():
        lite = runtime.load_model(name).predict(x)
        model = runtime.load_keras(name)
        keras_probs = np.asarray(model(x, training=False))
        agreement.assert_same_ranking(lite, keras_probs, agreement.tolerance(model))


def card_tolerance(path: str, stored: float) -> float:
    """How far a re-measured card figure may move on another CPU (see the card test)."""
    leaf = path.rsplit(".", 1)[-1]
    if leaf.startswith(("scribble_", "cutout_")) or leaf == "dust":
        return ACCURACY_TOL  # coverage shares and accuracies
    if leaf in ("spread_mean", "spread_median", "on_guitar_mean"):
        return 0.001
    if leaf.endswith("_pct"):
        return 0.1 * stored
    if leaf in ("flipped", "failed", "already_wrong", "empty_maps"):
        return 2
    return 0  # seeds, sizes and settings


# Accuracies over 1,000 renders: 5 renders may change their answer, the ones whose top two
# classes (or a +-1 pixel of a render, from numpy's and OpenCV's per-CPU SIMD paths) sit within
# float error of a tie; none did between 1 and 2 LiteRT threads here.
ACCURACY_TOL = 0.005


def test_clean_accuracy_at_least_95_percent(fresh):
    for name in NAMES.values():
        assert fresh[name]["scribble_0"] >= 0.95, (name, fresh[name])


def test_dust_clearly_ahead_at_30_percent_scribbles_on_an_independent_sample(fresh):
    # n = 200 carries about +-5 points of noise on the gap; the 15-point bar is asserted at
    # n = 1000 in the card test below. Here: clearly ahead on data the card never saw.
    gap = fresh[NAMES["dust"]]["scribble_30"] - fresh[NAMES["plain"]]["scribble_30"]
    assert gap >= 0.08, fresh


def test_scribbles_hurt_and_coverage_is_as_asked(fresh):
    for name in NAMES.values():
        assert fresh[name]["scribble_40"] < fresh[name]["scribble_0"]
    for level in (10, 20, 30, 40):
        assert level / 100 <= fresh["coverage"][f"scribble_{level}"] < level / 100 + 0.06


@pytest.mark.slow
def test_card_metrics_equal_what_evaluate_prints_and_meet_the_bars():
    card = cards.read(NAMES["dust"])
    m = card["metrics"]
    assert m["seed"] == card["config"]["eval_seed"] and m["n"] == card["config"]["eval_n"]
    attention_n, duel_n = m["attention"]["n"], m["duel"]["n"]
    assert attention_n >= 500 and duel_n >= 100  # issue 9's sizes
    again = train.measure_shipped(
        m["seed"], m["n"], render_size=m["render_size"], attention_n=attention_n, duel_n=duel_n
    )
    # Accuracy, attention spread and duel flip sizes, all re-measured. Another CPU computes
    # the same renders and models in other float orders, so each figure gets the tolerance of
    # what decides it (card_tolerance): a render near a tie may flip, the duel's random search
    # takes another path after a near-tie, so its medians may move by 10 %.
    # The real-photo figures need the restored set; test_guitar_real.py measures those.
    synthetic = {k: v for k, v in m.items() if k != "real"}
    assert not agreement.metric_differences(again, synthetic, card_tolerance)
    spread = [m["attention"][name]["spread_mean"] for name in NAMES.values()]
    flips = [m["duel"][name]["median_pct"] for name in NAMES.values()]
    assert all(0 < s < 1 for s in spread) and 0 < flips[0] < flips[1]  # dust needs more pixels
    assert cards.read(NAMES["plain"])["metrics"] == m
    # The bars, measured again just now on 1000 fresh renders.
    plain, dust = again[NAMES["plain"]], again[NAMES["dust"]]
    assert plain["scribble_0"] >= 0.95 and dust["scribble_0"] >= 0.95
    assert dust["scribble_30"] - plain["scribble_30"] >= 0.15


def test_cli_predict_prints_both_top5(tmp_path):
    from engine.images import to_png

    image = tmp_path / "guitar.png"
    image.write_bytes(to_png(predict.scene("Les Paul", 3).image))
    out = subprocess.run(
        [sys.executable, "-m", "engine", "predict", "guitar", str(image)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    result = json.loads(out.stdout)
    assert set(result) == set(NAMES.values())
    for top in result.values():
        assert len(top) == 5 and all(t["label"] in LABELS for t in top)
        probs = [t["probability"] for t in top]
        assert probs == sorted(probs, reverse=True)


def test_cli_evaluate_prints_metrics_of_both():
    out = subprocess.run(
        [
            *(sys.executable, "-m", "engine", "evaluate", "guitar", "--seed", "5", "--n", "26"),
            *("--attention-n", "4", "--duel-n", "2"),  # the card's 500 and 100 take minutes
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    result = json.loads(out.stdout)
    assert result["seed"] == 5 and result["n"] == 26
    assert result["attention"]["n"] == 4 and result["duel"]["n"] == 2
    assert set(NAMES.values()) <= set(result)
