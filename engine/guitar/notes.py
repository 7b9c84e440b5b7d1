"""The guitar page's words: what you're seeing, how it works, the seed and replay captions."""

from __future__ import annotations

from engine import replay
from engine.guitar.render import LABELS, OUT_OF_CLASS

SURPRISE_HELP = (
    f"Surprise me picks any of the {len(LABELS) + 1} guitars, the {OUT_OF_CLASS} included: it "
    f"is not one of the {len(LABELS)} classes, so neither model ever saw one."
)

WHAT_YOU_SEE = (
    "**What you're seeing:** a guitar drawn by our renderer (never a photo from the web). "
    "Scribble over it with a finger or the mouse: after every stroke both classifiers look "
    "again, the plain model and the dust-trained one (trained with random grey rectangles, "
    '"dust"), and their answers sit right under the drawing. Below, where each one looks and '
    "how few pixels it takes to fool it."
)
IDEA = (
    "A guitar classifier trained on clean product photos changed its answer when a little "
    "graffiti covered part of the guitar: it had learned a few local parts, such as the "
    'pickups, instead of the whole body. So the write-up hid random small rectangles ("dust") '
    "in every training image, forcing the network to look at the whole guitar. Its finding: "
    "the dust-trained model kept its answer under graffiti far more often."
)
CHANGES = (
    "We have no product photos offline, so both models learn from procedural renders of 13 "
    "guitar shapes (plus a Duo-Sonic neither model saw), at 64 px instead of 224 px so the "
    "perception demo can score thousands of pictures a second. The dust keeps the write-up's "
    "recipe (0-31 grey rectangles, centre-biased) scaled to 64 px. We measure with scribbles "
    "like a person's, not rectangles, because a test made of rectangles flatters a model "
    "trained on rectangles; Cutout squares are reported beside them."
)
LINK_TOO_BIG = (
    "This drawing is too long to fit in a link, so the address shares the guitar and its "
    "seed but not the strokes. Undo a few strokes to share them too."
)
PHOTO_LINK = "An uploaded photo never goes into the link: the address shares nothing of it."


def reveal(kind: str) -> str:
    """What "Reveal" says: the guitar, and whether the models could know it at all."""
    if kind == OUT_OF_CLASS:
        return (
            f"It is a **{kind}**, the one guitar here that is **not** among the {len(LABELS)} "
            "classes: neither model was trained on one, so neither can be right. Their answers "
            "are the known guitar each finds nearest."
        )
    return f"It is a **{kind}**, one of the {len(LABELS)} classes both models learned."


def seed_note(kind: str, seed: int, strokes: int, fingerprint: str) -> str:
    """The caption naming what produced the predictions on screen."""
    drawn = f", {strokes} stroke{'s' if strokes != 1 else ''}" if strokes else ""
    return (
        f"Render seed **{seed}** ({kind}{drawn}). Output fingerprint `{fingerprint}`; "
        "the address bar holds all of it, so the link reproduces this output."
    )


def replay_note(seed: int, fingerprint: str, same: bool) -> str:
    """What a replay from scratch found, compared with the output on screen."""
    redone = "new render, drawing redrawn, both models run again"
    return replay.replay_note(seed, redone, fingerprint, same)
