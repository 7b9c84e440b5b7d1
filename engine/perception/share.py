"""The perception page's shareable state: what goes into the URL and how a link is read back."""

from __future__ import annotations

import base64
import binascii
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from engine import links
from engine.perception import lab
from engine.perception.ellipses import Layout

# Widget ranges and defaults on the page; a link value outside a range falls back to the default.
ELLIPSES = (1, 16, 8)
SECONDS = (2, 300, 30)  # the ImageNet model's slider starts at 10 s (IMAGENET_SECONDS)
IMAGENET_SECONDS = 10
ITERATIONS = (1, 100_000, 5_000)
SEEDS = (0, 2**31 - 1, 0)


@dataclass(frozen=True)
class State:
    """The page's search settings as a link carries them, defaults filled in."""

    model: str
    label: str
    n: int = ELLIPSES[2]
    seconds: int = SECONDS[2]
    iterations: int = ITERATIONS[2]
    background: bool = True
    seed: int = SEEDS[2]
    # True when the link shows a finished search: `iterations` is then the count it ran, and
    # opening the link re-runs exactly that many with the seed. Only a link whose every value
    # was present and valid is marked so; anything else just presets the widgets.
    result: bool = False
    # The result's genes (float32, base64url): the page shows the linked picture at once and
    # then verifies it by re-running the seed. Empty on older links (they re-run first).
    genes: str = ""
    # Those genes decoded (checked once, by parse): what the page draws. Not part of the link.
    decoded: np.ndarray | None = field(default=None, compare=False, repr=False)


def _int(text: str | None, bounds: tuple[int, int, int]) -> int | None:
    """A whole number from a link inside a widget's (low, high, default) range, else None."""
    low, high, _ = bounds
    return links.whole(text, high, low)


def parse(
    params: Mapping[str, str],
    classifiers: Mapping[str, Sequence[str]],
    defaults: Mapping[str, str] | None = None,
) -> State:
    """Read a link's query parameters; missing or malformed values fall back to defaults.

    `classifiers` maps each offered classifier to its labels; the first is the page's default.
    `defaults` names each classifier's default class (else its first label).
    """
    model = params.get("model", "")
    known = model in classifiers
    model = model if known else next(iter(classifiers))
    labels = list(classifiers[model])
    label = params.get("class")
    numbers = {
        "n": _int(params.get("n"), ELLIPSES),
        "seconds": _int(params.get("secs"), SECONDS),
        "iterations": _int(params.get("its"), ITERATIONS),
        "seed": _int(params.get("seed"), SEEDS),
    }
    background = {"1": True, "0": False}.get(params.get("bg", ""))
    pinned = known and label in labels and background is not None
    result = pinned and None not in numbers.values() and params.get("result") == "1"
    n = numbers["n"] or ELLIPSES[2]
    text = params.get("g", "") if result else ""
    decoded = decode(text, Layout(n, 2, background)) if text else None
    return State(
        model=model,
        label=label if label in labels else (defaults or {}).get(model, labels[0]),
        background=True if background is None else background,
        result=result,
        genes=text if decoded is not None else "",
        decoded=decoded,
        **{k: v for k, v in numbers.items() if v is not None},
    )


def encode(genes: np.ndarray) -> str:
    """Genes as URL-safe text: their float32 bytes in base64url, unpadded (exact, ~300 chars)."""
    raw = np.asarray(genes, "<f4").tobytes()
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def decode(text: str, layout: Layout) -> np.ndarray | None:
    """Genes from a link for this layout, or None unless every value is a gene in [0, 1]."""
    if not text or len(text) > 4 * layout.size * 2:
        return None
    try:
        raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError):
        return None
    if len(raw) != 4 * layout.size:
        return None
    genes = np.frombuffer(raw, "<f4").astype(np.float32)
    ok = np.isfinite(genes).all() and genes.min() >= 0 and genes.max() <= 1
    return genes if ok else None


def of_outcome(out: lab.Outcome) -> State:
    """The link to a finished search: its settings and the iteration count it really ran."""
    s = out.settings
    return State(
        out.classifier,
        out.target,
        s.n_ellipses,
        int(s.seconds),
        out.iterations,
        s.background,
        s.seed,
        result=True,
        genes=encode(out.genes),
    )


def params(state: State) -> dict[str, str]:
    """The query parameters for a state."""
    pairs = {
        "model": state.model,
        "class": state.label,
        "n": state.n,
        "secs": state.seconds,
        "its": state.iterations,
        "bg": int(state.background),
        "seed": state.seed,
        "result": 1 if state.result else None,
        "g": state.genes or None,
    }
    return {k: str(v) for k, v in pairs.items() if v is not None}
