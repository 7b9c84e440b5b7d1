"""The hat page's words: the lore, how it works, and captions for explanations and probes."""

from __future__ import annotations

from engine import replay
from engine.hat import lore
from engine.hat.explain import PROBE_N, PROBE_SHIFT, PROBE_ZOOM, Cluster, Explanation, Probe

# A drop of the chosen house's probability below this is "no effect" in a caption.
NOTABLE_DROP = 0.1

IDEA = (
    "If character shows in the face, each Hogwarts house should leave features a network can "
    "learn, so the write-up hand-sorted 200 pictures of the films' actors (50 a house, 100x100 "
    "pixels, 20 held out) into the four houses. An AlexNet-like CNN (7x7, 5x5 and 3x3 "
    "convolutions with batch norm and max pooling, then dense layers) learned the four-way "
    "choice and reached 85 % on its 20 test pictures after 100 epochs. OpenCV's Haar cascade "
    "finds every frontal face in a group photo, so a whole group is sorted and labelled at once."
)

CHANGES = (
    "No package ships house-labelled faces, and the write-up admits there is no right answer, "
    "so we wrote the hat's rule down as a lore anyone can check by eye (the colours worn on the "
    "shoulders) and trained the same kind of CNN, 8x narrower on 64x64 crops, on 6000 synthetic "
    "portraits labelled by it (`hat`); `hat-writeup` is the same net in the write-up's own "
    "regime (200 portraits, 100 epochs), to compare. Faces come from OpenCV's `alt2` cascade "
    "after tile-wise equalisation, which found more faces on composed group photos. New here: "
    "each face's explanation greys out one colour cluster at a time and measures what the CNN "
    "loses (the model's reasons, set beside the lore's), and the stability probe re-cuts each "
    "crop with a seeded jitter, since a Haar box wobbles from one sensitivity to the next."
)

EXPLAIN = (
    "**How to read it:** the crop is split into its main colours; each swatch is one colour, "
    "with how the house's probability changes, in percentage points, when that colour is "
    "painted grey (one batch through the same CNN): **−60 pts** means the house loses 60 "
    "points without it, **+5 pts** that it gains 5. Left, below the crop: the crop faded "
    "where greying changed little, so what stays in colour is what the hat looked at. "
    "The probe re-cuts the crop "
    f"{PROBE_N} times, shifted up to {PROBE_SHIFT:.0%} of the face's width and zoomed up to "
    f"{PROBE_ZOOM:.0%} either way (drawn from the probe seed), and sorts every re-cut."
)


def what_you_see(headline: str | None) -> str:
    """The page's opening explainer with the lore and our measured headline."""
    return (
        "OpenCV's Haar cascade finds frontal faces in a grayscale, equalised copy, as in the "
        "write-up (we use its `alt2` frontal-face model and tile-wise equalisation). "
        "Around each face the hat takes a head-and-shoulders crop and a small CNN, in the "
        "spirit of the write-up's AlexNet-like net, gives the four houses' probabilities. "
        "When the top two are within 10 points the hat cannot decide: a **hatstall** (shown "
        "with a `?`).\n\n**The hat's lore.** " + lore.LORE_TEXT + "\n\nThe CNN learned the lore "
        "from synthetic portraits; the sample photos put real faces that Python packages ship "
        "(scikit-image's astronaut and LFW subset, matplotlib's Grace Hopper) on drawn people."
        f"\n\n**We measured:** {headline or '_not trained yet_'}"
    )


def change(drop: float) -> str:
    """How the house's probability moves when a colour is greyed, in signed points."""
    points = round(-drop * 100)  # a drop is a fall: greying it lowers the probability
    if points == 0:
        return "±0 pts"  # never a "-0"
    return f"{'+' if points > 0 else '−'}{abs(points)} pts"


def colour_label(c: Cluster) -> str:
    """The lore's name for a cluster's colour, or its hex code when the lore has none."""
    return c.name if c.name != "other" else "#{:02x}{:02x}{:02x}".format(*c.rgb)


def swatch_label(c: Cluster) -> str:
    """A swatch's caption: its colour and how the house's probability moves when it is greyed."""
    return f"{colour_label(c)} {change(c.drop)}"


def face_caption(e: Explanation, p: Probe) -> str:
    """Under a face in the grid: the colour it hangs on (if any) and how steady it is."""
    top = e.clusters[0] if e.clusters else None
    key = (
        f"without {colour_label(top)}: {change(top.drop)}"
        if top is not None and top.drop >= NOTABLE_DROP
        else "no single colour decides"
    )
    return f"{key} · steady {p.kept}/{p.n}"


def lore_caption(e: Explanation) -> str:
    """What drove the house, set beside what the lore says for that house and this crop."""
    i = lore.HOUSES.index(e.house)
    main, trim = lore.MAIN_COLOURS[i], lore.TRIM_COLOURS[i]
    says = f"The lore's colours for {e.house} are {main} and {trim}"
    verdict = f"The lore itself, read on this crop's shoulders, says **{e.lore_house}**."
    top = e.clusters[0] if e.clusters else None
    if top is None or top.drop < NOTABLE_DROP:
        most = max((abs(c.drop) for c in e.clusters), default=0.0)
        why = (
            "; clothes with no house colour are read by their tone (mostly dark: Slytherin, "
            "pale: Ravenclaw, the rest: Hufflepuff), so no single colour is needed."
            if e.house in ("Hufflepuff", "Slytherin", "Ravenclaw")
            else "."
        )
        return (
            f"No single colour drives **{e.house}**: greying any one moves its probability by "
            f"at most {round(most * 100)} points. {says}{why} {verdict}"
        )
    agrees = top.name in (main, trim) or (e.house == "Gryffindor" and top.name == "yellow")
    match = "as the lore says" if agrees else "a colour the lore does not name for this house"
    without = max(0.0, e.probability - top.drop)
    return (
        f"**{colour_label(top)}** drove **{e.house}** ({match}): greyed out, the house's "
        f"probability falls by {round(top.drop * 100)} points, from {e.probability:.0%} to "
        f"{without:.0%}, and the hat picks {top.house_without}. {says}. {verdict}"
    )


def probe_note(p: Probe) -> str:
    """The probe's result in words: how many jittered crops keep the house, where the rest went."""
    text = f"**{p.kept}/{p.n}** jittered crops ({p.share:.0%}) keep **{p.house}**"
    others = [f"{house} {n}" for house, n in p.counts.items() if n and house != p.house]
    return text + (f"; the rest went to {', '.join(others)}." if others else ".")


def seed_note(seed: int, n: int, fingerprint: str) -> str:
    """The caption naming the probe's seed and the output it produced."""
    return f"Probe seed **{seed}** ({n} jittered crops a face). Output fingerprint `{fingerprint}`."


def replay_note(seed: int, fingerprint: str, same: bool, faces: int) -> str:
    """What a replay from scratch found, compared with the output on screen."""
    redone = "photo decoded again, faces found, explained and probed anew"
    return replay.replay_note(seed, redone, fingerprint, same, f"{faces} face(s)")
