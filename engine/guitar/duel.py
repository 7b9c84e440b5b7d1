"""Occlusion duel: the fewest pixels of dark rectangles that flip a model's top-1 guess.

The engine's side reuses the search core (`engine.search`): genes are K
rectangles (centre x, centre y, width, height, each in [0, 1]) painted in the canvas brush's
default colour onto the model's 64 x 64 input. Rectangles snap to that input's pixel grid, so
a rectangle covers exactly the same share of a 320 px display picture (5 x 5 blocks): the
engine's flip size and the user's (display pixels their drawing changed) are one measure.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import asdict, dataclass

import cv2
import numpy as np

from engine import search
from engine.guitar import data
from engine.guitar.rects import GENES, boxes, masks, paint, trim
from engine.guitar.render import INPUT_SIZE, LABELS, to_input

Predict = Callable[[np.ndarray], np.ndarray]  # (N, 64, 64, 3) float32 in [0, 1] -> (N, 13)
BRUSH = (0x1E, 0x1E, 0x1E)  # the guitar page's default brush colour (#1E1E1E)
CHANGED = 8  # a display pixel counts as drawn on when a channel moved by more than this
# (the canvas's anti-aliased stroke edges and PNG rescaling leave faint rims we do not count)


@dataclass(frozen=True)
class DuelConfig:
    """The engine's budget: fixed in iterations (not seconds) so a seed replays exactly."""

    rectangles: int = 3  # K: enough for a body + a horn; more mostly adds search noise
    batch: int = 64  # candidates per model call (LiteRT: ~10k images/s on 2 cores)
    iterations: int = 80  # ~5.2k images, ~0.45 s per model on 2 cores: both models ~1 s
    # (measured on 20 renders: 40 -> 120 iterations shrank the median flip by 8-14 %)
    trim_rounds: int = 40  # then shave single rows/columns while the flip holds (cheap)
    seconds: float = 10.0  # safety cap only (a loaded machine); normally iterations end it
    max_side: float = 0.6  # a rectangle spans at most this share of the picture's side
    margin_weight: float = 0.1  # unflipped: coverage only breaks ties between margins
    colour: tuple[int, int, int] = BRUSH

    def search(self) -> search.SearchConfig:
        """The core's schedule: the step shrinks over the whole (short) budget."""
        return search.SearchConfig(
            batch=self.batch,
            iterations=self.iterations,
            seconds=self.seconds,
            step_start=0.25,
            step_end=0.02,
            shrink_iterations=self.iterations,
            genes_per_candidate=2.0,
        )


@dataclass(frozen=True)
class Flip:
    """The engine's best occlusion of one picture for one model."""

    rectangles: tuple[tuple[float, float, float, float], ...]  # (x0, y0, x1, y1) fractions
    covered: float  # share of the picture's pixels painted, in [0, 1]
    flipped: bool  # top-1 is no longer the true class
    label: str  # top-1 with the rectangles painted
    probability: float  # of that label
    truth: str
    iterations: int
    candidates: int
    seconds: float
    trace: int  # steps in the search trace (start batch included)

    @property
    def percent(self) -> float:
        """Covered share in percent."""
        return 100.0 * self.covered


@dataclass(frozen=True)
class Verdict:
    """One model's answer to the user's drawing."""

    model: str
    flipped: bool
    label: str
    probability: float


@dataclass(frozen=True)
class Attempt:
    """The user's drawing: share of display pixels it changed, and what each model said."""

    covered: float  # share of the display picture's pixels changed, in [0, 1]
    verdicts: tuple[Verdict, ...]

    @property
    def percent(self) -> float:
        """Covered share in percent."""
        return 100.0 * self.covered


def scorer(predict: Predict, x: np.ndarray, truth: int, config: DuelConfig) -> search.Score:
    """Flipped candidates score 1 + uncovered share (fewer pixels win); unflipped ones score
    minus the true class's log-odds lead over the runner-up (log, not raw probability, so a
    0.999 -> 0.99 step still counts), minus a little coverage."""
    side, k = x.shape[0], config.rectangles

    def score(genes: np.ndarray) -> np.ndarray:
        m = masks(boxes(genes, k, side, config.max_side), side)
        probs = np.asarray(predict(paint(x, m, config.colour)), dtype=np.float64)
        covered = m.mean(axis=(1, 2))
        flipped = probs.argmax(axis=1) != truth
        rival = np.delete(probs, truth, axis=1).max(axis=1)
        lead = np.log(probs[:, truth] + 1e-9) - np.log(rival + 1e-9)
        return np.where(flipped, 2.0 - covered, -lead - config.margin_weight * covered)

    return score


def _search(
    predict: Predict, x: np.ndarray, truth: int, rng: np.random.Generator, config: DuelConfig
) -> tuple[np.ndarray, tuple[int, int, float, int]]:
    """The core's random search, then the trim: boxes (K, 4) and (iterations, candidates,
    seconds, trace length)."""
    size = config.rectangles * GENES
    space = search.Space(size, np.ones(size, bool), np.zeros(size, bool))
    start = rng.random((config.batch, size)).astype(np.float32)
    found = search.run(scorer(predict, x, truth, config), start, space, config.search(), rng)
    b = boxes(found.genes[None], config.rectangles, INPUT_SIZE, config.max_side)[0]

    def holds(m: np.ndarray) -> np.ndarray:
        return np.asarray(predict(paint(x, m, config.colour))).argmax(axis=1) != truth

    b, shaved = trim(b, holds, INPUT_SIZE, config.trim_rounds)
    return b, (found.iterations, found.candidates + shaved, found.seconds, len(found.trace))


