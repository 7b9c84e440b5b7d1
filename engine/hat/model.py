"""The hat's CNN: the write-up's AlexNet-like net (7x7, 5x5, 3x3 convolutions with batch norm
and max pooling, then dense layers), scaled down to a 64x64 crop and a 2-core CPU budget.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any

from engine.hat.lore import HOUSES


@dataclass(frozen=True)
class HatConfig:
    """Everything that rebuilds the shipped `hat` model; defaults are the shipped values."""

    # Crop side in pixels. The write-up used 100; the lore is about colour areas, which 64
    # pixels show plainly, and it cuts the convolution cost 2.4x so training fits 8 minutes.
    input_size: int = 64
    # Filters of the three convolutions (write-up: 128, 256, 384): 8x fewer, for a 4-class
    # colour task on 2 cores; kernels keep the write-up's 7, 5, 3.
    filters: tuple[int, int, int] = (16, 32, 64)
    kernels: tuple[int, int, int] = (7, 5, 3)
    # Pool sizes after each convolution, as in the write-up (3, 3, 2).
    pools: tuple[int, int, int] = (3, 3, 2)
    # Hidden dense units (write-up: 8192 and 1024); one layer suffices after global colour cues.
    dense: int = 128
    # Batch-norm moving-average momentum: Keras's 0.99 needs hundreds of steps to settle, which
    # the shipped run has (2250); short runs (tests) pass 0.9.
    bn_momentum: float = 0.99
    # Dropout before the output, as the write-up's F.dropout on its dense layers.
    dropout: float = 0.3
    # Synthetic training portraits; fresh ones each run from `seed`. 9000 (was 6000): the tone
    # rule for neutral clothes and the black-and-white tenth need more examples to reach 90 %.
    n_train: int = 9000
    # Held out from the same draw to watch overfitting during training.
    n_val: int = 600
    # Passes over the training set; accuracy plateaus by then (see the card's history).
    epochs: int = 16
    batch_size: int = 64
    # Adam's step size; 1e-3 is the Keras default and converges within the epoch budget.
    learning_rate: float = 1e-3
    # Seed of the training draw, the weights' initialisation and the shuffling.
    seed: int = 6

    def to_dict(self) -> dict[str, Any]:
        """As a JSON-able dict for the card."""
        return {k: list(v) if isinstance(v, tuple) else v for k, v in asdict(self).items()}

    @classmethod
    def from_dict(cls, values: dict[str, Any]) -> HatConfig:
        """Rebuild from a card's dict, ignoring unknown keys."""
        names = {f.name for f in fields(cls)}
        kept = {k: tuple(v) if isinstance(v, list) else v for k, v in values.items() if k in names}
        return cls(**kept)


# The write-up's own regime: 200 portraits (50 per house), 180 to train, 20 to test, 100 epochs.
# 9 steps an epoch for 100 epochs: 900 steps, so the default momentum settles.
WRITEUP = HatConfig(n_train=180, n_val=20, epochs=100, batch_size=20, seed=2)


def build(config: HatConfig) -> Any:
    """The Keras model (imports Keras): float RGB in [0, 1] in, house probabilities out."""
    import keras
    from keras import layers

    keras.utils.set_random_seed(config.seed)
    s = config.input_size
    x = inputs = keras.Input((s, s, 3), name="crop")
    for i, (f, k, p) in enumerate(zip(config.filters, config.kernels, config.pools, strict=True)):
        x = layers.Conv2D(f, k, padding="valid" if i == 0 else "same", activation="relu")(x)
        x = layers.BatchNormalization(momentum=config.bn_momentum)(x)
        x = layers.MaxPooling2D(p, strides=p)(x)
    x = layers.Flatten()(x)
    x = layers.Dense(config.dense, activation="relu")(x)
    x = layers.Dropout(config.dropout)(x)
    outputs = layers.Dense(len(HOUSES), activation="softmax")(x)
    model = keras.Model(inputs, outputs, name="hat")
    model.compile(
        optimizer=keras.optimizers.Adam(config.learning_rate),
        loss="sparse_categorical_crossentropy",
        metrics=["accuracy"],
    )
    return model
