"""The demos, found in their own folders, as the Home page, the command line and bench list them."""

from __future__ import annotations

import importlib
import importlib.util
import pkgutil

import numpy as np
from PIL import Image

import engine
from engine import cards
from engine.contract import Card, Demo


def discover() -> tuple[Demo, ...]:
    """Every engine/<demo>/demo.py's DEMO, in `order` (engine.__path__: a test may add a folder)."""
    found: dict[str, Demo] = {}
    for info in pkgutil.iter_modules(engine.__path__):
        name = f"engine.{info.name}.demo"
        if not info.ispkg or importlib.util.find_spec(name) is None:
            continue
        spec: Demo = importlib.import_module(name).DEMO
        if spec.key in found:
            raise ValueError(f"two demos with the key '{spec.key}' ({name})")
        found[spec.key] = spec
    return tuple(sorted(found.values(), key=lambda d: d.order))


DEMOS: tuple[Demo, ...] = discover()


def demo(key: str) -> Demo:
    """The demo with this key; raises KeyError with the known keys."""
    for d in DEMOS:
        if d.key == key:
            return d
    raise KeyError(f"unknown demo '{key}' (known: {', '.join(d.key for d in DEMOS)})")


def _card(key: str, card: Card | None) -> Card | None:
    """The demo's headline card: the one given (a page's cached copy), else read from models/."""
    return card if card is not None else cards.read(demo(key).card)


def headline(key: str, card: Card | None = None) -> str | None:
    """Our measured number for a demo's claim, from its model card; None until trained."""
    return (_card(key, card) or {}).get("headline")


def brief(key: str, card: Card | None = None) -> str | None:
    """Our measured number as a Home card says it: the headline, or the spec's short form."""
    card, short = _card(key, card), demo(key).brief
    if not card:
        return None
    try:
        return short(card) if short else card.get("headline")
    except (KeyError, TypeError, ZeroDivisionError):  # an older card: its own sentence
        return card.get("headline")


def real_photos(key: str, card: Card | None = None) -> str | None:
    """The headline card's real-photo figure with its n, or None where none was measured."""
    card = _card(key, card) or {}
    if card.get("real_photos"):  # the card's own sentence (hat, UFO)
        return card["real_photos"]
    real = card.get("metrics", {}).get("real") or {}
    # Classifiers (guitar): each model's top-1 share on the photos, this card's model first.
    scored = {n: v for n, v in real.items() if isinstance(v, dict) and "top1" in v}
    if not real.get("available") or not scored:
        return None
    order = sorted(scored, key=lambda n: n != demo(key).card)
    n = real.get("photos") or scored[order[0]].get("n")
    kinds = [
        f"{kind}s (n={parts[order[0]]['n']}): {_shares(key, parts, order)}"
        for kind, parts in sorted((real.get("by_kind") or {}).items())
        if all(m in parts for m in order)
    ]
    shares = _shares(key, scored, order)
    return f"On {n} real photos, top-1: {shares}" + (f"; {'; '.join(kinds)}." if kinds else ".")


def _shares(key: str, tallies: dict, order: list[str]) -> str:
    """'dust 22.4 %, plain 19.9 %': each model's top-1, named without the demo (guitar-dust)."""
    return ", ".join(f"{m.removeprefix(key + '-')} {100 * tallies[m]['top1']:.1f} %" for m in order)


def thumbnail_caption(key: str, card: Card | None = None) -> str:
    """The line under a demo's Home thumbnail: the spec's caption, or what its card names."""
    d = demo(key)
    if d.describe is None:
        return d.caption
    return d.describe(_card(key, card) or {}) or d.caption


THUMB_SIZE = (480, 270)  # (width, height): one 16:9 shape so the Home cards line up


def thumbnail(key: str) -> np.ndarray:
    """The demo's own picture fitted into one 16:9 frame."""
    return _fit(demo(key).thumbnail(), THUMB_SIZE)


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
