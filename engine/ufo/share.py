"""The UFO page's shareable state: what goes into the URL and how a link is read back."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from engine import links

# Slider ranges on the page; a value from a link is snapped onto the same grid.
THRESHOLD = (0.05, 0.95)
OPACITY = (0.0, 1.0)
STEP = 0.05
OPACITY_DEFAULT = 0.5
MAX_SEED = 99_999
FIRST_SEED = 1  # the test sky a first visit opens on: a saucer the default model finds


@dataclass(frozen=True)
class State:
    """What a link pins down; None means the link did not say (the page uses its default)."""

    model: str | None = None
    threshold: float | None = None
    opacity: float | None = None
    seed: int | None = None  # the generated test sky shown; never set for uploads
    saucer: bool = True


def _snap(text: str | None, low: float, high: float) -> float | None:
    """A float from a link, clipped to [low, high] and snapped to the slider's step."""
    try:
        value = float(text)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    if value != value:  # NaN
        return None
    return round(round(min(max(value, low), high) / STEP) * STEP, 2)


def parse(params: Mapping[str, str], models: list[str]) -> State:
    """Read a link's query parameters; missing or malformed values fall back to defaults."""
    model = params.get("model")
    seed = links.whole(params.get("seed"), MAX_SEED)
    opacity = _snap(params.get("opacity"), *OPACITY)
    return State(
        model=model if model in models else None,
        threshold=_snap(params.get("threshold"), *THRESHOLD),
        # The page has no card value for opacity, so its default is filled in here.
        opacity=OPACITY_DEFAULT if opacity is None else opacity,
        seed=seed,
        saucer=params.get("saucer", "1") != "0",
    )


def params(state: State) -> dict[str, str]:
    """The query parameters for a state (only what it pins down)."""
    out = {}
    if state.model is not None:
        out["model"] = state.model
    if state.threshold is not None:
        out["threshold"] = f"{state.threshold:.2f}"
    if state.opacity is not None:
        out["opacity"] = f"{state.opacity:.2f}"
    if state.seed is not None:
        out["seed"] = str(state.seed)
        out["saucer"] = "1" if state.saucer else "0"
    return out
