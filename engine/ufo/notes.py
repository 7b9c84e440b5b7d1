"""The UFO page's words: what the panels show and how the demo works, kept out of the page."""

from __future__ import annotations

from engine import replay

WHAT_YOU_SEE = (
    "**What you're seeing:** a small U-Net trained only on composites of *one* cut-out saucer "
    "pasted onto synthetic skies. Three pictures, side by side on a wide screen: your picture "
    "(input); the net's saucer probability laid over it (yellow = saucer; slide the opacity to "
    "1 to see the map alone); and a red box around each region above the threshold (pieces a "
    "few pixels apart count as one region, so a saucer's thin tip stays in its box), drawn "
    "inside the frame at its edges."
)

FAILURE_MAP = (
    "Mean mask IoU on fresh composites per cell (saucer width as a share of the frame x "
    "blend towards white), from each model card's evaluation."
)

IDEA = (
    "Cut one saucer out of one photo and paste it, scaled, rotated and brightness-matched, onto "
    "many skies, so every composite comes with its pixel mask for free. A small U-Net learns "
    "from those composites to mark saucer pixels, and a box goes around every region above a "
    "threshold. The claim: this finds saucers in real photos, but fails on large and white "
    "saucers that the training variation did not cover."
)

CHANGES = (
    "We ported the compositor and trained the same U-Net twice: `ufo-seed-ranges` on the "
    "write-up's ranges (saucers up to ~40 % of the frame, barely whitened) and `ufo-widened` "
    "with saucers up to 95 % of the frame, blended up to near-white. Skies are procedural, plus "
    "10 % of scikit-image's outdoor photos. The failure map scores both models on fresh "
    "composites per width x whiteness cell, so the claimed failure is a measured number."
)


def seed_note(seed: int, with_saucer: bool, fingerprint: str) -> str:
    """The caption naming a generated sky's seed and the output it produced."""
    saucer = "with" if with_saucer else "without"
    return f"Test sky seed **{seed}**, {saucer} a saucer. Output fingerprint `{fingerprint}`."


def replay_note(seed: int, fingerprint: str, same: bool, boxes: int) -> str:
    """What a replay from scratch found, compared with the output on screen."""
    redone = "new sky, new model run"
    return replay.replay_note(seed, redone, fingerprint, same, f"{boxes} saucer(s)")


def box_list(boxes) -> str:
    """The found boxes in words, for the caption under the panels."""
    return "Boxes (x0, y0, x1, y1): " + "; ".join(
        f"({b.x0}, {b.y0}, {b.x1}, {b.y1}) p={b.score:.2f}" for b in boxes
    )
