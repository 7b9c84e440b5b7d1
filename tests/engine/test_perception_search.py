"""engine.search on a toy objective and on a tiny trained classifier through LiteRT."""

from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pytest

from engine import cards, runtime, search
from engine.perception import lab, targets
from engine.perception.ellipses import Layout
from tests.engine.test_perception_toy import tiny_classifier

SIZE = 10
SPACE = search.Space(SIZE, np.ones(SIZE, dtype=bool), np.zeros(SIZE, dtype=bool))
GOAL = np.linspace(0.1, 0.9, SIZE)


def toy(genes):
    """Higher is better: minus the squared distance to GOAL."""
    return -((genes - GOAL) ** 2).sum(axis=1)


def run_toy(seed=0, on_step=None, clock=None, **budget):
    config = search.SearchConfig(batch=16, shrink_iterations=100, **budget)
    rng = np.random.default_rng(seed)
    start = rng.random((16, SIZE), dtype=np.float32)
    kwargs = {"clock": clock} if clock else {}
    return search.run(toy, start, SPACE, config, rng, on_step, **kwargs)


def test_improves_a_toy_objective_monotonically_and_stops_at_iterations():
    seen = []
    result = run_toy(iterations=200, seconds=1e9, on_step=lambda s: seen.append(s.best_score))
    assert result.stopped == "iterations" and result.iterations == 200
    assert result.candidates == 16 * 201
    assert all(b >= a for a, b in zip(seen, seen[1:], strict=False))
    assert seen[-1] > seen[0] + 0.5 and seen[-1] > -0.01
    assert np.abs(result.genes - GOAL).max() < 0.06


def test_stops_at_its_time_budget():
    ticks = iter(range(1000))
    result = run_toy(iterations=10_000, seconds=10, clock=lambda: next(ticks))
    assert result.stopped == "seconds" and result.iterations < 10 and result.seconds >= 9


def test_stops_when_on_step_returns_false():
    result = run_toy(iterations=1000, seconds=1e9, on_step=lambda s: s.iteration < 7)
    assert result.stopped == "cancelled" and result.iterations == 7 and len(result.trace) == 8


def test_same_seed_same_final_parameters():
    a, b = run_toy(seed=3, iterations=60, seconds=1e9), run_toy(seed=3, iterations=60, seconds=1e9)
    c = run_toy(seed=4, iterations=60, seconds=1e9)
    assert np.array_equal(a.genes, b.genes) and a.trace == b.trace
    assert not np.array_equal(a.genes, c.genes)


def test_step_shrinks_and_proposals_respect_the_space():
    config = search.SearchConfig(batch=50, shrink_iterations=10)
    sizes = [search.step_size(config, i) for i in range(15)]
    assert sizes[0] == config.step_start and abs(sizes[10] - config.step_end) < 1e-12
    assert all(b <= a for a, b in zip(sizes, sizes[1:], strict=False))
    space = Layout(n_ellipses=2, background=False).space()
    best = np.full(space.size, 0.5, dtype=np.float32)
    batch = search.propose(best, space, config, 0, np.random.default_rng(0))
    assert batch.min() >= 0 and batch.max() <= 1
    assert np.all(batch[:, -3:] == 0.5)  # frozen background genes never move
    assert np.all((batch != 0.5).sum(axis=1) >= 1)  # every candidate differs somewhere


def test_search_against_a_trained_classifier_reaches_its_class_and_replays():
    model = runtime.load_model("toy-colour", tiny_classifier())
    settings = lab.Settings(class_index=2, n_ellipses=3, seconds=1e9, iterations=25, seed=1)
    out = lab.run(model, settings)
    again = lab.run(model, settings)
    assert np.array_equal(out.genes, again.genes) and out.score == again.score
    assert out.target == "blue" and out.top5[0][0] == "blue" and out.score > 0.9
    assert out.trace[-1][1] >= out.trace[0][1]
    scorer = targets.Scorer(model, settings.layout(), 2)
    assert abs(float(scorer(out.genes[None])[0]) - out.score) < 1e-6
    assert len(out.drawing()["ellipses"]) == 3


def test_concurrent_searches_share_one_model_and_keep_their_own_state():
    model = runtime.load_model("toy-colour", tiny_classifier())
    runs = [lab.Settings(k, n_ellipses=3, seconds=1e9, iterations=10, seed=k) for k in range(3)]
    alone = [lab.run(model, s).genes for s in runs]
    with ThreadPoolExecutor(3) as pool:
        together = list(pool.map(lambda s: lab.run(model, s).genes, runs))
    assert all(np.array_equal(a, b) for a, b in zip(alone, together, strict=True))


@pytest.mark.skipif(not (cards.MODELS_DIR / "guitar-plain.tflite").exists(), reason="no model")
def test_shipped_plain_guitar_model_is_fooled_for_a_few_classes():
    model = targets.load("guitar-plain")
    for k in (0, 12):  # Stratocaster, Acoustic; fresh seeds, under a third of the card's budget
        out = lab.run(model, lab.Settings(k, seconds=60, iterations=40, seed=100 + k))
        assert out.score >= 0.9, (model.labels[k], out.score)
