"""Serving: both shipped models on one picture, with the user's drawing laid over it.

The page hands over the canvas's strokes (engine/guitar/share.py) and the background picture;
everything numeric happens here, so pages never touch numpy.
"""

from __future__ import annotations

import hashlib
import json

import cv2
import numpy as np

from engine import images, runtime
from engine.guitar.canvas import compose
from engine.guitar.model import NAMES
from engine.guitar.render import INPUT_SIZE, KINDS, Render, render, to_input
from engine.guitar.share import Stroke, draw

DISPLAY = 320  # canvas side in CSS pixels; the background is rendered at this size


def load_models() -> dict[str, runtime.LiteModel]:
    """Both shipped models, plain first; raises FileNotFoundError before training."""
    return {name: runtime.load_model(name) for name in NAMES.values()}


def scene(kind: str | None, seed: int, size: int = DISPLAY) -> Render:
    """The display render the user draws on ('surprise me' is kind None)."""
    rng = np.random.default_rng([seed, 4242])
    if kind is None:
        kind = KINDS[int(rng.integers(len(KINDS)))]
    return render(rng, kind, size=size)


def drawn_picture(background: np.ndarray, strokes: list[Stroke]) -> np.ndarray:
    """The background with the strokes on top: the picture both models score."""
    h, w = background.shape[:2]
    return compose(background, draw(strokes, h, w) if strokes else None)


def fingerprint(picture: np.ndarray, scores: dict[str, list]) -> str:
    """Short SHA-256 of the scored picture and both top-5s: equal means the same output."""
    digest = hashlib.sha256(np.ascontiguousarray(picture).tobytes())
    digest.update(json.dumps(scores, sort_keys=True).encode())
    return digest.hexdigest()[:12]


def replay(models: dict, kind: str | None, seed: int, strokes: list[Stroke]) -> str:
    """Rebuild a seeded output from scratch (no cache) and return its fingerprint."""
    picture = drawn_picture(scene(kind, seed).image, strokes)
    return fingerprint(picture, score(models, picture))


def top_k(probs: np.ndarray, labels: list[str], k: int = 5) -> list[dict]:
    order = np.argsort(-probs)[:k]
    return [{"label": labels[i], "probability": round(float(probs[i]), 4)} for i in order]


def score(models: dict[str, runtime.LiteModel], image: np.ndarray, k: int = 5) -> dict[str, list]:
    """Each model's top-k on one RGB picture (any size; it is squared and shrunk)."""
    x = to_input(image, INPUT_SIZE)[None]
    return {name: top_k(m.predict(x)[0], m.labels, k) for name, m in models.items()}


def predict_image(image: np.ndarray, top: int = 5) -> dict:
    """CLI: both models' top-k on an image file's pixels."""
    return score(load_models(), image, top)


def square(image: np.ndarray, size: int = DISPLAY) -> np.ndarray:
    """An uploaded photo padded to a square (edge colour) and resized to the canvas side."""
    img = np.asarray(image)[..., :3]
    h, w = img.shape[:2]
    side = max(h, w)
    pad = np.empty((side, side, 3), dtype=np.uint8)
    pad[:] = np.median(img.reshape(-1, 3), axis=0).astype(np.uint8)
    y0, x0 = (side - h) // 2, (side - w) // 2
    pad[y0 : y0 + h, x0 : x0 + w] = img
    return cv2.resize(pad, (size, size), interpolation=cv2.INTER_AREA)


def photo_scene(photo: np.ndarray) -> tuple[np.ndarray, str, bytes]:
    """An upload as the canvas background: (squared picture, what it is, its PNG)."""
    background = square(photo)
    return background, "your photo", images.to_png(background)


def gate_model():
    """The ImageNet network the no-guitar check runs on, or None when it is not shipped."""
    from engine.perception import imagenet

    return imagenet.shipped()


def refusal(gate_model, picture: np.ndarray | None) -> str | None:
    """Why no guitar model is named for an uploaded picture, or None when a guitar is in it.

    None too without a picture (a render always shows a guitar) or without the ImageNet model.
    """
    from engine.guitar import gate

    if picture is None or gate_model is None:
        return None
    found = gate.check(gate_model, picture)
    return None if found.guitar else gate.sentence(found)


def training_samples(seed: int = 3, k: int = 6, zoom: int = 2) -> np.ndarray:
    """What the dust model saw: k training-style inputs with the write-up's dust, in a row."""
    from engine.guitar import data, dust

    tiles = []
    for i in range(k):
        r = data.sample(seed, i * 5, 128)
        x = to_input(r.image)[None]
        dust.add_dust(x, np.random.default_rng([seed, i]))
        tile = np.round(x[0] * 255).astype(np.uint8)
        tiles.append(cv2.resize(tile, None, fx=zoom, fy=zoom, interpolation=cv2.INTER_NEAREST))
    return np.concatenate(tiles, axis=1)


def curves(metrics: dict) -> dict[str, dict[str, list[float]]]:
    """Card metrics -> {model: {"scribble": [...], "cutout": [...]}} over 0..40 % coverage."""
    out = {}
    for name in NAMES.values():
        m = metrics.get(name, {})
        out[name] = {
            "scribble": [m.get(f"scribble_{p}") for p in (0, 10, 20, 30, 40)],
            "cutout": [m.get("scribble_0")] + [m.get(f"cutout_{p}") for p in (10, 20, 30, 40)],
        }
    return out
