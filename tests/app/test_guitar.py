"""Guitar page under AppTest: a drawing injected through session_state changes the predictions."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from engine import cards
from tests.app.links import fingerprint, open_link

PAGE = str(Path(__file__).resolve().parents[2] / "pages" / "guitar.py")
pytestmark = pytest.mark.skipif(
    len(cards.available("guitar")) < 2, reason="guitar models not trained"
)

# What the canvas sends back after one freehand stroke (Fabric.js JSON; no PNG in AppTest).
STROKE = {
    "type": "Path",
    "stroke": "#ff00ff",
    "strokeWidth": 40,
    "fill": None,
    "path": [
        ["M", 60, 300],
        ["Q", 160, 160, 200, 120],
        ["L", 250, 300],
        ["L", 80, 200],
        ["L", 280, 180],
    ],
}


def _top5(at: AppTest, title: str) -> str:
    for c in at.caption:
        if c.value.startswith(f"{title} top-5:"):
            return c.value
    raise AssertionError(f"no top-5 caption for {title}")


def _page(kind: str = "Stratocaster") -> AppTest:
    at = AppTest.from_file(PAGE, default_timeout=90)
    at.session_state["guitar_kind"] = kind
    at.run()
    assert not at.exception, at.exception
    return at


def test_drawing_changes_both_models_predictions():
    at = _page()
    before = (_top5(at, "Plain model"), _top5(at, "Dust-trained model"))
    assert "strokes on the canvas: 0" in " ".join(c.value for c in at.caption)
    at.session_state["guitar_canvas"] = {
        "drawing": {"raw": {"objects": [STROKE]}, "data": None},
        "backgroundFit": None,
    }
    at.run()
    assert not at.exception, at.exception
    after = (_top5(at, "Plain model"), _top5(at, "Dust-trained model"))
    assert "strokes on the canvas: 1" in " ".join(c.value for c in at.caption)
    assert after[0] != before[0] and after[1] != before[1]


def test_page_shows_claim_measurement_and_out_of_class_guitar():
    at = _page("Duo-Sonic")
    text = " ".join(m.value for m in at.markdown)
    assert "The write-up claimed" in text and "We measured" in text
    assert "Rendered guitar: **Duo-Sonic**" in " ".join(c.value for c in at.caption)
    assert any("flatter" in i.value for i in at.info)


def test_surprise_me_hides_the_answer_and_new_render_changes_it():
    at = _page("Surprise me")
    assert "hidden" in " ".join(c.value for c in at.caption)
    first = _top5(at, "Plain model")
    at.button(key="guitar_new").click().run()
    assert not at.exception
    assert at.session_state["guitar_seed"] == 2
    assert _top5(at, "Plain model") != first


def test_a_shared_link_rebuilds_guitar_seed_and_drawing_exactly():
    at = _page("Jaguar")
    at.button(key="guitar_new").click().run()
    at.session_state["guitar_canvas"] = {
        "drawing": {"raw": {"objects": [STROKE]}, "data": None},
        "backgroundFit": None,
    }
    at.run()
    assert not at.exception, at.exception
    link = dict(at.query_params)
    assert link["guitar"] == "Jaguar" and link["seed"] == "2" and link["drawing"]
    fresh = open_link(PAGE, link, timeout=90)
    assert fresh.selectbox(key="guitar_kind").value == "Jaguar"
    assert "strokes on the canvas: 1" in " ".join(c.value for c in fresh.caption)
    assert fingerprint(fresh) == fingerprint(at)
    assert _top5(fresh, "Plain model") == _top5(at, "Plain model")
    fresh.button(key="guitar_replay").click().run()
    assert any("identical to" in s.value for s in fresh.success)


def test_a_broken_link_falls_back_to_defaults():
    at = AppTest.from_file(PAGE, default_timeout=90)
    at.query_params.update({"guitar": "Banjo", "seed": "x", "drawing": "%%%"})
    at.run()
    assert not at.exception, at.exception
    assert at.selectbox(key="guitar_kind").value == "Surprise me"
    assert "strokes on the canvas: 0" in " ".join(c.value for c in at.caption)
    assert dict(at.query_params) == {"seed": "1"}


def test_occlusion_curves_download_as_csv():
    import csv
    import io

    at = _page()
    csv_button = next(b for b in at.get("download_button") if "CSV" in b.proto.label)
    assert csv_button is not None
    from engine.guitar import plots

    rows = list(csv.DictReader(io.StringIO(plots.curve_csv(cards.read(plots.DUST)["metrics"]))))
    assert len(rows) == 20 and {r["occluder"] for r in rows} == {"scribble", "cutout"}


def test_surprise_me_reveals_an_out_of_class_guitar_as_one_neither_model_knows():
    at = AppTest.from_file(PAGE, default_timeout=90)
    at.session_state["guitar_kind"] = "Surprise me"
    at.session_state["guitar_seed"] = 2  # "Surprise me" with render seed 2 draws the Duo-Sonic
    at.run()
    assert not at.exception, at.exception
    words = " ".join(m.value for m in at.markdown)
    assert "It is a **Duo-Sonic**" in words and "**not** among the 13 classes" in words
    assert "neither model was trained on one" in words
    # Until revealed the page does not give it away: not in the seed note, nor under the canvas.
    shown = [m.value for m in at.markdown if "Render seed" in m.value]
    assert shown and "Duo-Sonic" not in shown[0] and "hidden guitar" in shown[0]
    assert "Duo-Sonic" not in " ".join(c.value for c in at.caption)
    at.session_state["guitar_seed"] = 1  # an SG: one of the 13
    at.run()
    assert "one of the 13 classes both models learned" in " ".join(m.value for m in at.markdown)


def test_the_labelled_clear_drawing_button_empties_the_canvas():
    at = _page("Telecaster")
    before = _top5(at, "Plain model")
    at.session_state["guitar_canvas"] = {
        "drawing": {"raw": {"objects": [STROKE]}, "data": None},
        "backgroundFit": None,
    }
    at.run()
    assert "drawing" in dict(at.query_params) and _top5(at, "Plain model") != before
    clear = at.button(key="guitar_clear")
    assert clear.label == "Clear drawing"
    clear.click().run()
    assert not at.exception, at.exception
    assert "strokes on the canvas: 0" in " ".join(c.value for c in at.caption)
    assert "drawing" not in dict(at.query_params)
    assert _top5(at, "Plain model") == before  # scored on the clean render again
    assert at.session_state["guitar_initial"]["objects"] == []  # the canvas is told to reload


def test_a_hidden_guitar_stays_unnamed_in_the_seed_note_and_the_duel():
    from engine.guitar import predict

    at = _page("Surprise me")
    kind = predict.scene(None, 1).kind  # seed 1's hidden guitar
    at.button(key="guitar_duel_go").click().run()
    assert not at.exception, at.exception
    captions = [im.caption for el in at.get("image") for im in el.proto.imgs]
    flips = [c for c in captions if "flipped" in c]
    assert len(flips) == 2 and all(f.startswith("The hidden guitar flipped to") for f in flips)
    words = [c.value for c in at.caption if "top-5" not in c.value] + flips
    assert not any(kind in w for w in words), words  # only the model's own answers may name it
