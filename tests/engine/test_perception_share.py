"""The perception page's link (parse/params), exact replays, the fingerprint and the trace CSV."""

import csv
import io
import json

import numpy as np
import pytest

from engine import runtime
from engine.perception import lab, share
from tests.engine.test_perception_toy import tiny_classifier

CLASSIFIERS = {"plain": ("Strat", "Les Paul", "Hollow (archtop)"), "other": ("a", "b")}


def toy_model():
    """The tiny trained red/green/blue classifier, served by LiteRT."""
    return runtime.load_model("toy-colour", tiny_classifier())


def test_no_link_gives_the_page_defaults():
    state = share.parse({}, CLASSIFIERS)
    assert state == share.State("plain", "Strat", 8, 30, 5_000, True, 0, result=False)


def test_a_full_link_round_trips_and_is_marked_as_a_result():
    state = share.State("plain", "Hollow (archtop)", 3, 7, 321, False, 2**31 - 1, result=True)
    link = share.params(state)
    assert link == {
        "model": "plain",
        "class": "Hollow (archtop)",
        "n": "3",
        "secs": "7",
        "its": "321",
        "bg": "0",
        "seed": "2147483647",
        "result": "1",
    }
    assert share.parse(link, CLASSIFIERS) == state
    plain = share.State("other", "b", 16, 120, 100_000, True, 5)
    assert "result" not in share.params(plain)
    assert share.parse(share.params(plain), CLASSIFIERS) == plain


@pytest.mark.parametrize(
    "junk",
    [
        {"n": "abc", "secs": "1e3", "its": "-4", "seed": "0x10", "bg": "maybe"},
        {"n": "0", "secs": "301", "its": "100001", "seed": "2147483648", "bg": ""},
        {"n": "٣", "secs": " ", "its": "9" * 40, "seed": "1.5", "model": "nope", "class": ""},
        {"model": "other", "class": "Strat"},  # a class of another classifier
    ],
)
def test_malformed_values_fall_back_to_defaults_without_error(junk):
    state = share.parse({**junk, "result": "1"}, CLASSIFIERS)
    default = share.parse({}, CLASSIFIERS)
    assert state.result is False  # an incomplete link only presets widgets, never auto-runs
    assert (state.n, state.seconds, state.iterations, state.seed, state.background) == (
        default.n,
        default.seconds,
        default.iterations,
        default.seed,
        default.background,
    )
    assert state.label in CLASSIFIERS[state.model]


def test_a_partial_link_keeps_what_it_says():
    state = share.parse({"model": "other", "class": "b", "seed": "42", "result": "1"}, CLASSIFIERS)
    assert (state.model, state.label, state.seed, state.n, state.result) == (
        "other",
        "b",
        42,
        8,
        False,
    )


def test_a_replay_is_pinned_to_iterations_whatever_the_seconds_budget():
    settings = lab.Settings(1, seconds=2.0, iterations=5_000, seed=3)
    again = settings.replay(417)
    assert again.exact and again.iterations == 417 and again.seconds == 2.0
    assert again.config().seconds == lab.REPLAY_SECONDS > 120  # above the page's largest budget
    assert again.config().iterations == 417 and settings.config().seconds == 2.0


def test_a_run_cut_by_the_clock_replays_exactly_from_its_iteration_count():
    model = toy_model()
    settings = lab.Settings(2, n_ellipses=3, seconds=0.3, iterations=100_000, seed=11)
    out = lab.run(model, settings)
    assert out.stopped == "seconds" and 1 <= out.iterations < 100_000
    again = lab.replay(model, out)
    assert again.stopped == "iterations" and again.iterations == out.iterations
    assert np.array_equal(again.genes, out.genes) and again.score == out.score
    assert again.fingerprint == out.fingerprint and again.trace == out.trace


def test_a_stopped_run_replays_exactly_and_other_seeds_differ():
    model = toy_model()
    settings = lab.Settings(0, n_ellipses=3, seconds=1e9, iterations=1_000, seed=5)
    out = lab.run(model, settings, on_step=lambda step: step.iteration < 9)  # Stop after 9
    assert out.stopped == "cancelled" and out.iterations == 9
    again = lab.replay(model, out)
    assert again.fingerprint == out.fingerprint and np.array_equal(again.genes, out.genes)
    other = lab.replay(model, lab.run(model, lab.Settings(0, 3, seconds=1e9, iterations=9, seed=6)))
    assert other.fingerprint != out.fingerprint
    assert len(out.fingerprint) == 12 and int(out.fingerprint, 16) >= 0


def test_the_trace_csv_parses_and_matches_the_trace():
    model = toy_model()
    out = lab.run(model, lab.Settings(1, n_ellipses=3, seconds=1e9, iterations=15, seed=2))
    text = out.trace_csv()
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["iteration", "best_score", "candidates"]
    parsed = [(int(i), float(s), int(c)) for i, s, c in rows[1:]]
    assert parsed == [(int(i), float(s), int(c)) for i, s, c in out.trace]
    assert [r[0] for r in parsed] == list(range(16))
    assert parsed[-1][1] == pytest.approx(out.score, abs=1e-6)
    assert parsed[-1][2] == out.candidates == 64 * 16
    drawing = json.loads(json.dumps(out.drawing()))
    assert drawing["fingerprint"] == out.fingerprint and drawing["iterations"] == 15


def test_the_link_to_an_outcome_carries_the_iterations_it_ran():
    model = toy_model()
    settings = lab.Settings(2, n_ellipses=4, background=False, seconds=30, iterations=500, seed=9)
    out = lab.run(model, settings, on_step=lambda step: step.iteration < 7)
    link = share.params(share.of_outcome(out))
    assert link["its"] == "7" and link["secs"] == "30" and link["result"] == "1"
    state = share.parse(link, {"toy-colour": model.labels})
    assert state == share.of_outcome(out)
    rebuilt = lab.Settings(
        2, state.n, state.background, 2, state.seconds, state.iterations, state.seed
    )
    assert lab.run(model, rebuilt.replay(state.iterations)).fingerprint == out.fingerprint
