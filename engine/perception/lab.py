"""One search as the page and the CLI run it: settings in, a picture, top-5 and JSON out."""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace
from typing import Any

import numpy as np

from engine import search
from engine.perception import targets
from engine.perception.ellipses import Layout, render, to_uint8

# Display pictures are rendered from the same genes at this size: crisp, not upscaled.
DISPLAY_SIDE = 512
# A replay's seconds budget: high enough never to be the one that ends it. A recorded run
# lasted at most the page's 300 s, so even a machine five times slower finishes its iterations.
REPLAY_SECONDS = 1500.0
TRACE_HEADER = ("iteration", "best_score", "candidates")
# The page's searches end once the target's probability reaches this: a higher score could
# not look any different on the page (it shows three digits), so the rest would be waiting.
CONVERGED = 0.999


@dataclass(frozen=True)
class Settings:
    """What a visitor picks; together with the seed it fixes the whole search."""

    class_index: int  # which label of the classifier to aim at
    n_ellipses: int = 8  # the write-up's eight ellipses
    background: bool = True  # let the search pick the background colour
    colours: int = 2  # two shared colours (the write-up); 0 = a free colour per ellipse
    seconds: float = 30.0  # time budget
    iterations: int = 100_000  # iteration budget; whichever runs out first ends it
    seed: int = 0  # same seed and same scores -> same final ellipses
    exact: bool = False  # a replay: only the iteration budget ends it (machine speed can't)
    converge: bool = False  # end at P >= CONVERGED (the page); findings run their full budget

    def layout(self) -> Layout:
        """The gene layout these settings imply."""
        return Layout(self.n_ellipses, self.colours, self.background)

    def config(self) -> search.SearchConfig:
        """The search budget these settings imply (schedule from SearchConfig's defaults)."""
        seconds = max(self.seconds, REPLAY_SECONDS) if self.exact else self.seconds
        # A replay stops at its recorded iteration count, which is where convergence ended it.
        enough = CONVERGED if self.converge and not self.exact else None
        return search.SearchConfig(iterations=self.iterations, seconds=seconds, enough=enough)

    def replay(self, iterations: int) -> Settings:
        """These settings pinned to a recorded iteration count, so any machine lands there."""
        return replace(self, iterations=int(iterations), exact=True, converge=False)


@dataclass
class Outcome:
    """A finished or stopped search, ready to show and download."""

    classifier: str
    target: str
    score: float
    top5: list[tuple[str, float]]
    genes: np.ndarray
    iterations: int
    candidates: int
    seconds: float
    stopped: str
    settings: Settings
    trace: list[tuple[int, float, int]] = field(default_factory=list)

    @property
    def progress(self) -> float:
        """Share of the budget used: 1 unless Stop ended the search early."""
        if self.stopped != "cancelled":
            return 1.0
        s = self.settings
        used = max(self.iterations / max(s.iterations, 1), self.seconds / max(s.seconds, 1e-9))
        return float(min(used, 1.0))

    @property
    def fingerprint(self) -> str:
        """Short SHA-256 of the final genes: equal fingerprints mean the same picture."""
        return hashlib.sha256(np.asarray(self.genes, "<f4").tobytes()).hexdigest()[:12]

    def trace_csv(self) -> str:
        """The score trace as CSV: one row per iteration, with a header."""
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(TRACE_HEADER)
        writer.writerows((int(i), repr(float(s)), int(c)) for i, s, c in self.trace)
        return out.getvalue()

    def drawing(self) -> dict[str, Any]:
        """The ellipses as JSON, with what produced them."""
        return {
            "classifier": self.classifier,
            "target": self.target,
            "score": round(self.score, 6),
            "iterations": self.iterations,
            "fingerprint": self.fingerprint,
            "settings": asdict(self.settings),
            "genes": [round(float(v), 6) for v in self.genes],
            **self.settings.layout().decode(self.genes).to_json(),
        }


def picture(layout: Layout, genes: np.ndarray, side: int = DISPLAY_SIDE) -> np.ndarray:
    """A display-size RGB uint8 picture of one gene vector."""
    return to_uint8(render(layout.decode(genes), side, side))[0]


def run(
    model: Any,
    settings: Settings,
    on_step: Callable[[search.Step], bool | None] | None = None,
) -> Outcome:
    """Search for ellipses the model scores highly as the settings' class."""
    layout = settings.layout()
    scorer = targets.scorer(model, layout, settings.class_index)
    rng = np.random.default_rng(settings.seed)
    config = settings.config()
    start = layout.random(rng, config.batch)
    result = search.run(scorer, start, layout.space(), config, rng, on_step)
    return finish(model, settings, result)


def finish(model: Any, settings: Settings, result: search.SearchResult) -> Outcome:
    """Score the best genes once more for the top-5 and pack everything up."""
    scorer = targets.scorer(model, settings.layout(), settings.class_index)
    probabilities = scorer.probabilities(result.genes[None, :])[0]
    return Outcome(
        classifier=getattr(model, "name", ""),
        target=model.labels[settings.class_index],
        score=float(probabilities[settings.class_index]),
        top5=targets.top(probabilities, model.labels),
        genes=result.genes,
        iterations=result.iterations,
        candidates=result.candidates,
        seconds=result.seconds,
        stopped=result.stopped,
        settings=settings,
        trace=list(result.trace),
    )


def linked(model: Any, settings: Settings, genes: np.ndarray) -> Outcome:
    """The outcome a link describes, from its genes alone (no search, one scoring call)."""
    result = search.SearchResult(genes, 0.0, settings.iterations, 0, 0.0, "linked", [])
    return finish(model, settings, result)


def stopped(model: Any, settings: Settings, last: search.Step, trace: list) -> Outcome:
    """The outcome of a search stopped from outside (the page's Stop) at its last step."""
    result = search.SearchResult(
        last.best_genes,
        last.best_score,
        last.iteration,
        last.candidates,
        last.seconds,
        "cancelled",
        list(trace),
    )
    return finish(model, settings, result)


def replay(model: Any, outcome: Outcome) -> Outcome:
    """Re-run a finished search from scratch: same settings and seed, its iteration count."""
    return run(model, outcome.settings.replay(outcome.iterations))
