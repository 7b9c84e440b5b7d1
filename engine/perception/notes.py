"""The perception page's words: what the search shows and how the demo works."""

from __future__ import annotations

from engine import replay
from engine.perception import lab

# The cards the "How it works" expander shows: the findings card, then the classifiers it fools.
CARDS = ["perception", "imagenet", "guitar-plain", "guitar-dust"]

# The page's line under its title (the catalog's pitch, with the default classifier named).
CAPTION = (
    "Random search over a few two-colour ellipses until a classifier, by default "
    "MobileNetV2 (quantised, ImageNet), sees your class."
)

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
    "write-up called the result, after ~15 minutes per class on a large ImageNet network, a "
    "qualified success: high scores, pictures a person rarely recognises."
)

CHANGES = (
    "The app runs offline, so it ships its own ImageNet classifier: Google's MobileNetV2 "
    "(quantised, ImageNet; Apache-2.0), patched to score a whole batch per LiteRT call and to "
    "hand out its logits, so a class far from the top still reads a small non-zero score the "
    "search can climb. Each candidate redraws only the ellipses it changed, straight into the "
    "model's uint8 input, while the previous chunk is being scored. The step shrinks by "
    "iteration rather than by time, so a seed with a given iteration count lands on the same "
    "picture on any machine; that is what the link and the Replay button rely on. Our own "
    "small guitar and house classifiers stay available as toy targets. The findings card "
    "measures the write-up's claims with a budget of seconds per class, not 15 minutes."
)

LINK_NOTE = (
    "The address bar holds this result: opening it shows this picture at once, then re-runs "
    "the same seed for the same number of iterations to check it lands on the same picture."
)


def welcome(score: float, iterations: int, seed: int) -> str:
    """The caption of the finished search the page opens on, before any of the visitor's."""
    return (
        f"A finished search from the findings card (seed {seed}, {iterations} iterations): "
        f"P(great_white_shark) = {score:.3g}."
    )


def verifying(seed: int, iterations: int) -> str:
    """The spinner's words while a linked result is re-run."""
    return f"Checking the link: re-running seed {seed} for {iterations} iterations..."


def verified(seed: int, iterations: int, fingerprint: str, same: bool) -> str:
    """What re-running a linked result found."""
    if same:
        return (
            f"Verified: seed {seed} re-run for {iterations} iterations here lands on this "
            f"picture (fingerprint `{fingerprint}`)."
        )
    return (
        f"Seed {seed} re-run here for {iterations} iterations landed on another picture "
        f"(fingerprint `{fingerprint}`): scores differ in their last digits between CPUs, so a "
        "search can branch. The picture shown is the link's own."
    )


def seed_note(seed: int, iterations: int, fingerprint: str) -> str:
    """The caption naming the search's seed, its iteration count and its output."""
    return (
        f"Seed **{seed}**, {iterations} iterations. Output fingerprint `{fingerprint}`. {LINK_NOTE}"
    )


def replay_note(seed: int, fingerprint: str, same: bool, iterations: int, score: float) -> str:
    """What a replay from scratch found, compared with the result on screen."""
    redone = f"{iterations} iterations searched again"
    return replay.replay_note(seed, redone, fingerprint, same, f"score {score:.6f}")


def progress(stopped: str, iterations: int, candidates: int) -> str:
    """The progress bar's text once a search has ended."""
    how = {
        "cancelled": "stopped",
        "seconds": "time budget used",
        "linked": "the linked result, verifying it",
        "converged": f"converged (P >= {lab.CONVERGED}, more search could not show more)",
    }.get(stopped, "done")
    return f"{how}: {iterations} iterations, {candidates} candidates"


# The write-up's words next to each measured ImageNet figure on the Findings tab.
WRITEUP = {
    "spread": "The median covers almost 6 orders of magnitude! Easiest: hair_slide, pinwheel, "
    "rubber_eraser, Band_Aid, envelope. Hardest: Komodo_dragon, African_crocodile, colobus, "
    "trolleybus, electric_locomotive.",
    "colours": "Two colours didn't seem to change the scores much.",
    "shark": "With a fixed background: not-so-good images. Allowed to choose a solid "
    "background colour: much improved.",
    "named": "A qualified success after ~15 min per class: killer whale, plane, jack-o'-lantern, "
    "birdhouse, space shuttle, candles, sunglasses, daisy, fish.",
    "scatter": "(not in the write-up) It advised aiming at a class that is neither seen in every "
    "pile of ellipses nor super-rare.",
}

# "Much improved" read as at least doubling the median final score of the fixed background.
MUCH_IMPROVED = 2.0


def shark_verdict(ratio: float) -> str:
    """Whether the chosen background's gain counts as the write-up's 'much improved'."""
    if ratio >= MUCH_IMPROVED:
        return f"reproduced (>= {MUCH_IMPROVED:g}x)"
    return f"not reproduced at this budget (< {MUCH_IMPROVED:g}x)"
