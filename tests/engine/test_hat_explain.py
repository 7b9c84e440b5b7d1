"""Hat explanations and probes follow the model, batch once, repeat by seed; links round-trip."""

import numpy as np
import pytest

from engine.hat import explain, faces, groups, notes, share
from engine.hat.faces import Box

BLUE, SKIN, GREEN, RED = (60, 80, 200), (220, 180, 150), (30, 140, 60), (200, 30, 40)


def portrait() -> np.ndarray:
    """A 64x64 crop: blue wall, a face, a green jumper and a small red scarf (4.7 %)."""
    crop = np.zeros((64, 64, 3), np.uint8)
    crop[:] = BLUE
    crop[8:36, 20:44] = SKIN
    crop[40:, 8:56] = GREEN
    crop[40:48, 20:44] = RED
    return crop


class ShareModel:
    """Toy CNN that only counts pixels of one pure colour: house `house` grows with their share."""

    input_shape = (64, 64, 3)

    def __init__(self, colour, house: int, gain: float = 60.0):
        self.colour, self.house, self.gain, self.calls = np.array(colour) / 255, house, gain, 0

    def predict(self, batch: np.ndarray) -> np.ndarray:
        self.calls += 1
        share = (np.abs(batch - self.colour).max(-1) < 0.05).mean((1, 2))
        logits = np.zeros((len(batch), 4))
        logits[:, 1] = 1.0  # Hufflepuff unless the colour is there
        logits[:, self.house] += self.gain * share
        e = np.exp(logits - logits.max(1, keepdims=True))
        return e / e.sum(1, keepdims=True)


class BrightnessModel:
    """Toy CNN whose house is the crop's mean brightness, in four bands: it feels every shift."""

    input_shape = (64, 64, 3)

    def __init__(self):
        self.calls = 0

    def predict(self, batch: np.ndarray) -> np.ndarray:
        self.calls += 1
        band = np.clip((batch.mean((1, 2, 3)) * 4).astype(int), 0, 3)
        return np.eye(4)[band]


def test_quantise_is_deterministic_and_finds_the_four_colours():
    centres, labels = explain.quantise(portrait())
    again = explain.quantise(portrait())
    assert np.array_equal(labels, again[1]) and np.array_equal(centres, again[0])
    assert len(centres) == 4  # four colours, however many clusters were asked for
    found = sorted(tuple(int(v) for v in c) for c in centres)
    assert found == sorted([BLUE, SKIN, GREEN, RED])


def test_a_model_that_only_sees_red_ranks_the_red_cluster_first():
    model = ShareModel(RED, house=0)
    (why,) = explain.explain(portrait()[None], model)
    assert model.calls == 1  # the crop and every greyed variant in one batch
    assert why.house == "Gryffindor"
    top, rest = why.clusters[0], why.clusters[1:]
    assert top.rgb == RED and top.name == "scarlet"
    assert top.drop > 0.5 and top.house_without == "Hufflepuff"
    assert all(abs(c.drop) < 1e-6 for c in rest)  # greying what it ignores changes nothing
    assert "as the lore says" in notes.lore_caption(why)


def test_captions_give_the_change_on_greying_with_its_sign():
    """Greying the red that drove the house lowers it: a minus, and "falls" with the numbers."""
    (why,) = explain.explain(portrait()[None], ShareModel(RED, house=0))
    top = why.clusters[0]
    points = round(top.drop * 100)
    assert notes.swatch_label(top) == f"scarlet −{points} pts"
    words = notes.lore_caption(why)
    without = why.probability - top.drop
    assert f"falls by {points} points, from {why.probability:.0%} to {without:.0%}" in words
    assert "+" not in words and "%" not in notes.swatch_label(top)
    gained = explain.Cluster((0, 0, 0), 0.1, "black", -0.05, "Gryffindor")
    assert notes.swatch_label(gained) == "black +5 pts"  # greying it made the house likelier
    assert notes.swatch_label(explain.Cluster((1, 2, 3), 0.1, "other", -0.001, "x")) == (
        "#010203 ±0 pts"
    )


def test_the_same_crop_under_a_green_model_is_explained_by_green():
    # The explanation reads the model, not the lore: same crop, another model, another reason.
    (why,) = explain.explain(portrait()[None], ShareModel(GREEN, house=3, gain=10.0))
    assert why.house == "Slytherin" and why.clusters[0].name == "green"
    assert why.lore_house == "Slytherin"  # the lore reads the green jumper on the shoulders
    heat = explain.heat(portrait(), why)
    assert tuple(heat[60, 10]) == GREEN  # the green that drove it keeps its colour
    assert tuple(heat[2, 2]) != BLUE  # the wall that did not is faded


