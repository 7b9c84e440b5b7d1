"""The four demos as the Home page and the command line list them."""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Any

import numpy as np
from PIL import Image

from engine import cards


@dataclass(frozen=True)
class Demo:
    """One demo: where its page and engine live, and the write-up's claim it reproduces."""

    key: str  # CLI name and engine subpackage: engine/<key>/
    title: str  # navigation label
    page: str  # page file, relative to the repo root
    icon: str  # material icon for the navigation
    pitch: str  # one sentence of what a visitor can do
    claim: str  # what the original write-up claimed, in its own terms
    card: str  # the model card whose "headline" holds our measured number
    caption: str = ""  # one line under the Home thumbnail: what the picture shows


DEMOS: tuple[Demo, ...] = (
    Demo(
        "guitar",
        "Guitar occlusion",
        "pages/guitar.py",
        ":material/music_note:",
        "Scribble over a guitar and watch a plain and a dust-trained classifier disagree.",
        "Training with random occluding rectangles ('dust') keeps a guitar classifier right "
        "when part of the guitar is hidden.",
        "guitar-dust",
        "Three rendered guitars, the middle one scribbled over the way you will on the page.",
    ),
    Demo(
        "ufo",
        "UFO masks",
        "pages/ufo.py",
        ":material/flight:",
        "Upload a sky photo and a U-Net trained from one cut-out saucer marks any UFO in red.",
        "A U-Net trained on composites of one cut-out finds saucers in real photos, but fails on "
        "large and white saucers that the training variation did not cover.",
        "ufo-widened",
        "A generated test sky with the one cut-out saucer pasted in, as the U-Net trained on.",
    ),
    Demo(
        "hat",
        "Sorting hat",
        "pages/hat.py",
        ":material/school:",
        "Upload a group photo: every face is found and sorted into one of four houses.",
        "A small AlexNet-like CNN sorts 100x100 faces into four houses with 85 % test accuracy.",
        "hat",
        "A sample group photo: every face found, boxed in the house it was sorted into.",
    ),
    Demo(
        "perception",
        "Perception engine",
        "pages/perception.py",
        ":material/blur_on:",
        "Watch a random search arrange a few ellipses until a classifier sees your chosen class.",
        "Random search over a few two-colour ellipses finds images a classifier scores highly; "
        "letting it pick the background colour helps.",
        "perception",
        "Eight two-colour ellipses a random search arranged until a classifier saw a class.",
    ),
)


def demo(key: str) -> Demo:
    """The demo with this key; raises KeyError with the known keys."""
    for d in DEMOS:
        if d.key == key:
            return d
    raise KeyError(f"unknown demo '{key}' (known: {', '.join(d.key for d in DEMOS)})")


def headline(key: str) -> str | None:
    """Our measured number for a demo's claim, from its model card; None until trained."""
    card = cards.read(demo(key).card)
    if not card:
        return None
    return card.get("headline")


def brief(key: str) -> str | None:
    """Our measured number as a Home card says it: the headline, or its short form if long."""
    card = cards.read(demo(key).card)
    if not card:
        return None
    try:
        return _BRIEF[key](card) if key in _BRIEF else card.get("headline")
    except (KeyError, TypeError, ZeroDivisionError):  # an older card: its own sentence
        return card.get("headline")


def _hat_brief(card: dict) -> str:
    ours = 100 * card["metrics"]["lore"]["accuracy"]
    small = 100 * card["metrics"]["lore_writeup_regime"]["accuracy"]
    return (
        f"{ours:.1f} % of fresh synthetic portraits sorted as the hat's lore says (the "
        f"write-up's 200-image regime: {small:.1f} %), vs the write-up's 85 % on its own photos."
    )


def _perception_brief(card: dict) -> str:
    found, run = card["metrics"]["imagenet"], card["imagenet"]["config"]
    named = card["imagenet"]["named"]
    return (
        f"On an ImageNet MobileNetV2, random ellipse images span "
        f"{found['orders_of_magnitude']:.1f} orders of magnitude across classes (write-up: ~6); "
        f"{run['seconds']:.0f} s searches make {found['named_top1_hits']} of the write-up's "
        f"{len(named)} named classes the top-1 (it took ~15 min each)."
    )


_BRIEF = {"hat": _hat_brief, "perception": _perception_brief}  # headlines over ~35 words


def real_photos(key: str) -> str | None:
    """The headline card's real-photo figure with its n, or None where none was measured."""
    card = cards.read(demo(key).card) or {}
    if card.get("real_photos"):  # the card's own sentence (hat, UFO)
        return card["real_photos"]
    real = card.get("metrics", {}).get("real") or {}
    # Classifiers (guitar): each model's top-1 share on the photos, this card's model first.
    scored = {n: v for n, v in real.items() if isinstance(v, dict) and "top1" in v}
    if not real.get("available") or not scored:
        return None
    order = sorted(scored, key=lambda n: n != demo(key).card)
    named = {n.removeprefix(key + "-"): scored[n]["top1"] for n in order}  # guitar-dust: dust
    shares = ", ".join(f"{name} {100 * top1:.1f} %" for name, top1 in named.items())
    n = real.get("photos") or scored[order[0]].get("n")
    return f"On {n} real photos, top-1: {shares}."


# The perception search's classifiers (findings card keys) as the Home caption names them.
SEARCHED = {
    "guitar-dust": "the dust-trained guitar model",
    "guitar-plain": "the plain guitar model",
    "hat": "the sorting hat's CNN",
    "hat-writeup": "the write-up-sized hat CNN",
}


def thumbnail_caption(key: str) -> str:
    """The line under a demo's Home thumbnail; the perception one names what the search found."""
    d = demo(key)
    if key != "perception":
        return d.caption
    card = cards.read(d.card) or {}
    # The thumbnail shows the best-scoring stored search (the first of equals), so name it.
    rows = [
        (model, row)
        for model, found in card.get("findings", {}).items()
        for row in found.get("search", [])
        if row.get("genes")
    ]
    if not rows:
        return d.caption
    model, best = max(rows, key=lambda mr: mr[1]["score"])
    who = SEARCHED.get(model, f"the {model} model")
    return (
        f"Eight ellipses that {who} scores {best['score']:.0%} "
        f"{best['label']}: the best picture the random search found."
    )


def module(key: str, name: str) -> Any | None:
    """A demo's engine module (e.g. 'cli'), or None when that demo is not built yet."""
    try:
        return importlib.import_module(f"engine.{key}.{name}")
    except ModuleNotFoundError as exc:
        if exc.name and exc.name.startswith(f"engine.{key}"):
            return None
        raise


THUMB_SIZE = (480, 270)  # (width, height): one 16:9 shape so the Home cards line up


def thumbnail(key: str) -> np.ndarray | None:
    """The demo's own picture fitted into one 16:9 frame, or None when not built yet."""
    mod = module(key, "thumbnail")
    return None if mod is None else _fit(mod.make(), THUMB_SIZE)


PAD = (15, 17, 23)  # the theme's background colour, so the padding disappears into the page


def _fit(image: np.ndarray, size: tuple[int, int]) -> np.ndarray:
    """Scale to fit inside size, keeping the whole picture, and pad the rest."""
    h, w = image.shape[:2]
    ratio = min(size[0] / w, size[1] / h)
    scaled = (max(1, round(w * ratio)), max(1, round(h * ratio)))
    picture = Image.fromarray(image).resize(scaled, Image.Resampling.LANCZOS)
    canvas = Image.new("RGB", size, PAD)
    canvas.paste(picture, ((size[0] - scaled[0]) // 2, (size[1] - scaled[1]) // 2))
    return np.asarray(canvas)
