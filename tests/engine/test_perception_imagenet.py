"""The shipped ImageNet model: what it names, where it came from, batching, logits, searching."""

import hashlib

import cv2
import numpy as np
import pytest
from skimage import data

from engine import cards, search
from engine.perception import build_imagenet, canvas, imagenet, imagenet_findings, lab
from engine.perception.ellipses import Layout, render, to_uint8

pytestmark = pytest.mark.skipif(
    not (cards.MODELS_DIR / "imagenet.tflite").exists(), reason="run `make imagenet`"
)
CATS = {"tabby", "tiger_cat", "Persian_cat", "Siamese_cat", "Egyptian_cat", "lynx"}


@pytest.fixture(scope="module")
def model():
    return imagenet.load()


def _photo(name: str) -> np.ndarray:
    return cv2.resize(getattr(data, name)(), (224, 224), interpolation=cv2.INTER_AREA)


def _top5(model, photo: np.ndarray) -> list[str]:
    p = imagenet.probabilities(model.logits(photo[None]))[0]
    return [model.labels[i] for i in np.argsort(p)[::-1][:5]]


def test_the_sample_photos_are_named_sensibly(model):
    coffee, cat, rocket = (_top5(model, _photo(n)) for n in ("coffee", "chelsea", "rocket"))
    assert {"espresso", "cup"} & set(coffee), coffee
    assert cat[0] in CATS, cat
    assert {"missile", "projectile"} & set(rocket), rocket


def test_the_card_names_the_model_its_origin_and_licence(model):
    card = cards.read("imagenet")
    assert card["kind"] == "classifier" and card["title"] == "MobileNetV2 (quantised, ImageNet)"
    assert len(card["labels"]) == 1000 and card["labels"][2] == "great_white_shark"
    assert card["input"] == {"height": 224, "width": 224, "channels": 3, "dtype": "uint8"}
    prov = card["provenance"]
    assert prov["repository"].endswith("google-coral/test_data") and len(prov["commit"]) == 40
    shipped = (cards.MODELS_DIR / "imagenet.tflite").read_bytes()
    assert hashlib.sha256(shipped).hexdigest() == prov["file_sha256"]
    assert prov["file_sha256"] == build_imagenet.SHIPPED_SHA256 and prov["licence"] == "Apache-2.0"
    assert "Apache License" in (cards.MODELS_DIR / "LICENSE-imagenet").read_text()
    assert "imagenet.tflite" in (cards.MODELS_DIR / "NOTICE").read_text()
    assert "VGG" not in str(card)


@pytest.mark.skipif(not build_imagenet.SHARED.exists(), reason="../shared/imagenet absent")
def test_the_build_script_rebuilds_the_shipped_bytes():
    source = (build_imagenet.SHARED / build_imagenet.SOURCE).read_bytes()
    assert build_imagenet.sha256(source) == build_imagenet.SOURCE_SHA256
    assert build_imagenet.sha256(build_imagenet.patch(source)) == build_imagenet.SHIPPED_SHA256


def test_a_batch_agrees_with_one_at_a_time_and_far_classes_are_not_zero(model):
    photos = np.stack([_photo(n) for n in ("coffee", "chelsea", "rocket")])
    batched = model.logits(photos)
    single = np.concatenate([model.logits(p[None]) for p in photos])
    assert batched.shape == (3, 1000)
    assert (batched.argmax(1) == single.argmax(1)).all()
    np.testing.assert_allclose(batched, single, atol=0.2)  # ~3 int8 steps of the logits
    p = imagenet.probabilities(batched)
    assert p.min() > 0 and np.allclose(p.sum(1), 1)  # the uint8 softmax read 0 here


def test_one_thread_and_every_thread_give_the_same_logits_however_the_batch_is_split(model):
    photos = np.stack([_photo(n) for n in ("coffee", "chelsea", "rocket")] * 4)
    whole = model.logits(photos)
    split = np.concatenate([model.logits(photos[:5], threads=1), model.logits(photos[5:])])
    np.testing.assert_array_equal(split, whole)  # int8 arithmetic: the pipeline's split is free


@pytest.mark.parametrize("colours,background", [(2, True), (0, True), (2, False)])
def test_the_incremental_canvas_draws_what_a_full_render_draws(colours, background):
    layout, rng = Layout(8, colours, background), np.random.default_rng(3)
    paint = canvas.Canvas(layout, 224, 224)
    best = layout.random(rng)[0]
    for genes in (
        layout.random(rng, 6),
        *[
            search.propose(best, layout.space(), search.SearchConfig(batch=24), 9, rng)
            for _ in range(2)
        ],
    ):
        want = to_uint8(render(layout.decode(genes), 224, 224))
        np.testing.assert_array_equal(paint.render(genes), want)  # same process: exact
    assert paint.redrawn < paint.drawn * 224 * 224  # and it did redraw less than everything


def test_two_small_far_apart_changes_redraw_two_boxes_exactly():
    layout = Layout(8, 2, True)
    paint = canvas.Canvas(layout, 224, 224)
    best = layout.random(np.random.default_rng(4))[0]
    best[2 : 8 * 6 : 6] = best[3 : 8 * 6 : 6] = 0.0  # every radius the smallest (3 % of 224)
    best[0:2], best[6:8] = (0.1, 0.1), (0.9, 0.9)  # ellipses 0 and 1 in opposite corners
    moved = np.repeat(best[None], 3, axis=0)
    moved[0, [0, 6]] += 0.02  # the first candidate nudges both corner ellipses
    paint.render(moved)  # the median row is best: it becomes the base
    drawn = paint.redrawn
    want = to_uint8(render(layout.decode(moved), 224, 224))
    np.testing.assert_array_equal(paint.render(moved), want)
    assert 0 < paint.redrawn - drawn < 0.1 * 224 * 224  # two small boxes, not their union


def test_the_canvas_refuses_an_output_it_cannot_fill_as_flat_rows():
    layout = Layout()
    genes = layout.random(np.random.default_rng(0), 2)
    out = np.empty((2, 224, 224, 4), np.uint8)[..., :3]
    with pytest.raises(ValueError, match="contiguous"):
        canvas.Canvas(layout, 224, 224).render(genes, out)


@pytest.mark.slow
def test_a_search_lifts_its_class_100x_over_the_random_median_and_repeats(model):
    k = model.labels.index("great_white_shark")
    settings = lab.Settings(k, 8, True, 2, seconds=600, iterations=8, seed=5)
    random = imagenet.probabilities(model.predict(_random_pictures(64)))[:, k]
    out = lab.run(model, settings)
    assert out.score >= 100 * np.median(random), (out.score, np.median(random))
    again = lab.run(model, settings)  # same seed, same iteration count, same process
    assert again.fingerprint == out.fingerprint and again.score == out.score


def _random_pictures(n: int) -> np.ndarray:
    layout = Layout(8, 2, True)
    return to_uint8(render(layout.decode(layout.random(np.random.default_rng(11), n)), 224, 224))


def test_findings_repeat_for_a_seed(model):
    config = imagenet_findings.ImagenetConfig().capped(6, 600, 2)
    one = imagenet_findings.random_images(model, config, 4)
    two = imagenet_findings.random_images(model, config, 4)
    assert one == two and len(one["spread"]["labels"]) == 1000 and one["orders_of_magnitude"] > 0
    a, b = (imagenet_findings.search(model, "goldfish", True, (600, 2), 9, 3) for _ in range(2))
    a.pop("seconds"), b.pop("seconds")  # wall time is the one thing allowed to differ
    assert a == b and a["iterations"] == 2
