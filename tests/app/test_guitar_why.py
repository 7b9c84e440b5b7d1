"""The guitar "Where each model looks" section under AppTest, with the shipped LiteRT models."""

import re

import pytest
from streamlit.testing.v1 import AppTest

from engine import cards

pytestmark = pytest.mark.skipif(
    len(cards.available("guitar")) < 2, reason="guitar models not trained"
)


def _script():
    import streamlit as st

    from engine import runtime
    from engine.guitar import predict
    from engine.guitar.model import NAMES
    from pages import _guitar_why

    models = {name: runtime.load_model(name) for name in NAMES.values()}
    kind, seed = st.session_state.get("scene", ("Jazzmaster", 1))
    picture = predict.scene(kind, seed).image
    _guitar_why.show(models, picture, st.session_state.get("metrics"))


def test_section_shows_three_images_and_a_note_when_unmeasured():
    at = AppTest.from_function(_script, default_timeout=90).run()
    assert not at.exception
    assert [s.value for s in at.subheader] == ["Where each model looks"]
    assert len(at.get("image")) == 4  # both maps, their difference and the shared colour bar
    assert any("Not measured yet" in w.value for w in at.warning)
    assert any("plain model" in m.value and "%" in m.value for m in at.markdown)


def test_section_states_the_measured_figure_from_the_card():
    figure = {"seed": 2024, "n": 500, "top": 0.1}
    figure["guitar-plain"] = {"spread_mean": 0.41, "spread_median": 0.42}
    figure["guitar-dust"] = {"spread_mean": 0.34, "spread_median": 0.34}
    at = AppTest.from_function(_script, default_timeout=90)
    at.session_state["metrics"] = {"attention": figure}
    at.run()
    assert not at.exception
    note = at.info[0].value
    assert "500 fresh renders" in note and "41.0%" in note and "34.0%" in note
    assert "does not spread wider" in note
    assert len(at.get("image")) == 4


def _captions(at) -> list[str]:
    return [i.caption for image in at.get("image") for i in image.proto.imgs]


def test_a_map_faint_on_the_shared_scale_says_why_and_the_scale_is_drawn():
    """Mustang, seed 4: the plain map's peak is a quarter of the dust map's on their one scale."""
    at = AppTest.from_function(_script, default_timeout=90)
    at.session_state["scene"] = ("Mustang", 4)
    at.run()
    assert not at.exception
    plain, dust = _captions(at)[:2]
    assert "Fainter on the shared scale" in plain and "spreads its attention wider" in plain
    assert "Fainter" not in dust
    words = " ".join(c.value for c in at.caption)
    assert "Colour scale of both heat maps" in words
    top = re.search(r"(\d+)x an even share of its map's attention", words)
    assert top and f"the dust-trained model's {top.group(1)}x" in plain
    assert len(at.get("image")) == 4


def test_maps_of_like_strength_carry_no_faint_note():
    at = AppTest.from_function(_script, default_timeout=90).run()  # Jazzmaster: 1.0 and 0.78
    assert not at.exception
    assert not any("Fainter" in c for c in _captions(at))
