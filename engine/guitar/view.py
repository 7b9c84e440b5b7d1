"""One engine call per interaction on the guitar page: the canvas's strokes in, all it shows out.

The page renders the background (predict.scene or predict.photo_scene) for the canvas, hands
the canvas's JSON back here, and gets the scored picture, both models' top-5, the no-guitar
refusal for a photo, the link, the seed note and the fingerprint in one `Scored`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from engine.guitar import notes, predict, share


@dataclass(frozen=True)
class Scene:
    """What the canvas shows and what the page knows about it."""

    background: np.ndarray  # (DISPLAY, DISPLAY, 3) uint8, the canvas background
    kind: str | None  # the picked guitar, None for "Surprise me" or a photo
    seed: int  # render seed (unused for a photo)
    truth: str  # the rendered guitar's class, or "your photo"
    photo: bool  # an upload, not a render
    hidden: bool  # "Surprise me": nothing on the page names the guitar


@dataclass(frozen=True)
class Scored:
    """Everything the page shows for one run: picture, answers, link and notes."""

    picture: np.ndarray  # the background with the strokes drawn on it (what both models saw)
    scores: dict[str, list[dict]]  # model name -> top-5 [{label, probability}]
    refusal: str | None  # a photo without a guitar: why no model name is shown
    strokes: int  # strokes on the canvas
    params: dict[str, str]  # the address bar's query (a photo never goes into it)
    redraw: dict | None  # the strokes as canvas JSON, to restore after a visit elsewhere
    fingerprint: str  # short hash of picture and scores (the Replay check compares it)
    seed_note: str | None  # "Render seed ..." (None for a photo)
    link_too_big: bool  # strokes drawn but too many for a link


def score(models: dict, gate_model: Any, scene: Scene, drawn: dict | None) -> Scored:
    """Draw the canvas's strokes on the scene, score both models, word the result."""
    strokes = share.strokes(drawn)
    picture = predict.drawn_picture(scene.background, strokes)
    scores = predict.score(models, picture)
    refusal = predict.refusal(gate_model, scene.background if scene.photo else None)
    packed = share.linkable(strokes)
    state = share.State() if scene.photo else share.State(scene.kind, scene.seed, packed)
    shown = predict.fingerprint(picture, scores)
    what = "hidden guitar" if scene.hidden else scene.truth
    return Scored(
        picture=picture,
        scores=scores,
        refusal=refusal,
        strokes=len(strokes),
        params=share.params(state),
        redraw=share.fabric(strokes) if strokes and not scene.photo else None,
        fingerprint=shown,
        seed_note=None if scene.photo else notes.seed_note(what, scene.seed, len(strokes), shown),
        link_too_big=bool(strokes) and packed is None,
    )


def replay(models: dict, scene: Scene, drawn: dict | None, shown: str) -> tuple[bool, str]:
    """Rebuild the shown output from scratch (fresh render, strokes redrawn): same or not."""
    fresh = predict.replay(models, scene.kind, scene.seed, share.strokes(drawn))
    return fresh == shown, notes.replay_note(scene.seed, fresh, fresh == shown)
