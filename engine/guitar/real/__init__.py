"""The guitar models on real photos: a set labelled by eye, restored from public repositories.

`manifest.json` names 196 photos (repository, commit, path, sha256, label); their licences are
unknown, so they are never committed: `python -m engine.guitar.real` restores them into
data/real/guitar/ (gitignored) from local git copies of those repositories. Validation only.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

from engine import mirror

MANIFEST = Path(__file__).resolve().parent / "manifest.json"
FOLDER = mirror.DATA / "guitar"


def available(folder: Path = FOLDER) -> bool:
    """True when the whole set is restored with the manifest's sha256."""
    return folder.exists() and mirror.complete(MANIFEST, folder)


def _tally(rows: list[tuple[str, list[str]]]) -> dict[str, Any]:
    """Top-1 and top-3 shares overall and per true class, each with its n."""
    per: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for truth, top in rows:
        counts = per[truth]
        counts[0] += 1
        counts[1] += top[0] == truth
        counts[2] += truth in top[:3]
    n = len(rows)
    return {
        "n": n,
        "top1": round(sum(c[1] for c in per.values()) / n, 4),
        "top3": round(sum(c[2] for c in per.values()) / n, 4),
        "per_class": {
            k: {"n": c[0], "top1": round(c[1] / c[0], 4), "top3": round(c[2] / c[0], 4)}
            for k, c in sorted(per.items())
        },
    }


def measure(models: dict, folder: Path = FOLDER) -> dict[str, Any]:
    """Each model's top-1 / top-3 on the real set, or why it could not be measured."""
    if not available(folder):
        return {"available": False, "why": "run `python -m engine.guitar.real` to restore it"}
    from engine.guitar import predict
    from engine.guitar.real import scribbles
    from engine.images import load_file

    entries = mirror.read_manifest(MANIFEST)["photos"]
    rows: dict[str, list] = defaultdict(list)
    photos = []
    for e in entries:
        photos.append(load_file(folder / e["file"]))
        scores = predict.score(models, photos[-1], k=3)
        for name, top in scores.items():
            rows[name].append((e["kind"], e["label"], [t["label"] for t in top]))
    tallies = {k: _tally([r[1:] for r in v]) for k, v in rows.items()}
    kinds = sorted({e["kind"] for e in entries})
    by_kind = {
        kind: {k: _tally([r[1:] for r in v if r[0] == kind]) for k, v in rows.items()}
        for kind in kinds
    }
    labels, kinds_each = [e["label"] for e in entries], [e["kind"] for e in entries]
    return {
        "available": True,
        "photos": len(entries),
        **tallies,
        "by_kind": by_kind,
        "scribbles": scribbles.curve(models, photos, labels, kinds_each),
        "gate": gate_figures(photos),
    }


def other_photos() -> tuple[list, list[str]]:
    """The other demos' real photos (group photos, skies, streets): none shows a guitar."""
    from engine.hat import real as hat_real
    from engine.ufo import real as ufo_real

    found, sets = [], []
    for name, module in (("hat", hat_real), ("ufo", ufo_real)):
        if module.available():
            found += [p.image for p in module.load()]
            sets.append(name)
    return found, sets


def gate_figures(guitars: list) -> dict[str, Any]:
    """The no-guitar gate (engine.guitar.gate) on these guitar photos and the others' photos."""
    from engine.guitar import gate
    from engine.perception import imagenet

    try:
        model = imagenet.load()
    except FileNotFoundError as e:
        return {"available": False, "why": str(e)}
    others, sets = other_photos()
    return {"available": True, "other_sets": sets, **gate.measure(model, guitars, others)}
