"""Haar faces: the astronaut, the sensitivity knobs, merging; group photos and sorting."""

import argparse

import numpy as np
import pytest

from engine import runtime
from engine.hat import cli, faces, groups, sort
from engine.hat.faces import Box


@pytest.fixture(scope="module")
def real():
    return groups.real_faces()


def test_detector_finds_the_astronauts_face():
    from skimage import data

    found = faces.detect(data.astronaut())
    x, y, side = groups.ASTRONAUT_FACE
    assert len(found) == 1
    assert found[0].iou(Box(x, y, side, side, 1)) >= 0.5


def test_no_faces_in_a_plain_wall():
    assert faces.detect(np.full((300, 400, 3), 128, np.uint8)) == []


def test_sensitivity_loosens_every_knob():
    strict, default, eager = faces.settings(0), faces.settings(0.5), faces.settings(1)
    assert strict.scale_factor > default.scale_factor > eager.scale_factor > 1
    assert strict.min_neighbors > default.min_neighbors >= eager.min_neighbors >= 1
    assert strict.min_size > default.min_size > eager.min_size
    assert faces.settings(7) == eager


def test_overlapping_boxes_merge_and_separate_ones_do_not():
    merged = faces.merge(
        [Box(100, 100, 50, 50, 1), Box(104, 102, 50, 50, 1), Box(300, 90, 40, 40, 1)]
    )
    assert len(merged) == 2
    big = max(merged, key=lambda b: b.votes)
    assert big.votes == 2 and big.x == 102


def test_second_look_keeps_strong_boxes_and_drops_weak_flat_bare_or_chin_ones():
    img = np.full((300, 400, 3), (40, 90, 200), np.uint8)  # a blue wall: a colour photo
    img[:, :200] = (20, 22, 24)  # a flat dark corner
    noise = np.random.default_rng(0).integers(0, 255, (100, 100), np.uint8)
    img[100:200, 250:350] = np.stack([noise] * 3, axis=2)  # contrast, but grey: no skin
    img[150:250, 50:150] = (200, 150, 120)  # skin, but flat
    weak, strong = faces.WEAK_VOTES - 1, faces.WEAK_VOTES
    boxes = [Box(20, 20, 60, 60, weak), Box(250, 100, 100, 100, weak)]
    assert faces.second_look(img, boxes, faces.WEAK_VOTES) == []
    assert faces.second_look(img, [Box(20, 20, 60, 60, strong)], faces.WEAK_VOTES) != []
    grey = np.repeat(img[..., :1], 3, axis=2)  # black and white: no skin asked
    assert faces.second_look(grey, boxes[1:], faces.WEAK_VOTES) == boxes[1:]
    face, chin = Box(250, 40, 100, 100, strong), Box(260, 120, 80, 80, weak)
    assert faces.under_chin(chin, [face, chin]) and not faces.under_chin(face, [face, chin])
    assert faces.second_look(grey, [face, chin], faces.WEAK_VOTES) == [face]


def test_weak_bar_grows_with_a_finer_scale_step():
    assert faces.weak_votes(1.1) == pytest.approx(faces.WEAK_VOTES)
    assert faces.weak_votes(1.05) > faces.WEAK_VOTES > faces.weak_votes(1.3)


def test_compose_same_seed_same_photo(real):
    a = groups.compose(np.random.default_rng(5), 6, (640, 480), real)
    b = groups.compose(np.random.default_rng(5), 6, (640, 480), real)
    assert np.array_equal(a.image, b.image) and a.faces == b.faces
    assert len(a.faces) == 6 and len(set(a.sources)) == 6
    for box in a.faces:
        assert box.x >= 0 and box.x + box.w <= 640 and box.y >= 0 and box.y + box.h <= 480


def test_detection_bars_on_fresh_group_photos(real):
    from engine.hat.evaluate import detection

    rng = np.random.default_rng(77)
    photos = [groups.compose(rng, 10, faces=real) for _ in range(6)]
    result = detection(photos, faces.DEFAULT_SENSITIVITY)
    assert result["recall"] >= 0.9 and result["precision"] >= 0.9, result


class Fixed:
    """A stand-in classifier that answers the same probabilities for every crop."""

    input_shape = (64, 64, 3)

    def __init__(self, probs):
        self.probs = np.asarray(probs, np.float32)

    def predict(self, batch):
        return np.tile(self.probs, (len(batch), 1))


def test_sort_photo_boxes_tallies_and_hatstall(real):
    photo = groups.compose(np.random.default_rng(9), 6, (960, 720), real)
    clear = sort.sort_photo(photo.image, Fixed([0.1, 0.7, 0.1, 0.1]))
    assert len(clear.faces) == len(faces.detect(photo.image)) > 0
    assert clear.tallies["Hufflepuff"] == len(clear.faces)
    assert not any(f.hatstall for f in clear.faces)
    assert clear.annotated.shape == photo.image.shape
    assert not np.array_equal(clear.annotated, photo.image)
    torn = sort.sort_photo(photo.image, Fixed([0.46, 0.04, 0.0, 0.5]))
    assert all(f.hatstall and f.house == "Slytherin" for f in torn.faces)


def test_crop_follows_the_face_box():
    img = np.zeros((400, 400, 3), np.uint8)
    img[100:200, 150:250] = 255  # a white face box
    c = sort.crop(img, Box(150, 100, 100, 100, 1), 44)
    assert c.shape == (44, 44, 3)
    assert c[8:24, 14:30].mean() > 250 and c[:, :6].mean() < 5


def test_cli_predict_prints_faces_json():
    if not runtime.files("hat").tflite.exists():
        pytest.skip("hat model not trained")
    args = argparse.Namespace(image=str(groups.ASSETS / "group_2.jpg"), sensitivity=0.5)
    out = cli.predict(args)
    assert out["image"] == {"width": 1600, "height": 1200}
    assert len(out["faces"]) >= 5
    assert sum(out["tallies"].values()) == len(out["faces"])
    assert abs(sum(out["faces"][0]["probabilities"].values()) - 1) < 1e-3


def test_committed_samples_are_what_write_samples_makes(real):
    import json

    truth = json.loads((groups.ASSETS / "samples.json").read_text())
    name, seed, n = groups.SAMPLES[1]
    photo = groups.compose(np.random.default_rng(seed), n, groups.PHOTO_SIZE, real)
    committed = groups.load_sample(name)
    assert np.abs(committed.astype(int) - photo.image).mean() < 6  # JPEG's loss on sensor noise
    other = groups.compose(np.random.default_rng(seed + 1), n, groups.PHOTO_SIZE, real)
    assert np.abs(committed.astype(int) - other.image).mean() > 20
    assert truth[name]["faces"] == [[b.x, b.y, b.w, b.h] for b in photo.faces]
