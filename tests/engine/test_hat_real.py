"""The hat's real group photos: manifest, restore, figures when restored; detector scaling."""

import json
import subprocess

import cv2
import numpy as np
import pytest

from engine import mirror, runtime
from engine.hat import faces, groups, lore, real
from engine.hat.faces import Box


def test_manifest_names_enough_hand_counted_group_photos():
    photos = mirror.read_manifest(real.MANIFEST)["photos"]
    assert len(photos) >= 8 and sum(len(p["faces"]) for p in photos) >= 100
    assert any("black and white" in p["kind"] for p in photos)
    for p in photos:
        assert len(p["sha256"]) == 64 and len(p["commit"]) == 40
        assert all(len(b) == 4 and min(b[2:]) >= 16 for b in p["faces"] + p["ignore"])


def _repo(tmp_path, name: str, data: bytes) -> tuple[str, str]:
    """A one-file git repository laid out as the mirror keeps them; returns (repo, commit)."""
    work = tmp_path / "mirror" / "me+photos" / "repo"
    work.mkdir(parents=True)
    (work / name).write_bytes(data)
    git = ["git", "-C", str(work), "-c", "user.name=t", "-c", "user.email=t@t"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", name], check=True)
    subprocess.run([*git, "commit", "-qm", "one photo"], check=True)
    commit = subprocess.run([*git, "rev-parse", "HEAD"], capture_output=True, text=True, check=True)
    return "me/photos", commit.stdout.strip()


def test_restore_copies_by_sha256_and_refuses_a_changed_file(tmp_path):
    repo, commit = _repo(tmp_path, "a.jpg", b"pixels")
    entry = {"file": "x.jpg", "repository": repo, "commit": commit, "path": "a.jpg"}
    good = tmp_path / "good.json"
    good.write_text(json.dumps({"photos": [{**entry, "sha256": mirror.sha256(b"pixels")}]}))
    done = mirror.restore(good, tmp_path / "out", tmp_path / "mirror")
    assert done.present == ["x.jpg"] and not done.missing
    assert (tmp_path / "out" / "x.jpg").read_bytes() == b"pixels"
    assert mirror.complete(good, tmp_path / "out")
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"photos": [{**entry, "file": "y.jpg", "sha256": "0" * 64}]}))
    done = mirror.restore(bad, tmp_path / "out2", tmp_path / "mirror")
    assert done.missing and not (tmp_path / "out2" / "y.jpg").exists()


def test_measure_says_when_the_set_is_absent(tmp_path):
    out = real.measure(folder=tmp_path / "nothing")
    assert out["available"] is False and "python -m engine.hat.real" in out["why"]
    assert real.sentence(out).startswith("Real group photos not measured")


def test_score_ignores_hidden_faces_and_counts_false_boxes():
    hidden = [Box(100, 0, 40, 40, 1)]
    photo = real.RealPhoto("t", np.zeros((9, 9, 3), np.uint8), [Box(0, 0, 40, 40, 1)], hidden, "t")
    found = [Box(2, 2, 40, 40, 1), Box(102, 0, 40, 40, 1), Box(300, 300, 40, 40, 1)]
    assert real.score(photo, found) == (1, 1)


def test_a_black_and_white_photo_gets_its_sentence():
    grey = np.repeat(np.random.default_rng(0).integers(0, 255, (50, 60, 1), np.uint8), 3, axis=2)
    assert lore.colourless(grey) and "black and white" in lore.colour_note(grey)
    sepia = np.clip(grey * np.array([1.0, 0.8, 0.55]) + [30, 15, 0], 0, 255).astype(np.uint8)
    assert lore.colourless(sepia)
    colour = np.zeros((50, 60, 3), np.uint8)
    colour[..., 2] = 200
    assert lore.colour_note(colour) is None


