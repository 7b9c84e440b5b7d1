"""AppTest: the perception page runs a short search against a tiny classifier and shows it."""

import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from engine import cards
from engine.__main__ import main
from tests.engine.test_perception_toy import tiny_classifier

PAGE = str(Path(__file__).resolve().parents[2] / "pages" / "perception.py")


@pytest.fixture()
def toy_models(monkeypatch):
    """Point models/ at a directory holding only the tiny trained classifier."""
    monkeypatch.setattr(cards, "MODELS_DIR", tiny_classifier())


def test_no_classifier_says_so_plainly(monkeypatch, tmp_path):
    monkeypatch.setattr(cards, "MODELS_DIR", tmp_path)
    at = AppTest.from_file(PAGE, default_timeout=60).run()
    assert not at.exception
    assert "No classifier is trained yet" in at.info[0].value


def test_short_search_shows_a_trace_picture_and_top5(toy_models):
    at = AppTest.from_file(PAGE, default_timeout=60).run()
    assert not at.exception and not at.info[0].value.startswith("No classifier")
    at.selectbox(key="perc_class").set_value("blue")
    at.slider(key="perc_n").set_value(3)
    at.number_input(key="perc_its").set_value(12)
    at.button(key="perc_start").click().run()
    assert not at.exception
    charts = at.get("plotly_chart")
    assert len(charts) >= 2  # the score trace and the top-5
    images = at.get("image")
    assert images, "the final picture is shown"
    progress = at.get("progress")[0]
    assert "12 iterations" in progress.proto.text
    outcome = at.session_state["perc_outcome"]
    assert outcome.iterations == 12 and outcome.target == "blue" and len(outcome.trace) == 13
    assert outcome.top5[0][0] == "blue"
    assert "perc_live" not in at.session_state


def test_findings_tab_plots_the_card(monkeypatch, tmp_path):
    for f in tiny_classifier().iterdir():
        shutil.copy(f, tmp_path / f.name)
    monkeypatch.setattr(cards, "MODELS_DIR", tmp_path)
    budget = ["--seconds", "60", "--iterations", "3", "--n", "40"]
    assert main(["evaluate", "perception", *budget, "--compare-background", "toy-colour"]) == 0
    at = AppTest.from_file(PAGE, default_timeout=60).run()
    assert not at.exception
    keys = {c.proto.id for c in at.get("plotly_chart")}
    assert len(keys) == 5  # (1) spread, (2) colours, (3) background, (4) traces, models
    assert any("We measured" in m.value for m in at.markdown)
