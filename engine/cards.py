"""Model cards: one JSON file beside each model with config, seed, data, labels and metrics."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

MODELS_DIR = Path(__file__).resolve().parent.parent / "models"
# What a card's kind says about its model: a classifier or segmenter has a .tflite beside it;
# a findings card holds measurements only.
KINDS = ("classifier", "segmenter", "findings")
# The fields every card has, with their JSON types, in the order cards are written.
FIELDS: dict[str, tuple[type, ...]] = {
    "name": (str,),
    "demo": (str,),
    "kind": (str,),
    "labels": (list,),
    "input": (dict,),
    "config": (dict,),
    "seed": (int, type(None)),  # None: not trained here (the ImageNet model)
    "data": (dict,),  # always an object: "source" says where the data came from
    "training": (dict,),  # "seconds" and "epochs" (0 for a findings card)
    "metrics": (dict,),  # what `evaluate` measured; {} until it has run
}
# Fields some cards have: the evaluation run, the headline sentence, real-photo figures.
OPTIONAL: dict[str, tuple[type, ...]] = {
    "eval": (dict,),
    "headline": (str,),
    "real_photos": (str,),
}


class CardError(ValueError):
    """A card that does not follow the one schema: says which file and which field."""


def build(
    name: str,
    demo: str,
    kind: str,
    *,
    labels: list[str],
    config: dict[str, Any],
    seed: int | None,
    data: dict[str, Any],
    training: dict[str, Any],
    input: dict[str, Any] | None = None,
    metrics: dict[str, Any] | None = None,
    **extra: Any,
) -> dict[str, Any]:
    """The one way a card is made: every shared field in one order, then the demo's extras."""
    card = {
        "name": name,
        "demo": demo,
        "kind": kind,
        "labels": list(labels),
        "input": input or {},
        "config": config,
        "seed": seed,
        "data": data,
        "training": training,
        "metrics": metrics or {},
        **extra,
    }
    return validate(card, f"card {name!r}")


def validate(card: Any, where: str) -> dict[str, Any]:
    """The card itself if it follows the schema, else a CardError naming where and the field."""
    if not isinstance(card, dict):
        raise CardError(f"{where}: a card is a JSON object, got {type(card).__name__}")
    for field, types in (FIELDS | OPTIONAL).items():
        if field not in card:
            if field in FIELDS:
                raise CardError(f"{where}: field {field!r} is missing")
            continue
        if not isinstance(card[field], types) or isinstance(card[field], bool):
            names = " or ".join("null" if t is type(None) else t.__name__ for t in types)
            got = type(card[field]).__name__
            raise CardError(f"{where}: field {field!r} must be {names}, got {got}")
    if card["kind"] not in KINDS:
        raise CardError(f"{where}: field 'kind' must be one of {KINDS}, got {card['kind']!r}")
    if "source" not in card["data"]:
        raise CardError(f"{where}: field 'data' must say its 'source'")
    return card


def path(name: str, root: Path | None = None) -> Path:
    """Where the card of a model lives."""
    return (root or MODELS_DIR) / f"{name}.json"


def read(name: str, root: Path | None = None) -> dict[str, Any] | None:
    """The card of a model (checked against the schema), or None before it is trained."""
    p = path(name, root)
    if not p.exists():
        return None
    return _load(p)


def _load(p: Path) -> dict[str, Any]:
    """A card file, parsed and validated; a broken one raises CardError naming the file."""
    try:
        card = json.loads(p.read_text())
    except json.JSONDecodeError as exc:
        raise CardError(f"{p}: not valid JSON ({exc})") from exc
    return validate(card, str(p))


def write(card: dict[str, Any], root: Path | None = None) -> Path:
    """Write a card (validated first); keys keep their order for readable diffs."""
    validate(card, f"card {card.get('name')!r}")
    p = path(card["name"], root)
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(json.dumps(card, indent=2) + "\n")
    return p


def update_metrics(name: str, metrics: dict[str, Any], root: Path | None = None) -> dict:
    """Merge freshly measured metrics into an existing card and save it."""
    card = read(name, root)
    if card is None:
        raise FileNotFoundError(f"no card for model '{name}'")
    card.setdefault("metrics", {}).update(metrics)
    write(card, root)
    return card


def available(demo: str | None = None, root: Path | None = None) -> list[dict[str, Any]]:
    """Cards of every shipped model that has a .tflite file, optionally for one demo."""
    found = []
    for p in sorted((root or MODELS_DIR).glob("*.json")):
        if not p.with_suffix(".tflite").exists():
            continue
        card = _load(p)
        if demo is None or card.get("demo") == demo:
            found.append(card)
    return found
