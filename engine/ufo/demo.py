"""The UFO demo's spec, found by engine/catalog.py."""

from engine.contract import Demo

DEMO = Demo(
    key="ufo",
    order=20,
    package=__package__,
    title="UFO masks",
    page="pages/ufo.py",
    icon=":material/flight:",
    pitch="Upload a sky photo and a U-Net trained from one cut-out saucer marks any UFO in red.",
    claim="A U-Net trained on composites of one cut-out finds saucers in real photos, but fails "
    "on large and white saucers that the training variation did not cover.",
    card="ufo-widened",
    caption="A generated test sky with the one cut-out saucer pasted in, as the U-Net trained on.",
    quick_evaluate=("--seed", "5", "--n", "4"),
)
