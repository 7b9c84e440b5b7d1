"""The perception engine's spec, found by engine/catalog.py."""

from engine.contract import Card, Demo

# The perception search's classifiers (findings card keys) as the Home caption names them.
SEARCHED = {
    "imagenet": "the ImageNet MobileNetV2",
    "guitar-dust": "the dust-trained guitar model",
    "guitar-plain": "the plain guitar model",
    "hat": "the sorting hat's CNN",
    "hat-writeup": "the write-up-sized hat CNN",
}


def brief(card: Card) -> str:
    """The ImageNet findings, short enough for a Home card."""
    found, run = card["metrics"]["imagenet"], card["imagenet"]["config"]
    named = card["imagenet"]["named"]
    return (
        f"On an ImageNet MobileNetV2, random ellipse images span "
        f"{found['orders_of_magnitude']:.1f} orders of magnitude across classes (write-up: ~6); "
        f"{run['seconds']:.0f} s searches make {found['named_top1_hits']} of the write-up's "
        f"{len(named)} named classes the top-1 (it took ~15 min each)."
    )


def describe(card: Card) -> str | None:
    """The caption naming the stored search the thumbnail shows."""
    from engine.perception.thumbnail import best_stored  # numpy: only when Home draws

    best = best_stored(card)
    if best is None:
        return None
    model, row = best
    who = SEARCHED.get(model, f"the {model} model")
    return (
        f"Eight ellipses that {who} scores {row['score']:.0%} "
        f"{row['label']}: the best picture the random search found."
    )


DEMO = Demo(
    key="perception",
    order=40,
    package=__package__,
    title="Perception engine",
    page="pages/perception.py",
    icon=":material/blur_on:",
    pitch="Watch a random search arrange a few ellipses until a classifier sees your chosen class.",
    claim="Random search over a few two-colour ellipses finds images a classifier scores highly; "
    "letting it pick the background colour helps.",
    card="perception",
    caption="Eight two-colour ellipses a random search arranged until a classifier saw a class.",
    brief=brief,
    describe=describe,
    quick_evaluate=("--seed", "5", "--n", "8", "--seconds", "1", "--iterations", "2"),
)
