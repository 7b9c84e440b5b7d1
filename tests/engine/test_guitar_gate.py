"""The no-guitar check: ImageNet's guitar classes let guitars through and stop everything else."""

import numpy as np
import pytest

from engine.guitar import gate, plots, predict

skdata = pytest.importorskip("skimage.data")
MODEL = predict.gate_model()
pytestmark = pytest.mark.skipif(MODEL is None, reason="models/imagenet.tflite not built")


def _rgb(name: str) -> np.ndarray:
    image = getattr(skdata, name)()
    return np.repeat(image[..., None], 3, axis=2) if image.ndim == 2 else image[..., :3]


@pytest.mark.parametrize("name", ["astronaut", "chelsea", "coffee", "rocket", "camera"])
def test_photos_without_a_guitar_are_stopped_with_what_the_network_sees(name):
    found = gate.check(MODEL, predict.square(_rgb(name), gate.SIDE))
    assert not found.guitar and found.rank >= gate.TOP_K
    words = predict.refusal(MODEL, predict.square(_rgb(name)))
    assert words and words.startswith("No guitar here") and found.seen[0][0] in words


def test_rendered_guitars_mostly_pass():
    passed = [gate.check(MODEL, predict.scene(None, seed).image).guitar for seed in range(12)]
    assert sum(passed) >= 9, passed  # 36 of 40 when measured; the gate is for uploads only
    assert predict.refusal(MODEL, predict.scene("SG", 9).image) is None


def test_no_picture_or_no_network_means_no_refusal():
    assert predict.refusal(MODEL, None) is None
    assert predict.refusal(None, predict.square(_rgb("astronaut"))) is None


def test_the_upload_caption_reports_the_measured_gate_only_when_measured():
    assert plots.photo_note(None) == plots.PHOTO_NOTE
    gate_figures = {
        "available": True,
        "guitar_photos_passed": {"n": 196, "agree": 192, "share": 0.98},
        "other_photos_stopped": {"n": 57, "agree": 57, "share": 1.0},
    }
    note = plots.photo_note({"metrics": {"real": {"gate": gate_figures}}})
    assert "192 of 196 real guitar photos" in note and "57 of 57" in note


def test_measure_counts_agreement_with_n():
    out = gate.measure(MODEL, [predict.scene("SG", 9).image], [_rgb("coffee"), _rgb("chelsea")])
    assert out["guitar_photos_passed"] == {"n": 1, "agree": 1, "share": 1.0}
    assert out["other_photos_stopped"]["n"] == 2 and out["other_photos_stopped"]["agree"] == 2
