"""AppTest: the entry point and Home render with no exception and a card per demo."""

from pathlib import Path

from streamlit.testing.v1 import AppTest

from engine.catalog import DEMOS

ROOT = Path(__file__).resolve().parents[2]


def test_home_renders_every_demo_card():
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60).run()
    assert not at.exception
    headings = [s.value for s in at.subheader]
    assert sorted(headings) == sorted(d.title for d in DEMOS)
    text = " ".join(m.value for m in at.markdown)
    assert text.count("The write-up claimed") == len(DEMOS)
    assert text.count("We measured") == len(DEMOS)
