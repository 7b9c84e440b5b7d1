"""Model cards: one JSON file beside each model with config, seed, data, labels and metrics."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

MODELS_DIR = Path(__file__).resolve().parent.parent / "models"


def path(name: str, root: Path | None = None) -> Path:
    """Where the card of a model lives."""
    return (root or MODELS_DIR) / f"{name}.json"


def read(name: str, root: Path | None = None) -> dict[str, Any] | None:
    """The card of a model, or None when it has not been trained yet."""
    p = path(name, root)
    if not p.exists():
        return None
    return json.loads(p.read_text())


def write(card: dict[str, Any], root: Path | None = None) -> Path:
    """Write a card (must carry a 'name'); keys keep their order for readable diffs."""
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
        card = json.loads(p.read_text())
        if not p.with_suffix(".tflite").exists():
            continue
        if demo is None or card.get("demo") == demo:
            found.append(card)
    return found
