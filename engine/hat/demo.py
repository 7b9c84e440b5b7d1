"""The sorting hat's spec, found by engine/catalog.py."""

from engine.contract import Card, Demo


def brief(card: Card) -> str:
    """The headline card's accuracies, short enough for a Home card."""
    ours = 100 * card["metrics"]["lore"]["accuracy"]
    small = 100 * card["metrics"]["lore_writeup_regime"]["accuracy"]
    return (
        f"{ours:.1f} % of fresh synthetic portraits sorted as the hat's lore says (the "
        f"write-up's 200-image regime: {small:.1f} %), vs the write-up's 85 % on its own photos."
    )


DEMO = Demo(
    key="hat",
    order=30,
    package=__package__,
    title="Sorting hat",
    page="pages/hat.py",
    icon=":material/school:",
    pitch="Upload a group photo: every face is found and sorted into one of four houses.",
    claim="A small AlexNet-like CNN sorts 100x100 faces into four houses with 85 % test accuracy.",
    card="hat",
    caption="A sample group photo: every face found, boxed in the house it was sorted into.",
    brief=brief,
    quick_evaluate=("--seed", "5", "--n", "8"),
)
