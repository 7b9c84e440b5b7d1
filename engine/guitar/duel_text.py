"""The occlusion duel's sentences for the page: the engine's flip, the user's try, the medians."""

from __future__ import annotations

from engine.guitar.duel import Attempt, Flip, beats
from engine.guitar.render import INPUT_SIZE

HIDDEN = "the hidden guitar"  # what the duel calls a "Surprise me" guitar: never its name


def flip_text(flip: Flip, hidden: bool = False) -> str:
    """One line for the engine's result on the page (hidden: the guitar stays unnamed)."""
    px = round(flip.covered * INPUT_SIZE**2)
    truth = HIDDEN if hidden else flip.truth
    if not flip.flipped:
        return f"not flipped within the budget: still {truth} ({flip.percent:.2f} % tried)"
    if px == 0:
        return f"already wrong with no pixels painted: it says {flip.label}"
    return (
        f"{truth[0].upper()}{truth[1:]} flipped to {flip.label} ({flip.probability:.0%}) with "
        f"{flip.percent:.2f} % of pixels ({px} of the model's {INPUT_SIZE}x{INPUT_SIZE})"
    )


def attempt_text(attempt: Attempt, model: str, flip: Flip) -> str:
    """One line for the user's drawing against one model, and whether it beat the engine."""
    mine = next(v for v in attempt.verdicts if v.model == model)
    if not mine.flipped:
        return f"not flipped: still {mine.label} ({mine.probability:.0%})"
    said = f"flipped to {mine.label} with {attempt.percent:.2f} % of pixels"
    if beats(attempt, model, flip):
        return f"{said}: **you beat the engine**"
    return f"{said}; the engine needed {flip.percent:.2f} %"


def measured_text(duel_metrics: dict | None, names: dict[str, str]) -> str | None:
    """The measured medians (model name -> title), or None when not measured yet."""
    if not duel_metrics:
        return None
    parts = []
    for name, title in names.items():
        m = duel_metrics.get(name)
        if not m:
            continue
        # median_pct counts a failure as infinitely large: n/a once half the renders failed
        median = "n/a" if m["median_pct"] is None else f"{m['median_pct']:.2f} %"
        parts.append(f"{title} median {median} ({m['failed']} of {m['n']} not flipped)")
    seed, n = duel_metrics.get("seed"), duel_metrics.get("n")
    return f"Measured over {n} fresh renders (seed {seed}): " + "; ".join(parts) + "."


PHOTO = (
    "The duel plays on a rendered guitar, whose class both models know, and your uploaded "
    'photo has taken its place. Remove the photo (x next to its name, under "Use your own '
    'guitar photo instead") to play.'
)
UNKNOWN = (
    "The duel needs a guitar whose class both models know, and this render is not one of "
    "their 13 classes. Pick another guitar (or, on Surprise me, press **New render**) to play."
)
