"""Guitar links: the drawing survives the URL exactly, and bad links fall back to defaults."""

import numpy as np
import pytest

from engine.guitar import predict, share
from engine.guitar.render import KINDS

# What the canvas sends back after two freehand strokes (Fabric.js JSON as the browser writes it).
DRAWN = {
    "objects": [
        {
            "type": "Path",
            "stroke": "#ff00ff",
            "strokeWidth": 40,
            "fill": None,
            "path": [["M", 60, 300], ["Q", 160, 160, 200, 120], ["L", 250, 300], ["L", 80, 200]],
        },
        {
            "type": "Path",
            "stroke": "rgba(30, 30, 30, 1)",
            "strokeWidth": 12,
            "left": 95.0,
            "top": 45.0,
            "width": 110.0,
            "height": 60.0,
            "pathOffset": {"x": 155.0, "y": 81.0},
            "path": [["M", 100, 51], ["Q", 150, 60, 210, 111], ["L", 150, 100]],
        },
    ]
}


def test_pack_unpack_round_trip_is_exact():
    items = share.strokes(DRAWN)
    assert [s.width for s in items] == [40, 12]
    assert items[0].rgb == (255, 0, 255) and items[1].rgb == (30, 30, 30)
    assert share.unpack(share.pack(items)) == items


def test_a_restored_drawing_scores_the_same_picture():
    items = share.strokes(DRAWN)
    restored = share.strokes(share.fabric(share.unpack(share.pack(items))))
    assert restored == items  # simplification is idempotent: the link adds no drift
    bg = predict.scene("Telecaster", 3).image
    a, b = predict.drawn_picture(bg, items), predict.drawn_picture(bg, restored)
    assert np.array_equal(a, b)
    assert not np.array_equal(a, bg)  # and the strokes were drawn


def test_the_drawing_is_where_the_canvas_put_it():
    items = share.strokes({"objects": [DRAWN["objects"][0]]})
    layer = share.draw(items, 320, 320)
    assert layer[300, 60, 3] == 255 and layer[120, 200, 3] == 255  # on the stroke
    assert layer[10, 310, 3] == 0  # far from it


@pytest.mark.parametrize(
    "bad", ["", "x", "!!!", "eNpjZGT", "AAAA", share.pack([])[:-2] + "zz", "a" * 5000]
)
def test_malformed_drawings_are_refused(bad):
    with pytest.raises(ValueError):
        share.unpack(bad)
    assert share.parse({"drawing": bad}, list(KINDS)).drawing is None


def test_parse_and_params_round_trip_and_defaults():
    packed = share.pack(share.strokes(DRAWN))
    state = share.State("Jaguar", 12, packed)
    assert share.parse(share.params(state), list(KINDS)) == state
    junk = {"guitar": "Banjo", "seed": "-3", "drawing": "%%%"}
    assert share.parse(junk, list(KINDS)) == share.State()
    assert share.parse({"seed": "99999999999"}, list(KINDS)).seed is None
    assert share.params(share.State()) == {}


def test_long_drawings_stay_out_of_the_link():
    rng = np.random.default_rng(0)
    zigzag = [["M", 0, 0]] + [["L", *rng.integers(0, 320, 2).tolist()] for _ in range(2000)]
    big = {"objects": [{"type": "Path", "stroke": "#000", "strokeWidth": 5, "path": zigzag}]}
    assert share.linkable(share.strokes(big)) is None
    assert share.linkable(share.strokes(DRAWN)) is not None
    assert share.linkable([]) is None


def test_replay_reproduces_the_fingerprint():
    models = predict.load_models()
    items = share.strokes(DRAWN)
    picture = predict.drawn_picture(predict.scene("SG", 5).image, items)
    shown = predict.fingerprint(picture, predict.score(models, picture))
    assert predict.replay(models, "SG", 5, items) == shown
    assert predict.replay(models, "SG", 6, items) != shown
