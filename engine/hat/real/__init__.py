"""The hat on real group photos: a hand-counted set restored from public repositories.

`manifest.json` names 12 photos (repository, commit, path, sha256, licence) and the face boxes
counted by hand; `python -m engine.hat.real` restores them into data/real/hat/ (gitignored).
They are validation only, never training. `measure` scores the detector at the default
sensitivity and the write-up's call on them, and tallies the houses the hat gives real people.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from engine import mirror
from engine.hat import faces, lore
from engine.hat.faces import Box

MANIFEST = Path(__file__).resolve().parent / "manifest.json"
FOLDER = mirror.DATA / "hat"
# A detection counts when it overlaps a hand-drawn face by this much (as on composed photos).
IOU = 0.5
# A detection that overlaps an ignored face (half hidden by a hand, say) this much is no error.
IGNORE_OVERLAP = 0.3


@dataclass(frozen=True)
class RealPhoto:
    """One real group photo and its hand-counted faces."""

    name: str
    image: np.ndarray  # (H, W, 3) uint8 RGB
    faces: list[Box]  # every frontal face, drawn by hand
    ignore: list[Box]  # faces too hidden to ask for: neither a miss nor a false box
    kind: str  # what the photo is (historical, colour, ...)


def available(folder: Path = FOLDER) -> bool:
    """True when the whole set is restored with the manifest's sha256."""
    return folder.exists() and mirror.complete(MANIFEST, folder)


def load(folder: Path = FOLDER) -> list[RealPhoto]:
    """The restored set (raises FileNotFoundError when it is not complete)."""
    from engine.images import load_file

    if not available(folder):
        raise FileNotFoundError(f"the real group photos are not restored in {folder}")
    photos = []
    for e in mirror.read_manifest(MANIFEST)["photos"]:
        boxes = [Box(*b, 1) for b in e["faces"]]
        hidden = [Box(*b, 1) for b in e["ignore"]]
        photos.append(RealPhoto(e["file"], load_file(folder / e["file"]), boxes, hidden, e["kind"]))
    return photos


def score(photo: RealPhoto, found: list[Box]) -> tuple[int, int]:
    """(true positives, false boxes): greedy IoU matching; boxes on ignored faces don't count."""
    used: set[int] = set()
    for t in photo.faces:
        best = max(((b.iou(t), i) for i, b in enumerate(found) if i not in used), default=(0, -1))
        if best[0] >= IOU:
            used.add(best[1])
    extra = [b for i, b in enumerate(found) if i not in used]
    false = [b for b in extra if not any(b.iou(g) >= IGNORE_OVERLAP for g in photo.ignore)]
    return len(used), len(false)


def detection(photos: list[RealPhoto], detect) -> dict[str, Any]:
    """Recall and precision of a detector (image -> boxes) over the set, and per photo."""
    hits = false = truth = 0
    per_photo = {}
    for photo in photos:
        tp, fp = score(photo, detect(photo.image))
        hits, false, truth = hits + tp, false + fp, truth + len(photo.faces)
        per_photo[photo.name] = {"faces": len(photo.faces), "found": tp, "false": fp}
    return {
        "recall": round(hits / max(truth, 1), 4),
        "precision": round(hits / max(hits + false, 1), 4),
        "faces": truth,
        "found": hits,
        "false_boxes": false,
        "per_photo": per_photo,
    }


def houses(photos: list[RealPhoto], model: Any) -> dict[str, Any]:
    """The houses the served model gives the hand-drawn faces, and the lore's own verdicts."""
    from engine.hat import sort

    size = sort.input_size(model)
    crops = [sort.crop(p.image, b, size) for p in photos for b in p.faces]
    batch = np.stack(crops) if crops else np.zeros((0, size, size, 3), np.uint8)
    cnn = Counter(lore.HOUSES[i] for i in sort.classify(model, batch).argmax(axis=1))
    rule = Counter(lore.sort_crop(c).house for c in crops)
    n = max(len(crops), 1)
    return {
        "faces": len(crops),
        "model": {h: cnn.get(h, 0) for h in lore.HOUSES},
        "lore": {h: rule.get(h, 0) for h in lore.HOUSES},
        "largest_share_model": round(max(cnn.values(), default=0) / n, 4),
        "largest_share_lore": round(max(rule.values(), default=0) / n, 4),
    }


def measure(model: Any | None = None, folder: Path = FOLDER) -> dict[str, Any]:
    """Every real-photo figure, or {'available': False, ...} when the set is not restored."""
    if not available(folder):
        return {
            "available": False,
            "why": f"real group photos not restored in {folder}: run `python -m engine.hat.real`",
        }
    photos = load(folder)
    out: dict[str, Any] = {"available": True, "photos": len(photos)}
    out["detection"] = detection(photos, faces.detect)
    out["detection"]["sensitivity"] = faces.DEFAULT_SENSITIVITY
    out["detection_writeup"] = detection(photos, faces.detect_writeup)
    out["detection_writeup"]["call"] = "haarcascade_frontalface_default, (1.3, 5), full photo"
    if model is not None:
        out["houses"] = houses(photos, model)
    return out


def sentence(real: dict[str, Any]) -> str:
    """One sentence for a card or page: 'On N real group photos ...', or why there is none."""
    if not real.get("available"):
        return "Real group photos not measured: " + real.get("why", "the set is not restored.")
    d, w = real["detection"], real["detection_writeup"]
    text = (
        f"On {real['photos']} real group photos ({d['faces']} faces counted by hand): the "
        f"detector finds {d['recall'] * 100:.1f} % of the faces and {d['precision'] * 100:.1f} % "
        f"of its boxes are faces (the write-up's call, default cascade at 1.3 and 5: "
        f"{w['recall'] * 100:.1f} % and {w['precision'] * 100:.1f} %)"
    )
    if "houses" in real:
        h = real["houses"]
        top = max(h["model"], key=h["model"].get)
        text += (
            f"; the hat sends {h['largest_share_model'] * 100:.0f} % of the real faces to its "
            f"busiest house, {top}"
        )
    return text + "."
