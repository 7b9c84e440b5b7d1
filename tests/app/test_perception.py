"""AppTest: the perception page searches, writes its link, reopens a link and replays a seed."""

import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from engine import cards
from engine.__main__ import main
from engine.perception import lab, notes, share
from tests.app.links import fingerprint, open_link
from tests.engine.test_perception_toy import tiny_classifier

PAGE = str(Path(__file__).resolve().parents[2] / "pages" / "perception.py")


@pytest.fixture()
def toy_models(monkeypatch):
    """Point models/ at a directory holding only the tiny trained classifier."""
    monkeypatch.setattr(cards, "MODELS_DIR", tiny_classifier())


@pytest.fixture()
def endless(monkeypatch):
    """No convergence: the toy model is sure of any colour at once, and these tests are about
    links, replays and Stop, which need a search that runs its budget."""
    monkeypatch.setattr(lab, "CONVERGED", 2.0)


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
    outcome = at.session_state["perc_outcome"]
    # The toy model is sure of blue at once: the search ends there and says why, instead of
    # running out the 12 iterations on a flat trace.
    assert outcome.stopped == "converged" and outcome.score >= lab.CONVERGED
    assert f"converged (P >= {lab.CONVERGED}" in progress.proto.text
    assert f"{outcome.iterations} iterations" in progress.proto.text and outcome.iterations < 12
    assert outcome.target == "blue" and len(outcome.trace) == outcome.iterations + 1
    assert outcome.top5[0][0] == "blue"
    assert "perc_live" not in at.session_state


def test_findings_tab_plots_the_card(monkeypatch, tmp_path):
    for f in tiny_classifier().iterdir():
        shutil.copy(f, tmp_path / f.name)
    monkeypatch.setattr(cards, "MODELS_DIR", tmp_path)
    budget = ["--seconds", "60", "--iterations", "3", "--n", "40", "--write-cards"]
    assert main(["evaluate", "perception", *budget, "--compare-background", "toy-colour"]) == 0
    at = AppTest.from_file(PAGE, default_timeout=60).run()
    assert not at.exception
    keys = {c.proto.id for c in at.get("plotly_chart")}
    assert len(keys) == 5  # (1) spread, (2) colours, (3) background, (4) traces, models
    assert any("We measured" in m.value for m in at.markdown)


def test_a_clock_limited_search_is_shared_and_a_fresh_session_reproduces_it(toy_models, endless):
    at = AppTest.from_file(PAGE, default_timeout=60).run()
    assert dict(at.query_params) == {
        "model": "toy-colour",
        "class": "red",
        "n": "8",
        "secs": "30",
        "its": "5000",
        "bg": "1",
        "seed": "0",
    }  # before any search the link only presets the widgets
    at.selectbox(key="perc_class").set_value("green")
    at.slider(key="perc_n").set_value(4)
    at.slider(key="perc_seconds").set_value(2)  # the clock, not the 100,000 iterations, ends it
    at.number_input(key="perc_its").set_value(100_000)
    at.toggle(key="perc_bg").set_value(False)
    at.number_input(key="perc_seed").set_value(77)
    at.button(key="perc_start").click().run()
    assert not at.exception
    out = at.session_state["perc_outcome"]
    assert out.stopped == "seconds" and 1 <= out.iterations < 100_000
    link = dict(at.query_params)
    assert link == {
        "model": "toy-colour",
        "class": "green",
        "n": "4",
        "secs": "2",
        "its": str(out.iterations),
        "bg": "0",
        "seed": "77",
        "result": "1",
        "g": share.encode(out.genes),  # the picture itself, shown before it is verified
    }
    note = next(m.value for m in at.markdown if "Output fingerprint" in m.value)
    assert f"Seed **77**, {out.iterations} iterations" in note and out.fingerprint in note

    fresh = open_link(PAGE, link)  # opening the link shows it, then re-runs it to verify
    again = fresh.session_state["perc_outcome"]
    assert again.stopped == "iterations" and again.iterations == out.iterations
    assert "Verified" in fresh.success[0].value and out.fingerprint in fresh.success[0].value
    assert again.score == out.score and again.fingerprint == out.fingerprint
    assert fingerprint(fresh) == out.fingerprint
    assert fresh.selectbox(key="perc_class").value == "green"
    assert fresh.slider(key="perc_n").value == 4 and fresh.slider(key="perc_seconds").value == 2
    assert fresh.number_input(key="perc_its").value == out.iterations
    assert fresh.toggle(key="perc_bg").value is False
    assert fresh.number_input(key="perc_seed").value == 77
    assert dict(fresh.query_params) == link
    fresh.slider(key="perc_n").set_value(5).run()  # a rerun shows the result, not a new search
    assert fresh.session_state["perc_outcome"] is again and dict(fresh.query_params) == link


