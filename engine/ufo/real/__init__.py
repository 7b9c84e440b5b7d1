"""The UFO U-Net on real photos: UFO-style photos with hand-drawn boxes and saucer-free ones.

`manifest.json` names each photo (repository, commit, path, sha256, licence) and its saucer
boxes ([x0, y0, x1, y1], drawn by hand; none for a saucer-free photo); `python -m
engine.ufo.real` restores them into data/real/ufo/ (gitignored). Validation only, never
training. `measure` runs a served model's own read-out (threshold, min_area) on every photo.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from engine import mirror
from engine.ufo.unet import predict as P

MANIFEST = Path(__file__).resolve().parent / "manifest.json"
FOLDER = mirror.DATA / "ufo"
# The write-up's training material (10 sky photos, its cut-out): training only, never scored.
TRAINING = Path(__file__).resolve().parent / "training.json"
TRAINING_FOLDER = mirror.DATA / "ufo-train"
# A predicted box is "on the saucer" when at least this share of it lies in the hand-drawn box.
ON_SAUCER = 0.5
# The bar: at most this many false boxes per saucer-free photo, and every saucer found.
MAX_FALSE_PER_PHOTO = 0.1


@dataclass(frozen=True)
class RealPhoto:
    """One real photo and the saucers drawn on it by hand (empty: saucer-free)."""

    name: str
    image: np.ndarray  # (H, W, 3) uint8 RGB
    saucers: list[tuple[int, int, int, int]]  # x0, y0, x1, y1
    kind: str


def available(folder: Path = FOLDER) -> bool:
    """True when the whole set is restored with the manifest's sha256."""
    return folder.exists() and mirror.complete(MANIFEST, folder)


def load(folder: Path = FOLDER) -> list[RealPhoto]:
    """The restored set (raises FileNotFoundError when it is not complete)."""
    from engine.images import load_file

    if not available(folder):
        raise FileNotFoundError(f"the real UFO photos are not restored in {folder}")
    return [
        RealPhoto(
            e["file"], load_file(folder / e["file"]), [tuple(b) for b in e["saucers"]], e["kind"]
        )
        for e in mirror.read_manifest(MANIFEST)["photos"]
    ]


def on_saucer(box: P.Box, saucer: tuple[int, int, int, int]) -> bool:
    """True when at least ON_SAUCER of the predicted box lies inside the hand-drawn one."""
    x0, y0, x1, y1 = saucer
    w = max(0, min(box.x1, x1) - max(box.x0, x0))
    h = max(0, min(box.y1, y1) - max(box.y0, y0))
    return w * h >= ON_SAUCER * max((box.x1 - box.x0) * (box.y1 - box.y0), 1)


def score(photo: RealPhoto, found: tuple[P.Box, ...]) -> tuple[int, int]:
    """(saucers found, false boxes): a box on no hand-drawn saucer is false."""
    hit = sum(any(on_saucer(b, s) for b in found) for s in photo.saucers)
    false = sum(not any(on_saucer(b, s) for s in photo.saucers) for b in found)
    return hit, false


def measure_model(model: Any, photos: list[RealPhoto]) -> dict[str, Any]:
    """Saucers found, false boxes per saucer-free photo, per photo details, for one model."""
    found = saucers = false_free = false_saucer = 0
    per_photo = {}
    free = [p for p in photos if not p.saucers]
    for photo in photos:
        boxes = P.detect_with(model, photo.image).boxes
        hit, false = score(photo, boxes)
        found, saucers = found + hit, saucers + len(photo.saucers)
        if photo.saucers:
            false_saucer += false
        else:
            false_free += false
        per_photo[photo.name] = {"saucers": len(photo.saucers), "found": hit, "false": false}
    per_free = round(false_free / max(len(free), 1), 4)
    return {
        "saucer_photos": len(photos) - len(free),
        "saucer_free_photos": len(free),
        "saucers_found": found,
        "saucers": saucers,
        "false_boxes_per_saucer_free_photo": per_free,
        "false_boxes_in_saucer_photos": false_saucer,
        "meets_bars": found == saucers and per_free <= MAX_FALSE_PER_PHOTO,
        "per_photo": per_photo,
    }


def measure(models: dict[str, Any], folder: Path = FOLDER) -> dict[str, Any]:
    """Real-photo figures per served model, or {'available': False, ...} without the set."""
    if not available(folder):
        return {
            "available": False,
            "why": f"real UFO photos not restored in {folder}: run `python -m engine.ufo.real`",
        }
    photos = load(folder)
    return {"available": True, **{name: measure_model(m, photos) for name, m in models.items()}}


def sentence(m: dict[str, Any]) -> str:
    """One model's 'On N real photos: ...' sentence (m: its metrics['real']), or why none."""
    if not m.get("available"):
        return "Real photos not measured: " + (m.get("why") or "the set is not restored.")
    return (
        f"On {m['saucer_photos'] + m['saucer_free_photos']} real photos: "
        f"{m['saucers_found']} of {m['saucers']} saucers in {m['saucer_photos']} UFO-style "
        f"photos boxed, and {m['false_boxes_per_saucer_free_photo']:.2f} false boxes per "
        f"saucer-free photo ({m['saucer_free_photos']} skies with aircraft and birds, "
        f"landscapes, streets, people)."
    )