def test_explaining_many_faces_is_one_model_call():
    model = ShareModel(RED, house=0)
    crops = np.stack([portrait(), portrait()[:, ::-1], np.full((64, 64, 3), 128, np.uint8)])
    out = explain.explain(crops, model)
    assert model.calls == 1 and len(out) == 3
    assert out[2].house == "Hufflepuff" and "No single colour" in notes.lore_caption(out[2])


def gradient_photo() -> tuple[np.ndarray, list[Box]]:
    """A left-to-right brightness ramp with three face boxes on it."""
    ramp = np.linspace(0, 255, 600).astype(np.uint8)
    image = np.repeat(np.repeat(ramp[None, :, None], 400, 0), 3, 2)
    return image, [Box(x, 180, 60, 60, 1) for x in (100, 270, 440)]


def test_the_probe_repeats_with_its_seed_and_differs_with_another():
    image, boxes = gradient_photo()
    model = BrightnessModel()
    a = explain.probe(image, boxes, model, np.random.default_rng(7), n=24)
    b = explain.probe(image, boxes, model, np.random.default_rng(7), n=24)
    assert model.calls == 2  # one batched call per probe, whatever the number of faces
    assert a == b
    assert all(sum(p.counts.values()) == 24 and p.counts[p.house] == p.kept for p in a)
    assert any(p.kept < p.n for p in a)  # on a ramp a jitter changes the brightness band
    others = [explain.probe(image, boxes, model, np.random.default_rng(s), n=24) for s in (8, 9)]
    assert any(o != a for o in others)


def test_a_flat_photo_is_perfectly_stable():
    image = np.full((300, 300, 3), 90, np.uint8)
    (p,) = explain.probe(
        image, [Box(100, 100, 80, 80, 1)], BrightnessModel(), np.random.default_rng(1)
    )
    assert p.kept == p.n == explain.PROBE_N and p.share == 1.0
    assert notes.probe_note(p).startswith(f"**{p.n}/{p.n}**")


def test_inspecting_a_sample_repeats_by_seed():
    from engine import runtime

    model = runtime.load_model("hat")
    photo = groups.load_sample("group_2.jpg")
    a = explain.inspect(photo, model, faces.DEFAULT_SENSITIVITY, seed=3)
    b = explain.inspect(photo.copy(), model, faces.DEFAULT_SENSITIVITY, seed=3)
    assert a.fingerprint == b.fingerprint and a.probes == b.probes
    assert len(a.explanations) == len(a.probes) == len(a.sorting.faces) >= 5
    assert [e.house for e in a.explanations] == [f.house for f in a.sorting.faces]
    c = explain.inspect(photo, model, faces.DEFAULT_SENSITIVITY, seed=4)
    assert c.fingerprint != a.fingerprint  # a face there is unsteady: other jitters, other counts


SAMPLES = ["group_1.jpg", "group_2.jpg"]


def test_link_round_trips():
    state = share.State("group_2.jpg", 35, 4242, 3)
    assert share.params(state) == {
        "sample": "group_2.jpg",
        "sensitivity": "35",
        "seed": "4242",
        "face": "3",
    }
    assert share.parse(share.params(state), SAMPLES) == state


def test_an_upload_never_goes_into_the_link():
    assert "sample" not in share.params(share.State(None, 50, 1))


@pytest.mark.parametrize(
    "params",
    [
        {"sample": "../../etc/passwd", "sensitivity": "abc", "seed": "-1", "face": "x"},
        {"sample": "", "sensitivity": "1e9", "seed": "999999999999", "face": "100000"},
        {"sensitivity": "５０", "seed": "１", "face": " "},
        {"sensitivity": "nan", "seed": "3.5"},
        {},
    ],
)
def test_malformed_links_fall_back_to_defaults(params):
    state = share.parse(params, SAMPLES)
    assert state == share.State("group_1.jpg", share.DEFAULT_SENSITIVITY, share.DEFAULT_SEED, 0)


def test_a_link_snaps_sensitivity_to_the_slider():
    assert share.parse({"sensitivity": "52"}, SAMPLES).sensitivity == 50
    assert share.parse({"sensitivity": "100", "seed": "0"}, SAMPLES) == share.State(
        "group_1.jpg", 100, 0, 0
    )
