"""engine.runtime: the .tflite export agrees with its .keras twin, and pools are thread-safe."""

from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pytest

from engine import cards, runtime
from tests import agreement


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    """A two-output Keras model saved the way train commands save theirs."""
    import keras

    keras.utils.set_random_seed(0)
    inp = keras.Input((16, 16, 3))
    x = keras.layers.Conv2D(4, 3, activation="relu")(inp)
    x = keras.layers.GlobalAveragePooling2D()(x)
    probs = keras.layers.Dense(3, activation="softmax")(x)
    aux = keras.layers.Dense(2)(x)
    model = keras.Model(inp, [probs, aux])
    root = tmp_path_factory.mktemp("models")
    card = cards.build(
        "tiny",
        "test",
        "classifier",
        labels=["a", "b", "c"],
        config={},
        seed=0,
        data={"source": "none: an untrained test model"},
        training={"seconds": 0, "epochs": 0},
    )
    runtime.save_model(model, card, root)
    return model, root


def test_save_writes_three_files(tiny):
    _, root = tiny
    paths = runtime.files("tiny", root)
    assert paths.keras.exists() and paths.tflite.exists() and paths.card.exists()
    assert [c["name"] for c in cards.available(root=root)] == ["tiny"]


def test_lite_matches_keras_in_output_order(tiny):
    model, root = tiny
    lite = runtime.load_model("tiny", root)
    assert lite.labels == ["a", "b", "c"] and lite.input_shape == (16, 16, 3)
    x = np.random.default_rng(1).random((5, 16, 16, 3), dtype=np.float32)
    probs, aux = (np.asarray(v) for v in model(x, training=False))
    got = lite.run(x)
    tol = agreement.tolerance(model)
    agreement.assert_same_ranking(got[0], probs, tol, top=3)
    agreement.assert_close(got[1], aux, tol)  # a raw output: same float32 bound
    assert lite.predict(x[:1]).shape == (1, 3)


def test_pool_is_correct_under_concurrency(tiny):
    _, root = tiny
    lite = runtime.load_model("tiny", root)
    rng = np.random.default_rng(2)
    inputs = [rng.random((1 + i % 4, 16, 16, 3), dtype=np.float32) for i in range(40)]
    expected = [lite.predict(x) for x in inputs]
    with ThreadPoolExecutor(8) as pool:
        got = list(pool.map(lite.predict, inputs))
    for g, e in zip(got, expected, strict=True):
        np.testing.assert_array_equal(g, e)


def test_wrong_shape_is_a_clear_error(tiny):
    _, root = tiny
    with pytest.raises(ValueError, match="expected"):
        runtime.load_model("tiny", root).predict(np.zeros((1, 8, 8, 3), np.float32))


def test_missing_model_says_not_trained(tmp_path):
    with pytest.raises(FileNotFoundError, match="not trained yet"):
        runtime.load_model("nothing", tmp_path)


# Models trained here, each with its Keras twin. The ImageNet classifier ships without one (it
# is Google's int8 file; tests/engine/test_backbone.py checks it against a float rebuild).
SHIPPED = [c["name"] for c in cards.available() if runtime.files(c["name"]).keras.exists()]


@pytest.mark.parametrize("name", SHIPPED)
def test_shipped_tflite_agrees_with_keras(name):
    """Every shipped model's two files agree on what a user sees (see tests/agreement.py)."""
    lite = runtime.load_model(name)
    model = runtime.load_keras(name)
    x = np.random.default_rng(7).random((4, *lite.input_shape), dtype=np.float32)
    want = model(x, training=False)
    want = want if isinstance(want, (list, tuple)) else [want]
    tol = agreement.tolerance(model)
    for got, ref in zip(lite.run(x), want, strict=True):
        if lite.card.get("kind") == "segmenter":
            threshold = lite.card["config"]["threshold"]
            agreement.assert_same_mask(got, np.asarray(ref), threshold, tol)
        else:
            agreement.assert_same_ranking(got, np.asarray(ref), tol)


def test_tolerance_follows_depth_and_fan_in():
    """Deeper and wider networks get a larger tolerance; the shipped ones stay far below 1e-3."""
    import keras

    def stack(layers: int, channels: int):
        inp = keras.Input((8, 8, channels))
        x = inp
        for _ in range(layers):
            x = keras.layers.Conv2D(channels, 3, padding="same")(x)
        return keras.Model(inp, x)

    assert agreement.fan_ins(stack(2, 4)) == [36, 36]
    assert agreement.tolerance(stack(1, 4)) < agreement.tolerance(stack(4, 4))
    assert agreement.tolerance(stack(2, 4)) < agreement.tolerance(stack(2, 16))
    for name in SHIPPED:
        assert agreement.tolerance(runtime.load_keras(name)) < 1e-3