def test_replay_confirms_the_score_and_fingerprint(toy_models, endless):
    at = AppTest.from_file(PAGE, default_timeout=60).run()
    at.slider(key="perc_n").set_value(3)
    at.number_input(key="perc_its").set_value(20)
    at.button(key="perc_start").click().run()
    before = fingerprint(at)
    at.button(key="perc_replay").click().run()
    assert not at.exception
    assert len(at.success) == 1 and "identical to" in at.success[0].value
    assert before in at.success[0].value and "20 iterations" in at.success[0].value
    assert fingerprint(at) == before and not at.error


def test_a_malformed_link_loads_the_defaults_and_runs_nothing(toy_models):
    at = AppTest.from_file(PAGE, default_timeout=60)
    junk = {"model": "x", "class": "<b>", "n": "99", "secs": "abc", "its": "-1", "seed": "1e9"}
    at.query_params.update({**junk, "bg": "2", "result": "1"})
    at.run()
    assert not at.exception
    assert "perc_outcome" not in at.session_state
    assert at.selectbox(key="perc_class").value == "red"
    assert at.slider(key="perc_n").value == 8 and at.slider(key="perc_seconds").value == 30
    assert at.number_input(key="perc_its").value == 5_000 and at.toggle(key="perc_bg").value
    assert dict(at.query_params)["model"] == "toy-colour" and "result" not in at.query_params


def test_how_it_works_names_the_idea_and_every_card():
    at = AppTest.from_file(PAGE, default_timeout=60).run()
    assert not at.exception
    box = at.expander[0]
    assert box.label == "How it works"
    shown = " ".join(m.value for m in box.markdown)
    assert notes.IDEA in shown and notes.CHANGES in shown
    for name in ("perception", "imagenet", "guitar-plain", "guitar-dust"):
        assert f"`{name}`" in shown


def test_after_stop_the_bar_shows_the_share_of_the_budget_used(toy_models, endless):
    at = AppTest.from_file(PAGE, default_timeout=60).run()
    at.number_input(key="perc_its").set_value(40)
    at.button(key="perc_start").click().run()
    out = at.session_state["perc_outcome"]
    assert at.get("progress")[0].proto.value == 100  # a finished search used its budget
    settings = out.settings
    step = lab_step(out, iteration=10)  # what Stop leaves behind a quarter of the way in
    at.session_state["perc_live"] = {"model": out.classifier, "args": (settings, step, [])}
    at.run()
    assert not at.exception
    bar = at.get("progress")[0].proto
    assert "stopped:" in bar.text and bar.value == 25  # not drawn full


def lab_step(out, iteration: int):
    """A search step as the page's on_step records it, at a given iteration."""
    from engine import search

    return search.Step(iteration, out.score, out.genes, False, 64 * (iteration + 1), 0.1, 0.1, 0.25)


IMAGENET = cards.MODELS_DIR / "imagenet.tflite"


@pytest.mark.skipif(not IMAGENET.exists(), reason="run `make imagenet`")
def test_the_imagenet_model_comes_first_aiming_at_the_shark():
    at = AppTest.from_file(PAGE, default_timeout=60).run()
    assert not at.exception
    model = at.selectbox(key="perc_model")
    assert model.value.name == "imagenet" and "MobileNetV2 (quantised, ImageNet)" in model.options
    picker = at.selectbox(key="perc_class")
    assert picker.value == "great_white_shark" and len(picker.options) == 1000
    budget = at.slider(key="perc_seconds")
    assert (budget.min, budget.max) == (10, 300)
    at.number_input(key="perc_its").set_value(2)
    picker.set_value("goldfish")
    at.button(key="perc_start").click().run()
    assert not at.exception
    out = at.session_state["perc_outcome"]
    assert out.classifier == "imagenet" and out.target == "goldfish" and 0 < out.score < 1
    words = " ".join(m.value for m in at.markdown) + " ".join(c.value for c in at.caption)
    assert "VGG" not in words and "MobileNetV2 (quantised, ImageNet)" in words
