"""AppTest: the entry point and Home render with no exception and a card per demo."""

from pathlib import Path

from streamlit.testing.v1 import AppTest

from engine.catalog import DEMOS

ROOT = Path(__file__).resolve().parents[2]


def test_home_renders_every_demo_card():
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60).run()
    assert not at.exception
    headings = [s.value for s in at.subheader]
    assert headings == [d.title for d in DEMOS]  # the sidebar's order, row by row
    text = " ".join(m.value for m in at.markdown)
    assert text.count("The write-up claimed") == len(DEMOS)
    assert text.count("We measured") == len(DEMOS)


def test_every_home_thumbnail_has_a_one_line_caption():
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60).run()
    assert not at.exception
    captions = [i.caption for image in at.get("image") for i in image.proto.imgs]
    assert len(captions) == len(DEMOS) and all(captions)
    assert all("\n" not in c and len(c) < 160 for c in captions)
    perception = captions[[d.key for d in DEMOS].index("perception")]
    assert "ellipses" in perception and "%" in perception  # says what the blobs are


def test_every_home_card_says_its_finding_in_under_40_words():
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60).run()
    assert not at.exception
    measured = [m.value for m in at.markdown if m.value.startswith("**We measured:**")]
    assert len(measured) == len(DEMOS)
    for text in measured:  # the long form stays on each demo's own page, in its claim strip
        assert len(text.removeprefix("**We measured:**").split()) < 40, text
