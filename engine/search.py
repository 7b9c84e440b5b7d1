"""The search core below the demos: random search with a shrinking step (fogleman/primitive).

Used by the perception engine (ellipses) and the guitar duel (occluding rectangles). Each
iteration proposes a batch of perturbations of the current best gene vector, scores the whole
batch in one call, and keeps the best candidate only if it beats the current best.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import numpy as np

Score = Callable[[np.ndarray], np.ndarray]  # genes (B, G) -> scores (B,), higher is better


@dataclass(frozen=True)
class SearchConfig:
    """Budget and schedule of one search; the defaults are what the demo and the card use."""

    batch: int = 64  # candidates per scoring call: amortises the LiteRT call, ~15 calls/s
    iterations: int = 100_000  # hard cap; by default the seconds budget ends a search
    seconds: float = 30.0  # the write-up ran ~15 min on a laptop; we give each class 30 s
    step_start: float = 0.3  # noise sigma in gene units [0, 1]: big jumps explore early
    step_end: float = 0.01  # 1 % of the range: a pixel or so at the model's 64 px
    shrink_iterations: int = 300  # the step decays from start to end over this many iterations,
    # counted in iterations (not seconds) so a seed replays the same way on any machine
    genes_per_candidate: float = 3.0  # expected genes changed per candidate: small moves
    # keep most of a good drawing, like primitive's one-shape mutations
    enough: float | None = None  # stop once the best score reaches this ("converged"); None:
    # never. The page sets it: a toy classifier says P = 1.000 within a second, and 29 more
    # seconds of a flat trace show nothing. Findings and replays leave it off.


@dataclass(frozen=True)
class Space:
    """The gene box [0, 1]^size: which genes may move and which wrap around (angles)."""

    size: int
    mutable: np.ndarray  # (size,) bool
    wraps: np.ndarray  # (size,) bool: angle genes wrap, everything else is clipped


@dataclass(frozen=True)
class Step:
    """What one iteration left behind; the page draws from this."""

    iteration: int  # 0 is the scored random start
    best_score: float
    best_genes: np.ndarray  # (size,) float32, a copy
    improved: bool
    candidates: int  # scored so far, start batch included
    seconds: float  # elapsed since the search began
    step: float  # noise sigma used this iteration
    progress: float  # fraction of the budget used, in [0, 1]


@dataclass
class SearchResult:
    """A finished (or stopped) search: the best genes, its score, and the score trace."""

    genes: np.ndarray
    score: float
    iterations: int
    candidates: int
    seconds: float
    stopped: str  # "iterations", "seconds", "converged" or "cancelled"
    trace: list[tuple[int, float, int]] = field(default_factory=list)  # (it, best, candidates)


def step_size(config: SearchConfig, iteration: int) -> float:
    """Geometric shrink from step_start to step_end over shrink_iterations, then flat."""
    t = min(iteration / max(config.shrink_iterations, 1), 1.0)
    return float(config.step_start * (config.step_end / config.step_start) ** t)


def propose(
    best: np.ndarray, space: Space, config: SearchConfig, iteration: int, rng: np.random.Generator
) -> np.ndarray:
    """A batch of perturbed copies of best: a few mutable genes each get Gaussian noise."""
    movable = np.flatnonzero(space.mutable)
    batch = config.batch
    rate = min(1.0, config.genes_per_candidate / max(len(movable), 1))
    chosen = rng.random((batch, len(movable))) < rate
    chosen[np.arange(batch), rng.integers(0, len(movable), batch)] = True  # at least one
    noise = rng.normal(0.0, step_size(config, iteration), (batch, len(movable)))
    out = np.repeat(best[None, :].astype(np.float32), batch, axis=0)
    out[:, movable] += (noise * chosen).astype(np.float32)
    out[:, space.wraps] %= 1.0
    keep = ~space.wraps
    out[:, keep] = np.clip(out[:, keep], 0.0, 1.0)
    return out


def steps(
    score: Score,
    start: np.ndarray,
    space: Space,
    config: SearchConfig,
    rng: np.random.Generator,
    clock: Callable[[], float] = time.monotonic,
) -> Iterator[Step]:
    """Run the search as a generator: one Step per iteration until a budget runs out.

    Iteration 0 scores `start` (a batch of random gene vectors) and keeps its best. The
    caller stops early simply by not asking for the next step.
    """
    began = clock()
    scores = np.asarray(score(start), dtype=np.float64)
    i = int(np.argmax(scores))
    best, best_score, candidates = start[i].astype(np.float32).copy(), float(scores[i]), len(start)
    yield _step(0, best, best_score, True, candidates, clock() - began, config)
    for it in range(1, config.iterations + 1):
        if clock() - began >= config.seconds or converged(config, best_score):
            return
        batch = propose(best, space, config, it, rng)
        scores = np.asarray(score(batch), dtype=np.float64)
        candidates += len(batch)
        i = int(np.argmax(scores))
        improved = bool(scores[i] > best_score)
        if improved:
            best, best_score = batch[i].copy(), float(scores[i])
        yield _step(it, best, best_score, improved, candidates, clock() - began, config)


def converged(config: SearchConfig, score: float) -> bool:
    """Whether a best score is good enough to end the search (config.enough)."""
    return config.enough is not None and score >= config.enough


def _step(it, best, best_score, improved, candidates, seconds, config) -> Step:
    """Pack one iteration's state; progress is the larger of the two budgets used."""
    progress = max(it / max(config.iterations, 1), seconds / max(config.seconds, 1e-9))
    return Step(
        it,
        best_score,
        best.copy(),
        improved,
        candidates,
        seconds,
        step_size(config, it),
        min(progress, 1.0),
    )


def run(
    score: Score,
    start: np.ndarray,
    space: Space,
    config: SearchConfig,
    rng: np.random.Generator,
    on_step: Callable[[Step], bool | None] | None = None,
    clock: Callable[[], float] = time.monotonic,
) -> SearchResult:
    """Run a whole search; on_step sees every iteration and stops it by returning False."""
    last: Step | None = None
    trace: list[tuple[int, float, int]] = []
    stopped = "iterations"
    for last in steps(score, start, space, config, rng, clock):
        trace.append((last.iteration, last.best_score, last.candidates))
        if on_step is not None and on_step(last) is False:
            stopped = "cancelled"
            break
    assert last is not None  # iteration 0 always yields
    if stopped != "cancelled" and converged(config, last.best_score):
        stopped = "converged"
    elif stopped != "cancelled" and last.iteration < config.iterations:
        stopped = "seconds"
    return SearchResult(
        last.best_genes,
        last.best_score,
        last.iteration,
        last.candidates,
        last.seconds,
        stopped,
        trace,
    )
