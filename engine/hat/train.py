"""Training the hat (imports Keras): the shipped model and the write-up's 200-portrait regime."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from engine.hat import portraits
from engine.hat.lore import HOUSES
from engine.hat.model import WRITEUP, HatConfig, build

# on_step(name, epoch, logs): called after every epoch so a caller can show progress.
OnStep = Callable[[str, int, dict[str, float]], None]


@dataclass(frozen=True)
class Trained:
    """A trained Keras model with its per-epoch history and wall time."""

    model: Any
    config: HatConfig
    history: dict[str, list[float]]  # Keras history: loss, accuracy, val_loss, val_accuracy
    seconds: float


def as_input(images: np.ndarray) -> np.ndarray:
    """uint8 RGB crops -> the float32 [0, 1] batch every model card promises."""
    return images.astype(np.float32) / 255.0


def balanced(per_house: int, size: int, rng: np.random.Generator) -> portraits.Portraits:
    """Exactly per_house portraits of each house by training label, in a shuffled order."""
    pool = portraits.make(per_house * 10, size, rng)  # neutral tones split: draw plenty
    keep = np.concatenate([np.flatnonzero(pool.labels == h)[:per_house] for h in range(4)])
    if len(keep) < 4 * per_house:
        raise ValueError("the synthetic draw had too few portraits of some house")
    keep = rng.permutation(keep)
    return portraits.Portraits(*(getattr(pool, f)[keep] for f in pool.__dataclass_fields__))


def fit(config: HatConfig, data: portraits.Portraits, name: str, on_step: OnStep | None) -> Trained:
    """Train on the first n_train portraits of data, validate on the next n_val."""
    import keras

    x, y = as_input(data.images), data.labels
    n = config.n_train
    model = build(config)

    class Report(keras.callbacks.Callback):
        def on_epoch_end(self, epoch, logs=None):
            if on_step:
                on_step(name, epoch + 1, {k: float(v) for k, v in (logs or {}).items()})

    start = time.perf_counter()
    hist = model.fit(
        x[:n],
        y[:n],
        validation_data=(x[n : n + config.n_val], y[n : n + config.n_val]),
        epochs=config.epochs,
        batch_size=config.batch_size,
        shuffle=True,
        verbose=0,
        callbacks=[Report()],
    )
    history = {k: [round(float(v), 4) for v in vals] for k, vals in hist.history.items()}
    return Trained(model, config, history, round(time.perf_counter() - start, 1))


def train_full(config: HatConfig, on_step: OnStep | None = None) -> Trained:
    """The shipped model: n_train + n_val fresh portraits drawn from config.seed."""
    rng = np.random.default_rng(config.seed)
    data = portraits.make(config.n_train + config.n_val, config.input_size, rng)
    return fit(config, data, "hat", on_step)


def train_writeup(seed: int | None = None, on_step: OnStep | None = None) -> Trained:
    """The write-up's regime: 50 portraits per house, 180 train / 20 test, 100 epochs."""
    config = WRITEUP if seed is None else replace(WRITEUP, seed=seed)
    rng = np.random.default_rng(config.seed)
    data = balanced((config.n_train + config.n_val) // len(HOUSES), config.input_size, rng)
    return fit(config, data, "hat-writeup", on_step)
