"""The write-up's findings, measured on our classifiers, for the findings card.

(1) per-class min / median / max score over random ellipse images, sorted by median;
(2) two colours vs a free colour per ellipse; (3) letting the search pick the background;
(4) best score vs iteration; and ours: is the dust-trained model harder to fool?
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from engine.perception import lab, targets
from engine.perception.ellipses import Layout

Log = Callable[[str], None]
# Random images scored per LiteRT call: big enough to amortise the call, small in memory.
CHUNK = 100


@dataclass(frozen=True)
class FindingsConfig:
    """What evaluate measures; defaults are what models/perception.json holds."""

    n_random: int = 1000  # the write-up's 1,000 random images per palette
    n_ellipses: int = 8  # the write-up's eight ellipses, random images and searches alike
    seconds: float = 30.0  # time budget per class search (the quality bar)
    iterations: int = 150  # iteration cap per search: ~20 s here under load, so the cap, not
    # the clock, ends each search and the card replays exactly for the same seed
    threshold: float = 0.9  # "fooled": the target class at or above this probability
    strict: float = 0.999  # a second, harder bar: small guitar CNNs saturate near 1.0 fast
    compare_background: tuple[str, ...] = ("guitar-plain", "guitar-dust")  # searched again
    # with a fixed white background for finding (3); both guitar models keep it symmetric
    trace_points: int = 60  # points kept of each score trace, enough for a smooth plot


def random_probabilities(model: Any, layout: Layout, n: int, rng: np.random.Generator):
    """Class probabilities (n, classes) of n random ellipse images."""
    scorer = targets.scorer(model, layout, 0)
    sizes = [min(CHUNK, n - i) for i in range(0, n, CHUNK)]
    rows = [scorer.probabilities(layout.random(rng, size)) for size in sizes]
    return np.concatenate(rows)


def spread(probabilities: np.ndarray, labels: list[str]) -> dict[str, Any]:
    """Per-class min / median / max, classes sorted by median (the write-up's plot)."""
    median = np.median(probabilities, axis=0)
    order = np.argsort(median)[::-1]
    pick = lambda a: [round(float(a[i]), 6) for i in order]  # noqa: E731
    return {
        "labels": [labels[i] for i in order],
        "min": pick(probabilities.min(axis=0)),
        "median": pick(median),
        "max": pick(probabilities.max(axis=0)),
    }


def colours(model: Any, config: FindingsConfig, seed: int) -> dict[str, Any]:
    """Findings (1) and (2): random images with free colours, then with two colours."""
    free = random_probabilities(model, Layout(config.n_ellipses, 0), config.n_random, _rng(seed))
    two = random_probabilities(model, Layout(config.n_ellipses, 2), config.n_random, _rng(seed))
    m_free, m_two = np.median(free, axis=0), np.median(two, axis=0)
    ranks = lambda a: np.argsort(np.argsort(a))  # noqa: E731
    corr = np.corrcoef(ranks(m_free), ranks(m_two))[0, 1]
    log_ratio = np.abs(np.log10(np.maximum(m_two, 1e-12) / np.maximum(m_free, 1e-12)))
    return {
        "free": spread(free, model.labels),
        "two": spread(two, model.labels),
        "median_rank_correlation": round(float(corr), 4),
        "median_abs_log10_ratio": round(float(np.median(log_ratio)), 4),
        "top1_mean_free": round(float(free.max(axis=1).mean()), 4),
        "top1_mean_two": round(float(two.max(axis=1).mean()), 4),
    }


def class_searches(
    model: Any, background: bool, config: FindingsConfig, seed: int, log: Log
) -> list[dict[str, Any]]:
    """One search per class (seed + class index); findings (3), (4) and the quality bar."""
    rows = []
    for k, label in enumerate(model.labels):
        settings = lab.Settings(
            k, config.n_ellipses, background, 2, config.seconds, config.iterations, seed + k
        )
        out = lab.run(model, settings)
        keep = np.unique(np.linspace(0, len(out.trace) - 1, config.trace_points).astype(int))
        rows.append(
            {
                "label": label,
                "score": round(out.score, 6),
                "iterations": out.iterations,
                "candidates": out.candidates,
                "seconds": round(out.seconds, 2),
                "top1": out.top5[0][0],
                "candidates_to": {
                    str(t): reached(out.trace, t) for t in (config.threshold, config.strict)
                },
                "trace": [[out.trace[i][0], round(out.trace[i][1], 5)] for i in keep],
                "genes": [round(float(v), 5) for v in out.genes],
            }
        )
        log(f"{model.name} bg={'on' if background else 'off'} {label}: {out.score:.3f}")
    return rows


def reached(trace: list[tuple[int, float, int]], threshold: float) -> int | None:
    """Candidates scored when the best first reached threshold; None if it never did."""
    return next((c for _, best, c in trace if best >= threshold), None)


def _reach(rows: list[dict], threshold: float) -> list[float]:
    """Candidates each class needed to reach threshold; never reached is infinite."""
    values = [r["candidates_to"][str(threshold)] for r in rows]
    return [np.inf if v is None else float(v) for v in values]


def _median_reach(rows: list[dict], threshold: float) -> float | None:
    """Median candidates to reach threshold over classes; None when the median never did."""
    med = float(np.median(_reach(rows, threshold)))
    return None if not np.isfinite(med) else round(med, 1)


def for_model(model: Any, config: FindingsConfig, seed: int, log: Log) -> dict[str, Any]:
    """Every finding for one classifier."""
    found: dict[str, Any] = {"labels": list(model.labels), "colours": colours(model, config, seed)}
    found["search"] = class_searches(model, True, config, seed, log)
    if model.name in config.compare_background:
        found["search_fixed_background"] = class_searches(model, False, config, seed, log)
    return found


def summary(found: dict[str, Any], threshold: float, strict: float) -> dict[str, Any]:
    """The numbers the card's metrics keep for one classifier."""
    scores = [r["score"] for r in found["search"]]
    out = {
        "classes": len(scores),
        "classes_fooled": int(sum(s >= threshold for s in scores)),
        "classes_fooled_strict": int(sum(s >= strict for s in scores)),
        "median_final_score": round(float(np.median(scores)), 4),
        "median_candidates_to_threshold": _median_reach(found["search"], threshold),
        "median_candidates_to_strict": _median_reach(found["search"], strict),
        "median_random_median": round(float(np.median(found["colours"]["two"]["median"])), 6),
        "colour_rank_correlation": found["colours"]["median_rank_correlation"],
    }
    if "search_fixed_background" in found:
        rows = found["search_fixed_background"]
        off = [r["score"] for r in rows]
        out["median_final_score_fixed_background"] = round(float(np.median(off)), 4)
        out["classes_fooled_fixed_background"] = int(sum(s >= threshold for s in off))
        out["classes_higher_with_background"] = int(
            sum(a > b for a, b in zip(scores, off, strict=True))
        )
        out["median_candidates_to_threshold_fixed_background"] = _median_reach(rows, threshold)
        out["median_candidates_to_strict_fixed_background"] = _median_reach(rows, strict)
        pairs = list(zip(_reach(found["search"], strict), _reach(rows, strict), strict=True))
        out["classes_faster_with_background"] = int(sum(a < b for a, b in pairs))
        out["classes_slower_with_background"] = int(sum(a > b for a, b in pairs))
    return out


def measure(models: list[Any], config: FindingsConfig, seed: int, log: Log | None = None):
    """Findings and summary metrics for every classifier: (per_model, metrics)."""
    log = log or (lambda line: print(line, file=sys.stderr, flush=True))
    per_model = {m.name: for_model(m, config, seed, log) for m in models}
    metrics = {n: summary(f, config.threshold, config.strict) for n, f in per_model.items()}
    return per_model, metrics


def headline(metrics: dict[str, Any], config: FindingsConfig) -> str:
    """One sentence: our measured number next to the write-up's claim."""
    plain, dust = metrics.get("guitar-plain"), metrics.get("guitar-dust")
    first = plain or next(iter(metrics.values()))
    name = "the plain guitar model" if plain else "our classifier"
    text = (
        f"Searching {config.n_ellipses} two-colour ellipses for at most {config.seconds:.0f} s "
        f"({config.iterations} iterations) per class drove {name} to >= {config.threshold} on "
        f"{first['classes_fooled']} of {first['classes']} classes"
    )
    if dust:
        text += f" (dust model: {dust['classes_fooled']} of {dust['classes']})"
    fixed = first.get("median_candidates_to_strict_fixed_background", "absent")
    if fixed != "absent":
        picked = _count(first["median_candidates_to_strict"])
        change = (
            f"unchanged at {picked}" if picked == _count(fixed) else f"{_count(fixed)} -> {picked}"
        )
        text += (
            f"; letting it pick the background sped up {first['classes_faster_with_background']} "
            f"and slowed {first['classes_slower_with_background']} classes on the way to "
            f">= {config.strict} (median candidates {change})"
        )
    return text + "; the write-up reported a 'qualified success' after ~15 min per class."


def _count(value: float | None) -> str:
    """A candidate count for the headline, or 'never' when the bar was not reached."""
    return "never" if value is None else f"{value:,.0f}"


def _rng(seed: int) -> np.random.Generator:
    """The random-image generator: the same seed gives the same 1,000 images."""
    return np.random.default_rng(seed)
