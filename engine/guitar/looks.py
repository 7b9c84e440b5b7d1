"""The "Where each model looks" panel: both occlusion maps, their difference, one colour scale.

Both heat maps share one colour scale (each map sums to 1), so a map that spreads its
attention wider is fainter. That is information, not a fault, so the panel draws the scale
and says in words which map is fainter and why.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from engine.guitar import heat
from engine.guitar.attention import TOP, Attention, ModelMap, Predictor, maps, overlays, scale_top

# A map whose hottest pixel is under this share of the scale's top gets a "fainter" note.
FAINT = 0.5


@dataclass(frozen=True)
class Panel:
    """What the page shows: three images, their captions, the scale, and the figures in words."""

    images: tuple[np.ndarray, np.ndarray, np.ndarray]  # first map, second map, difference
    captions: tuple[str, str, str]
    summary: str  # this picture's spreads
    measured: str  # the figure over many renders, or why it is missing
    scale: np.ndarray  # the colour bar both heat maps use, RGB uint8
    scale_caption: str  # what its two ends mean


def _titles() -> dict[str, str]:
    from engine.guitar.plots import MODELS

    return {name: title for name, title, _ in MODELS}


def times_even(m: ModelMap) -> float:
    """A map's hottest pixel as a multiple of an even share (1 / pixels) of its attention."""
    return float(m.map.max()) * m.map.size


def faint_note(m: ModelMap, other: ModelMap, other_title: str) -> str:
    """Why one map is fainter than the other on their shared scale ('' when it is not)."""
    if not m.map.sum() > 0:
        return " Blank: hiding no patch lowers this answer, so there is no attention to show."
    if float(m.map.max()) >= FAINT * float(other.map.max()):
        return ""
    return (
        f" Fainter on the shared scale because it spreads its attention wider: its hottest "
        f"pixel holds {times_even(m):.0f}x an even share, the {other_title.lower()}'s "
        f"{times_even(other):.0f}x."
    )


def _captions(att: Attention) -> tuple[str, str, str]:
    titles = _titles()
    a, b = att.models[:2]
    ta, tb = titles.get(a.name, a.name), titles.get(b.name, b.name)
    return (
        f"{ta}: explains '{a.label}' ({a.probability:.0%}).{faint_note(a, b, tb)}",
        f"{tb}: explains '{b.label}' ({b.probability:.0%}).{faint_note(b, a, ta)}",
        f"Difference: blue where the {ta.lower()} looks more, orange where the {tb.lower()} does",
    )


def scale_caption(att: Attention) -> str:
    """The colour bar's two ends in words."""
    top = scale_top(att) * att.models[0].map.size
    return (
        "Colour scale of both heat maps: no attention at the bar's left end; at its right end a "
        f"pixel holding {top:.0f}x an even share of its map's attention (the hotter map's peak)."
    )


def measured_note(figure: dict | None) -> str:
    """The card's measurement in words, with which way it points."""
    if not figure:
        return (
            "Not measured yet: `python -m engine evaluate guitar` measures the spread over "
            "500 fresh renders and stores it in the model card."
        )
    titles = _titles()
    names = [k for k in titles if k in figure]
    parts = [
        f"{titles[k].lower()} {figure[k]['spread_mean']:.1%} (median "
        f"{figure[k]['spread_median']:.1%})"
        for k in names
    ]
    text = (
        f"Over {figure['n']} fresh renders (seed {figure['seed']}), the share of attention "
        f"outside each map's top {figure['top']:.0%} of pixels: " + "; ".join(parts) + "."
    )
    if len(names) == 2:
        a, b = (figure[k]["spread_mean"] for k in names)
        verdict = "spreads wider, as" if b > a else "does not spread wider, against"
        text += f" The dust-trained model {verdict} the write-up's hypothesis."
    if all("on_guitar_mean" in figure[k] for k in names):
        text += " Share of the mass on the guitar's own pixels: " + "; ".join(
            f"{titles[k].lower()} {figure[k]['on_guitar_mean']:.1%}" for k in names
        )
        text += "."
    return text


def panel(
    predictors: dict[str, Predictor], picture: np.ndarray, figure: dict | None = None
) -> Panel:
    """Maps, overlays, the colour scale and words for one picture: the page's single call."""
    att = maps(predictors, picture)
    titles = _titles()
    summary = f"This picture, share of attention outside the top {TOP:.0%} of pixels: " + "; ".join(
        f"{titles.get(m.name, m.name).lower()} "
        + ("n/a (no patch lowers its answer)" if math.isnan(m.spread) else f"{m.spread:.1%}")
        for m in att.models[:2]
    )
    return Panel(
        overlays(att, picture),
        _captions(att),
        summary + ".",
        measured_note(figure),
        heat.legend(),
        scale_caption(att),
    )
