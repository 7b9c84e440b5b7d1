"""The guitar classifier: a frozen config whose defaults rebuild the shipped models, and the CNN.

Both shipped models (`guitar-plain`, `guitar-dust`) share this config, seed and data; only the
dust augmentation differs. The network is kept small (about 7 M multiply-adds per 64x64 image)
because the perception demo scores thousands of candidate images a second through it.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from engine.guitar.render import INPUT_SIZE, LABELS

NAMES = {"plain": "guitar-plain", "dust": "guitar-dust"}


@dataclass(frozen=True)
class GuitarConfig:
    """Everything that decides a trained guitar model."""

    seed: int = 7  # renders, weights and dust draws all follow from it
    input_size: int = INPUT_SIZE  # model input side; fixed once shipped
    render_size: int = 128  # training renders are drawn at this side, then shrunk to input_size
    n_train: int = 16000  # training renders: ~1,200 per class, enough for 99 % on fresh renders
    n_val: int = 800  # held-out renders for the card's val_accuracy
    epochs: int = 16  # the validation loss flattens by ~12
    batch_size: int = 64  # small batches suit 2 CPU cores and regularise a little
    learning_rate: float = 3e-3  # Adam; higher diverged with the dust augmentation on
    filters: tuple[int, ...] = (8, 24, 48, 64)  # four stages: 64 px -> 4 x 4 before the head
    dropout: float = 0.3  # before the dense head: the renders are easy to memorise
    label_smoothing: float = 0.05  # keeps the softmax from saturating on clean renders
    dust: bool = False  # the write-up's dust: random occluding rectangles drawn fresh each
    # epoch; the only difference between the two shipped models (plain False, dust True)
    dust_reference: int = 224  # the write-up's input side; dust sizes scale by input/ref
    eval_n: int = 1000  # fresh samples behind the card's metrics
    eval_seed: int = 2024  # the card's evaluation seed, apart from the training seed
    labels: tuple[str, ...] = field(default=LABELS)  # the 13 classes, in output order

    def to_dict(self) -> dict:
        d = asdict(self)
        d["filters"] = list(self.filters)
        d["labels"] = list(self.labels)
        return d


def build(config: GuitarConfig):
    """The CNN: four conv-BN-ReLU-maxpool stages, flatten of the 4x4 map, softmax over 13."""
    import keras
    from keras import layers

    keras.utils.set_random_seed(config.seed)
    s = config.input_size
    inputs = keras.Input((s, s, 3), name="image")
    x = inputs
    for i, f in enumerate(config.filters):
        x = layers.Conv2D(f, 3, padding="same", use_bias=False, name=f"conv{i}")(x)
        x = layers.BatchNormalization(name=f"bn{i}")(x)
        x = layers.ReLU(name=f"relu{i}")(x)
        x = layers.MaxPooling2D(2, name=f"pool{i}")(x)
    x = layers.Flatten(name="flatten")(x)
    x = layers.Dropout(config.dropout, name="dropout")(x)
    outputs = layers.Dense(len(config.labels), activation="softmax", name="probs")(x)
    return keras.Model(inputs, outputs, name="guitar")


def macs(config: GuitarConfig) -> int:
    """Multiply-adds per image of `build(config)` (convolutions and the dense head)."""
    total, side, channels = 0, config.input_size, 3
    for f in config.filters:
        total += side * side * f * 9 * channels
        side //= 2
        channels = f
    return total + side * side * channels * len(config.labels)