def smallest_flip(
    predict: Predict,
    picture_rgb_uint8: np.ndarray,
    truth_index: int,
    rng: np.random.Generator,
    config: DuelConfig | None = None,
) -> Flip:
    """Search for the fewest painted pixels that move the model's top-1 off truth_index."""
    config = config or DuelConfig()
    x = to_input(picture_rgb_uint8, INPUT_SIZE)
    b = np.zeros((config.rectangles, 4), np.int32)  # all off: the clean picture
    spent: tuple[int, int, float, int] = (0, 0, 0.0, 0)
    if int(np.asarray(predict(x[None]))[0].argmax()) == truth_index:  # else 0 px flip it
        b, spent = _search(predict, x, truth_index, rng, config)
    m = masks(b[None], INPUT_SIZE)
    probs = np.asarray(predict(paint(x, m, config.colour)))[0]
    top = int(probs.argmax())
    kept = [tuple(float(v) / INPUT_SIZE for v in r) for r in b if r[2] > r[0] and r[3] > r[1]]
    return Flip(
        tuple(kept),  # the best try even when it did not flip: shown as such
        float(m.mean()),
        top != truth_index,
        LABELS[top],
        float(probs[top]),
        LABELS[truth_index],
        *spent,
    )


def truth_index(truth: str | None) -> int | None:
    """The class index of a render's kind; None for photos and the out-of-class guitar."""
    return LABELS.index(truth) if truth in LABELS else None


def play(
    predictors: dict[str, Predict],
    picture: np.ndarray,
    truth: int,
    seed: int,
    config: DuelConfig | None = None,
) -> dict[str, Flip]:
    """The engine's side for every model; each search gets its own rng from (seed, truth)."""
    return {
        name: smallest_flip(predict, picture, truth, np.random.default_rng([seed, truth]), config)
        for name, predict in predictors.items()
    }


def painted(picture: np.ndarray, flip: Flip, size: int = 320) -> np.ndarray:
    """The picture at size x size with the engine's rectangles painted, for display."""
    img = np.asarray(picture)[..., :3]
    if img.shape[:2] != (size, size):
        img = cv2.resize(img, (size, size), interpolation=cv2.INTER_AREA)
    out = img.copy()
    for x0, y0, x1, y1 in flip.rectangles:
        out[round(y0 * size) : round(y1 * size), round(x0 * size) : round(x1 * size)] = BRUSH
    return out


def user_attempt(
    background: np.ndarray,
    picture: np.ndarray,
    predictors: dict[str, Predict],
    truth_index: int,
) -> Attempt:
    """Share of display pixels the user's drawing changed, and whether each model flipped."""
    bg = np.asarray(background)[..., :3]
    pic = np.asarray(picture)[..., :3]
    if pic.shape[:2] != bg.shape[:2]:
        pic = cv2.resize(pic, bg.shape[1::-1], interpolation=cv2.INTER_AREA)
    moved = np.abs(pic.astype(np.int16) - bg.astype(np.int16)).max(axis=-1) > CHANGED
    x = to_input(pic, INPUT_SIZE)[None]
    verdicts = []
    for name, predict in predictors.items():
        probs = np.asarray(predict(x))[0]
        top = int(probs.argmax())
        verdicts.append(Verdict(name, top != truth_index, LABELS[top], float(probs[top])))
    return Attempt(float(moved.mean()), tuple(verdicts))


def beats(attempt: Attempt, model: str, flip: Flip) -> bool:
    """The user flipped this model with fewer pixels than the engine (or where it failed)."""
    mine = next((v for v in attempt.verdicts if v.model == model), None)
    if mine is None or not mine.flipped:
        return False
    return not flip.flipped or attempt.covered < flip.covered


def _summary(sizes: list[float], flipped: list[bool], already: int) -> dict:
    """Per-model figures; a failure counts as +inf in `median_pct` (None if half failed)."""
    got = np.array([s for s, f in zip(sizes, flipped, strict=True) if f], dtype=np.float64)
    every = np.array([s if f else np.inf for s, f in zip(sizes, flipped, strict=True)])
    median = float(np.median(every)) if len(every) else float("inf")
    return {
        "median_pct": round(100 * median, 3) if np.isfinite(median) else None,
        "median_flipped_pct": round(100 * float(np.median(got)), 3) if len(got) else None,
        "mean_flipped_pct": round(100 * float(got.mean()), 3) if len(got) else None,
        "flipped": int(len(got)),
        "failed": int(len(sizes) - len(got)),
        "already_wrong": already,
        "n": len(sizes),
    }


def measure(
    predictors: dict[str, Predict],
    seed: int,
    n: int = 100,
    config: DuelConfig | None = None,
    render_size: int = 128,
) -> dict:
    """Flip sizes (% of pixels) per model over n fresh renders with their true labels."""
    config = config or DuelConfig()
    began = time.perf_counter()
    sizes: dict[str, list[float]] = {name: [] for name in predictors}
    flips: dict[str, list[bool]] = {name: [] for name in predictors}
    already = dict.fromkeys(predictors, 0)
    for i in range(n):
        r = data.sample(seed, i, render_size)
        for name, predict in predictors.items():
            # Same (seed, i) stream for every model: both start from the same random batch.
            f = smallest_flip(predict, r.image, r.label, np.random.default_rng([seed, i]), config)
            sizes[name].append(f.covered)
            flips[name].append(f.flipped)
            already[name] += int(f.flipped and f.covered == 0.0)
    # JSON-native config (the colour tuple as a list) so a re-run equals the card read back.
    settings = {**asdict(config), "colour": list(config.colour)}
    out: dict = {"seed": seed, "n": n, "render_size": render_size, "config": settings}
    for name in predictors:
        out[name] = _summary(sizes[name], flips[name], already[name])
    out["seconds"] = round(time.perf_counter() - began, 2)
    return out
