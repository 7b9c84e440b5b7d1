"""The UFO page runs headless: asks for input, then finds the saucer in a generated sky."""

from pathlib import Path

from streamlit.testing.v1 import AppTest

PAGE = str(Path(__file__).resolve().parents[2] / "pages" / "ufo.py")


def test_ufo_page_asks_then_finds_a_saucer_and_switches_model():
    at = AppTest.from_file(PAGE, default_timeout=60).run()
    assert not at.exception
    assert any("Generate a test sky" in i.value for i in at.info)
    at.button(key="ufo_generate").click().run()
    assert not at.exception
    assert int(at.metric[0].value) >= 1
    at.selectbox(key="ufo_model").select("ufo-seed-ranges").run()
    assert not at.exception
    at.toggle(key="ufo_with_saucer").set_value(False).run()
    at.button(key="ufo_generate").click().run()
    assert not at.exception
    assert int(at.metric[0].value) == 0
    at.slider(key="ufo_threshold").set_value(0.9).run()
    assert not at.exception