def test_small_photos_are_enlarged_and_large_ones_searched_at_their_own_scale():
    assert faces.work_scale((480, 640, 3), faces.MIN_FACE) == faces.MAX_UPSCALE
    assert 1 < faces.work_scale((1158, 1600, 3), faces.MIN_FACE) < faces.MAX_UPSCALE
    assert faces.work_scale((5480, 7300, 3), faces.MIN_FACE) == 1.0  # 40 MP: never shrunk


def test_small_faces_in_a_large_photo_are_found():
    # A group with ~25-30 px faces inside a 6 MP frame: an 800 px working copy made them 7 px.
    rng = np.random.default_rng(41)
    small = groups.compose(rng, 6, (640, 300))
    big = np.full((2000, 3000, 3), 90, np.uint8)
    big[900:1200, 1200:1840] = small.image
    truth = [Box(b.x + 1200, b.y + 900, b.w, b.h, 1) for b in small.faces]
    photo = real.RealPhoto("t", big, truth, [], "t")
    hits, false = real.score(photo, faces.detect(big))
    assert hits >= 5 and false <= 1, (hits, false)


def test_a_400_px_face_is_found():
    from skimage import data

    big = cv2.resize(data.astronaut(), (2048, 2048))  # its 98 px face becomes 392 px
    x, y, side = (4 * v for v in groups.ASTRONAUT_FACE)
    found = faces.detect(big)
    assert any(b.iou(Box(x, y, side, side, 1)) >= 0.5 for b in found)


@pytest.mark.parametrize("name", ["coffee", "chelsea", "page", "grass"])
def test_no_faces_in_shipped_photos_without_people(name):
    from skimage import data

    image = getattr(data, name)()
    image = np.repeat(image[..., None], 3, axis=2) if image.ndim == 2 else image
    assert faces.detect(image) == []


def test_the_real_sample_is_public_domain_and_the_manifests_own_bytes():
    name = "solvay_1927.jpg"
    assert groups.sample_names()[-1] == name and groups.sample_names()[0] == "group_1.jpg"
    entry = next(p for p in mirror.read_manifest(real.MANIFEST)["photos"] if p["file"] == name)
    assert entry["licence"].startswith("public domain")
    assert mirror.sha256((groups.ASSETS / name).read_bytes()) == entry["sha256"]
    truth = json.loads((groups.ASSETS / "samples.json").read_text())[name]
    assert truth["faces"] == entry["faces"] and "public domain" in groups.credit(name)
    assert groups.credit("group_1.jpg") is None
    image = groups.load_sample(name)
    assert image.shape == (1158, 1600, 3) and image.dtype == np.uint8
    photo = real.RealPhoto(name, image, [Box(*b, 1) for b in entry["faces"]], [], entry["kind"])
    hits, false = real.score(photo, faces.detect(image))
    assert hits >= 0.95 * len(photo.faces) and false <= 2, (hits, false)


@pytest.mark.skipif(not real.available(), reason="real group photos not restored")
def test_real_group_photos_bars():
    out = real.measure(runtime.load_model("hat") if runtime.files("hat").tflite.exists() else None)
    assert out["detection"]["recall"] >= 0.95, out["detection"]
    assert out["detection"]["precision"] >= 0.95, out["detection"]
    assert out["detection_writeup"]["recall"] < out["detection"]["recall"]
    if "houses" in out:
        # The bar: no house takes over 40 % of the real faces, by the lore or the CNN
        # (measured: 39.2 % and 33.3 %; before the tone rule, 83 % went to Hufflepuff).
        assert out["houses"]["largest_share_lore"] <= 0.4, out["houses"]
        assert out["houses"]["largest_share_model"] <= 0.4, out["houses"]


def test_the_card_reports_balanced_houses_on_the_real_faces():
    from engine import cards

    houses = cards.read("hat")["metrics"]["real"]["houses"]
    assert houses["faces"] >= 100 and sum(houses["model"].values()) == houses["faces"]
    assert houses["largest_share_model"] <= 0.4 and houses["largest_share_lore"] <= 0.4
