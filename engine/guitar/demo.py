"""The guitar demo's spec, found by engine/catalog.py."""

from engine.contract import Demo

DEMO = Demo(
    key="guitar",
    order=10,
    package=__package__,
    title="Guitar occlusion",
    page="pages/guitar.py",
    icon=":material/music_note:",
    pitch="Scribble over a guitar and watch a plain and a dust-trained classifier disagree.",
    claim="Training with random occluding rectangles ('dust') keeps a guitar classifier right "
    "when part of the guitar is hidden.",
    card="guitar-dust",
    caption="Three rendered guitars, the middle one scribbled over the way you will on the page.",
    quick_evaluate=("--seed", "5", "--n", "13", "--attention-n", "2", "--duel-n", "2"),
)
