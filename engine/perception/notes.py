"""The perception page's words: what the search shows and how the demo works."""

from __future__ import annotations

from engine import replay

# The cards the "How it works" expander shows: the findings card, then the classifiers it fools.
CARDS = ["perception", "guitar-plain", "guitar-dust"]

WHAT_YOU_SEE = (
    "**What you're seeing:** each iteration perturbs the best picture so far into a batch "
    "of candidates, the classifier scores the whole batch at once, and the best one is "
    "kept if it beats the current best. The step shrinks over time."
)

IDEA = (
    "Random ellipses in just two colours already score surprisingly high on some classes of an "
    "image classifier, so simple shapes can be pushed towards a class it names. A random search "
    "perturbs the ellipses, keeps a change only when the chosen class's score rises, and "
    "shrinks the step over time; letting it pick a solid background colour helped a lot. The "
    "write-up called the result, after ~15 minutes per class on VGG16, a qualified success: "
    "high scores, pictures a person rarely recognises."
)

CHANGES = (
    "The app ships no ImageNet model and runs offline, so the search aims at our own two guitar "
    "classifiers (13 body shapes, 64 px; one trained plain, one with dust augmentation). Each "
    "iteration scores a batch of 64 candidates in one LiteRT call, and the step shrinks by "
    "iteration rather than by time, so a seed with a given iteration count lands on the same "
    "picture on any machine; that is what the link and the Replay button rely on. The findings "
    "card measures the write-up's three claims (how random pictures score, two vs free colours, "
    "picking the background) on every class, with 30 s per class instead of 15 minutes."
)

LINK_NOTE = (
    "The address bar holds this result: opening it re-runs the same seed for the same number "
    "of iterations and lands on the same picture."
)


def seed_note(seed: int, iterations: int, fingerprint: str) -> str:
    """The caption naming the search's seed, its iteration count and its output."""
    return (
        f"Seed **{seed}**, {iterations} iterations. Output fingerprint `{fingerprint}`. {LINK_NOTE}"
    )


def replay_note(seed: int, iterations: int, score: float, fingerprint: str, same: bool) -> str:
    """What a replay from scratch found, compared with the result on screen."""
    redone = f"{iterations} iterations searched again"
    return replay.replay_note(seed, redone, fingerprint, same, f"score {score:.6f}")


def progress(stopped: str, iterations: int, candidates: int) -> str:
    """The progress bar's text once a search has ended."""
    how = {"cancelled": "stopped", "seconds": "time budget used"}.get(stopped, "done")
    return f"{how}: {iterations} iterations, {candidates} candidates"
