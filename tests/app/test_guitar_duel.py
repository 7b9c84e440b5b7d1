"""Occlusion duel section under AppTest: the button plays both models; photos get a notice."""

import pytest
from streamlit.testing.v1 import AppTest

from engine import cards

pytestmark = pytest.mark.skipif(
    len(cards.available("guitar")) < 2, reason="guitar models not trained"
)


def _section(truth: str | None, scribble: bool, photo: bool = False) -> None:
    """A tiny app: the duel section on render 5 (truth given), an unknown class or a photo."""
    from engine import cards, runtime
    from engine.guitar import predict
    from pages import _guitar_duel

    models = {n: runtime.load_model(n) for n in ("guitar-plain", "guitar-dust")}
    r = predict.scene("Stratocaster", 5)
    picture = r.image.copy()
    if scribble:  # a dark block over the body, as a user's drawing would land
        picture[150:260, 100:220] = 30
    metrics = cards.read("guitar-dust")["metrics"]
    shown = r.kind if truth == "render" else truth
    _guitar_duel.show(models, r.image, picture, shown, 5, metrics, photo)


def _app(truth: str | None, scribble: bool = False, photo: bool = False) -> AppTest:
    at = AppTest.from_function(_section, args=(truth, scribble, photo), default_timeout=90)
    at.run()
    assert not at.exception, at.exception
    return at


def test_button_shows_both_flips_and_the_users_try():
    at = _app("render", scribble=True)
    assert any("Press the button" in c.value for c in at.caption)
    measured = cards.read("guitar-dust")["metrics"]["duel"]["n"]
    assert any(c.value.startswith(f"Measured over {measured} fresh") for c in at.caption)
    at.button(key="guitar_duel_go").click().run()
    assert not at.exception, at.exception
    flips = [i.proto.imgs[0].caption for i in at.get("image")]
    assert len(flips) == 2 and all(f.startswith("Stratocaster flipped to") for f in flips), flips
    assert all("% of pixels" in f for f in flips)
    yours = [m.value for m in at.markdown if m.value.startswith("You: ")]
    assert len(yours) == 2, yours
    # The block is 12.9 % of the display; pixels already about as dark as it do not count.
    shares = [float(y.split(" % of pixels")[0].split()[-1]) for y in yours if "with" in y]
    assert shares and all(8 < v <= 12.9 for v in shares), yours
    # Another run of the page (a rerun after drawing) reuses the cached search.
    at.run()
    assert not at.exception and len(at.get("image")) == 2


def test_an_upload_is_named_as_what_blocks_the_duel():
    at = _app(None, photo=True)  # the page passes no truth for a photo
    words = " ".join(i.value for i in at.info)
    assert "your uploaded photo has taken its place" in words
    assert "Pick a rendered guitar" not in words  # one may well be picked under the photo
    assert len(at.button) == 0


def test_an_unknown_rendered_guitar_asks_for_another_not_for_a_rendered_one():
    at = _app(None)  # the page passes no truth for the Duo-Sonic, so a hidden one stays hidden
    words = " ".join(i.value for i in at.info)
    assert "not one of their 13 classes" in words and "Pick another guitar" in words
    assert "Pick a rendered guitar" not in words and "Duo-Sonic" not in words
    assert len(at.button) == 0
