"""The real guitar photo set: a manifest anyone can restore, measured when present."""

import pytest

from engine import mirror
from engine.guitar import predict, real
from engine.guitar.render import LABELS


def test_manifest_names_each_photo_once_with_a_known_class_and_sha256():
    photos = mirror.read_manifest(real.MANIFEST)["photos"]
    assert len(photos) >= 100 and len({p["file"] for p in photos}) == len(photos)
    for p in photos:
        assert p["label"] in LABELS and len(p["sha256"]) == 64 and len(p["commit"]) == 40
        assert p["repository"].count("/") == 1


def test_an_absent_set_is_reported_not_guessed(tmp_path):
    out = real.measure({}, tmp_path / "none")
    assert out["available"] is False and "python -m engine.guitar.real" in out["why"]


@pytest.mark.skipif(not real.available(), reason="real guitar photos not restored")
def test_both_models_are_measured_per_class_on_the_restored_set():
    out = real.measure(predict.load_models())
    assert out["available"] and out["photos"] >= 100
    for name in ("guitar-plain", "guitar-dust"):
        m = out[name]
        assert m["n"] == out["photos"] and 0 <= m["top1"] <= m["top3"] <= 1
        assert sum(c["n"] for c in m["per_class"].values()) == m["n"]
    gate = out["gate"]  # the no-guitar check on these photos and the other demos' real ones
    if gate["available"]:
        assert gate["guitar_photos_passed"]["n"] == out["photos"]
        assert gate["guitar_photos_passed"]["share"] >= 0.95
        if gate["other_photos_stopped"]["n"]:
            assert gate["other_photos_stopped"]["share"] >= 0.95


def test_the_card_reports_the_no_guitar_check_with_its_n():
    from engine import cards

    gate = cards.read("guitar-dust")["metrics"]["real"]["gate"]
    assert gate["available"] and gate["classes"] == ["electric_guitar", "acoustic_guitar"]
    assert gate["guitar_photos_passed"]["n"] >= 100 and gate["other_photos_stopped"]["n"] >= 30
    assert gate["guitar_photos_passed"]["share"] >= 0.95
    assert gate["other_photos_stopped"]["share"] >= 0.95
