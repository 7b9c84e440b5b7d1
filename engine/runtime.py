"""How models run: LiteRT interpreters for serving, a TensorFlow exporter for training.

The app never imports TensorFlow (a ~6 s import): it scores through LiteRT. Training code calls
`save_model`, which writes the `.keras` file, the `.tflite` export and the JSON card together.
"""

from __future__ import annotations

import os
import queue
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from engine import cards

# Interpreters per model: a LiteRT interpreter is not thread-safe, so each concurrent
# session borrows one from the pool; two covers the two cores this app is sized for.
POOL_SIZE = 2
# Threads per interpreter: batches of the perception search use both cores. The environment
# variable overrides it, so the suite can prove its results hold under 1 and 2 threads (XNNPACK
# splits work, and so float sums, differently).
NUM_THREADS = int(os.environ.get("PERCEPTION_LAB_THREADS", "2"))


@dataclass(frozen=True)
class ModelFiles:
    """Where one shipped model's three files live."""

    name: str
    keras: Path
    tflite: Path
    card: Path


def files(name: str, root: Path | None = None) -> ModelFiles:
    """Paths of the .keras, .tflite and .json files of a model by name."""
    base = root or cards.MODELS_DIR
    return ModelFiles(name, base / f"{name}.keras", base / f"{name}.tflite", base / f"{name}.json")


class LiteModel:
    """A shipped model served through a pool of LiteRT interpreters; safe across threads."""

    def __init__(self, tflite: bytes | Path, card: dict[str, Any], pool_size: int = POOL_SIZE):
        from ai_edge_litert.interpreter import Interpreter

        # The interpreters read the flatbuffer in place: it must live as long as they do.
        self._content = tflite.read_bytes() if isinstance(tflite, Path) else tflite
        self._interpreters = []
        self.card = card
        self.labels: list[str] = list(card.get("labels", []))
        self._pool: queue.Queue = queue.Queue()
        for _ in range(pool_size):
            interpreter = Interpreter(model_content=self._content, num_threads=NUM_THREADS)
            self._interpreters.append(interpreter)
            self._pool.put(interpreter.get_signature_runner())
        detail = interpreter.get_input_details()[0]
        self.input_shape: tuple[int, ...] = tuple(int(v) for v in detail["shape_signature"][1:])
        self.name: str = card.get("name", "")

    @contextmanager
    def _runner(self) -> Iterator[Any]:
        runner = self._pool.get()
        try:
            yield runner
        finally:
            self._pool.put(runner)

    def run(self, batch: np.ndarray) -> list[np.ndarray]:
        """Score a float32 batch (N, *input_shape); returns every output, in Keras order."""
        x = np.ascontiguousarray(batch, dtype=np.float32)
        if x.shape[1:] != self.input_shape:
            raise ValueError(f"expected (N, {self.input_shape}), got {x.shape}")
        with self._runner() as runner:
            (name,) = runner.get_input_details().keys()
            out = runner(**{name: x})
        return [np.array(out[f"output_{i}"]) for i in range(len(out))]

    def predict(self, batch: np.ndarray) -> np.ndarray:
        """First output only: class probabilities for classifiers, the mask for the U-Net."""
        return self.run(batch)[0]


def load_model(name: str, root: Path | None = None) -> LiteModel:
    """Load a shipped model for serving (no TensorFlow); raises FileNotFoundError if absent."""
    paths = files(name, root)
    if not paths.tflite.exists():
        raise FileNotFoundError(f"model '{name}' is not trained yet ({paths.tflite.name} missing)")
    return LiteModel(paths.tflite, cards.read(name, root) or {"name": name})


def export_tflite(model: Any, path: Path) -> Path:
    """Export a Keras model to a LiteRT flatbuffer with a free batch dimension (imports TF).

    Keras's own exporter freezes the weights; converting a traced tf.function instead keeps
    them as resource variables that LiteRT reads uninitialised (NaN outputs).
    """
    model.export(str(path), format="litert", verbose=False)
    return path


def save_model(model: Any, card: dict[str, Any], root: Path | None = None) -> ModelFiles:
    """Write the .keras file, its .tflite export and the card, all under the card's name."""
    paths = files(card["name"], root)
    paths.keras.parent.mkdir(parents=True, exist_ok=True)
    model.save(paths.keras)
    export_tflite(model, paths.tflite)
    cards.write(card, root)
    return paths


def load_keras(name: str, root: Path | None = None) -> Any:
    """Load the Keras twin of a shipped model (training, evaluation and tests only)."""
    import keras

    return keras.saving.load_model(files(name, root).keras, compile=False)
