"""Train one U-Net on composites of its config's ranges (imports Keras; never from the app)."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from engine.ufo import composite
from engine.ufo.unet.model import UNetConfig, build


@dataclass(frozen=True)
class Step:
    """Progress after one epoch, for a caller's progress display."""

    epoch: int  # 1-based epoch just finished
    epochs: int  # total epochs
    loss: float  # mean training loss over the epoch
    seconds: float  # wall time since training started


@dataclass(frozen=True)
class Trained:
    """A trained Keras model with what the card needs to know about its training."""

    model: Any  # keras.Model
    seconds: float  # wall time of data generation and fitting
    epochs: int  # epochs run
    losses: tuple[float, ...]  # mean loss per epoch


def composites(config: UNetConfig) -> tuple[np.ndarray, np.ndarray]:
    """The training set: config.samples composites from the config's ranges and seed."""
    rng = np.random.default_rng(config.seed)
    return composite.batch(rng, config.ranges, config.samples)


def _callback(config: UNetConfig, start: float, on_step: Callable[[Step], None] | None) -> Any:
    """A Keras callback that reports each finished epoch as a Step."""
    import keras

    class Report(keras.callbacks.Callback):
        def on_epoch_end(self, epoch: int, logs: dict | None = None) -> None:
            loss = float((logs or {}).get("loss", float("nan")))
            if on_step is not None:
                on_step(Step(epoch + 1, config.epochs, loss, time.perf_counter() - start))

    return Report()


def train(
    config: UNetConfig,
    on_step: Callable[[Step], None] | None = None,
    data: tuple[np.ndarray, np.ndarray] | None = None,
) -> Trained:
    """Generate composites (unless given), then fit a fresh U-Net with Adam and cosine decay."""
    import keras

    from engine.ufo.unet.parts import soft_dice_bce

    start = time.perf_counter()
    x, y = composites(config) if data is None else data
    keras.utils.set_random_seed(config.seed)
    model = build(config)
    steps = int(np.ceil(len(x) / config.batch)) * config.epochs
    schedule = keras.optimizers.schedules.CosineDecay(config.learning_rate, steps)
    model.compile(optimizer=keras.optimizers.Adam(schedule), loss=soft_dice_bce)
    history = model.fit(
        x,
        y,
        batch_size=config.batch,
        epochs=config.epochs,
        shuffle=True,
        verbose=0,
        callbacks=[_callback(config, start, on_step)],
    )
    losses = tuple(float(v) for v in history.history["loss"])
    return Trained(model, time.perf_counter() - start, config.epochs, losses)
