"""The hat page's shareable state: what goes into the URL and how a link is read back."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from engine import links
from engine.hat import faces

# The sensitivity slider's range and step (percent); a link's value is snapped onto it.
SENSITIVITY_STEP = 5
DEFAULT_SENSITIVITY = int(faces.DEFAULT_SENSITIVITY * 100)
MAX_SEED = 99_999
DEFAULT_SEED = 1
# More faces than any photo the cascade sorts sensibly: a bigger index in a link is junk.
MAX_FACE = 199


@dataclass(frozen=True)
class State:
    """What a link pins down; sample is None for an upload (it never goes into a link)."""

    sample: str | None
    sensitivity: int = DEFAULT_SENSITIVITY  # percent, on the slider's grid
    seed: int = DEFAULT_SEED  # the stability probe's seed
    face: int = 0  # which face the explanation shows (0 = leftmost)


def parse(params: Mapping[str, str], samples: list[str]) -> State:
    """Read a link's query parameters; missing or malformed values fall back to defaults."""
    sample = params.get("sample")
    sensitivity = links.whole(params.get("sensitivity"), 100)
    seed = links.whole(params.get("seed"), MAX_SEED)
    face = links.whole(params.get("face"), MAX_FACE)
    return State(
        sample=sample if sample in samples else (samples[0] if samples else None),
        sensitivity=DEFAULT_SENSITIVITY
        if sensitivity is None
        else round(sensitivity / SENSITIVITY_STEP) * SENSITIVITY_STEP,
        seed=DEFAULT_SEED if seed is None else seed,
        face=0 if face is None else face,
    )


def params(state: State) -> dict[str, str]:
    """The query parameters for a state; an upload's state names no sample."""
    out = {"sensitivity": str(state.sensitivity), "seed": str(state.seed), "face": str(state.face)}
    if state.sample is not None:
        out = {"sample": state.sample, **out}
    return out
