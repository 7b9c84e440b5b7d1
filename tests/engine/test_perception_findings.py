"""Findings and the CLI against the tiny trained classifier: structure, replay, one search."""

import json
import shutil

import numpy as np
import pytest

from engine import cards
from engine.__main__ import main
from engine.perception import findings, thumbnail
from tests.engine.test_perception_toy import tiny_classifier

ARGS = ["--seconds", "60", "--iterations", "4", "--n", "60", "--seed", "5"]


@pytest.fixture()
def models(monkeypatch, tmp_path):
    """A models/ directory holding only a copy of the tiny classifier."""
    for f in tiny_classifier().iterdir():
        shutil.copy(f, tmp_path / f.name)
    monkeypatch.setattr(cards, "MODELS_DIR", tmp_path)
    return tmp_path


def test_spread_is_sorted_by_median():
    p = np.random.default_rng(0).dirichlet([1, 2, 5], size=200)
    s = findings.spread(p, ["a", "b", "c"])
    assert s["labels"] == ["c", "b", "a"] and s["median"] == sorted(s["median"], reverse=True)
    assert all(lo <= m <= hi for lo, m, hi in zip(s["min"], s["median"], s["max"], strict=True))


def test_reached_counts_candidates_to_a_threshold():
    trace = [(0, 0.2, 64), (1, 0.95, 128), (2, 0.999, 192)]
    assert findings.reached(trace, 0.9) == 128 and findings.reached(trace, 0.9999) is None


def test_evaluate_writes_a_card_only_when_asked_and_it_replays(models, capsys):
    compare = ["--compare-background", "toy-colour"]
    assert main(["evaluate", "perception", *ARGS, *compare]) == 0
    assert cards.read("perception") is None  # evaluate alone never rewrites a card
    capsys.readouterr()
    assert main(["evaluate", "perception", *ARGS, *compare, "--write-cards"]) == 0
    printed = json.loads(capsys.readouterr().out)
    card = cards.read("perception")
    assert card["metrics"] == printed["metrics"] and card["kind"] == "findings"
    toy = card["metrics"]["toy-colour"]
    assert toy["classes"] == 3 and 0 <= toy["classes_fooled"] <= 3
    assert "median_final_score_fixed_background" in toy and card["headline"].endswith("per class.")
    found = card["findings"]["toy-colour"]
    assert len(found["colours"]["two"]["labels"]) == 3
    assert [r["iterations"] for r in found["search"]] == [4, 4, 4]
    assert main(["evaluate", "perception", *ARGS, *compare]) == 0
    assert json.loads(capsys.readouterr().out)["metrics"] == card["metrics"]
    picture = thumbnail.make()
    assert picture.shape == (*thumbnail.SIZE, 3) and picture.dtype == np.uint8


def test_predict_runs_one_search_and_refuses_unknown_classes(models, capsys):
    args = ["predict", "perception", "--classifier", "toy-colour", "--target", "green"]
    assert main([*args, "--iterations", "20", "--ellipses", "3", "--seed", "2"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["iterations"] == 20 and out["top5"][0][0] == "green" and out["score"] > 0.8
    assert len(out["drawing"]["ellipses"]) == 3 and out["drawing"]["target"] == "green"
    assert main(["predict", "perception", "--classifier", "toy-colour", "--target", "x"]) == 2
    assert "unknown class" in capsys.readouterr().err
