"""A tiny classifier trained here ('which colour dominates?') for the perception tests.

The other perception test files import `tiny_classifier`; it trains once per test session.
"""

import atexit
import shutil
import tempfile
from pathlib import Path

import numpy as np

from engine import cards, runtime
from engine.perception.ellipses import Layout, render

LABELS = ["red", "green", "blue"]
SIDE = 32
_CACHE: dict[str, Path] = {}


def dataset(n: int, rng: np.random.Generator):
    """Random ellipse pictures, labelled by the channel with the largest mean."""
    layout = Layout(n_ellipses=3, colours=0, background=True)
    x = render(layout.decode(layout.random(rng, n)), SIDE, SIDE)
    return x, x.mean(axis=(1, 2)).argmax(axis=1)


def tiny_classifier() -> Path:
    """Train (once per session) and save the toy model; returns its models directory."""
    if "root" in _CACHE:
        return _CACHE["root"]
    import keras

    keras.utils.set_random_seed(0)
    model = keras.Sequential(
        [
            keras.Input((SIDE, SIDE, 3)),
            keras.layers.Conv2D(8, 3, activation="relu"),
            keras.layers.GlobalAveragePooling2D(),
            keras.layers.Dense(len(LABELS), activation="softmax"),
        ]
    )
    model.compile(optimizer=keras.optimizers.Adam(0.02), loss="sparse_categorical_crossentropy")
    x, y = dataset(1200, np.random.default_rng(0))
    model.fit(x, y, epochs=10, batch_size=64, verbose=0)
    root = Path(tempfile.mkdtemp(prefix="perception-models-"))
    atexit.register(shutil.rmtree, root, True)
    card = cards.build(
        "toy-colour",
        "test",
        "classifier",
        labels=LABELS,
        input={"height": SIDE, "width": SIDE, "channels": 3},
        config={},
        seed=0,
        data={"source": "red, green and blue pictures (dataset() above)"},
        training={"seconds": 0, "epochs": 10},
    )
    runtime.save_model(model, card, root)
    _CACHE["root"] = root
    return root


def test_toy_classifier_learned_its_task_on_fresh_pictures():
    lite = runtime.load_model("toy-colour", tiny_classifier())
    x, y = dataset(400, np.random.default_rng(99))
    accuracy = float((lite.predict(x).argmax(axis=1) == y).mean())
    assert accuracy > 0.85, accuracy
