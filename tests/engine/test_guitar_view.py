"""The guitar page's one engine call: strokes in, answers, link, notes and refusal out."""

import pytest

from engine import cards
from engine.guitar import predict, view
from tests.engine.test_guitar_share import DRAWN

pytestmark = pytest.mark.skipif(
    len(cards.available("guitar")) < 2, reason="guitar models not trained"
)


def _render(hidden: bool = False) -> view.Scene:
    r = predict.scene(None if hidden else "SG", 5)
    return view.Scene(r.image, None if hidden else "SG", 5, r.kind, False, hidden)


def test_a_drawing_on_a_render_is_scored_linked_and_replays():
    models = predict.load_models()
    out = view.score(models, predict.gate_model(), _render(), DRAWN)
    assert out.strokes == 2 and out.refusal is None and not out.link_too_big
    assert out.params["guitar"] == "SG" and out.params["seed"] == "5" and "drawing" in out.params
    assert out.redraw is not None and out.seed_note.startswith("Render seed **5** (SG, 2 strokes")
    same, note = view.replay(models, _render(), DRAWN, out.fingerprint)
    assert same and out.fingerprint in note
    assert set(out.scores) == set(models) and all(len(v) == 5 for v in out.scores.values())


def test_a_hidden_guitar_is_not_named_in_the_seed_note():
    out = view.score(predict.load_models(), None, _render(hidden=True), None)
    kind = predict.scene(None, 5).kind
    assert "hidden guitar" in out.seed_note and kind not in out.seed_note


def test_a_photo_stays_out_of_the_link_and_a_guitar_free_photo_is_refused():
    skdata = pytest.importorskip("skimage.data")
    photo = predict.square(skdata.astronaut())
    scene = view.Scene(photo, None, 1, "your photo", True, False)
    out = view.score(predict.load_models(), predict.gate_model(), scene, DRAWN)
    assert out.params == {} and out.seed_note is None and out.redraw is None
    if predict.gate_model() is not None:
        assert out.refusal and out.refusal.startswith("No guitar here")
