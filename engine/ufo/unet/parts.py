"""U-Net building blocks in Keras (imported only by training, evaluation and tests)."""

from __future__ import annotations

from typing import Any

import keras
from keras import layers


def double_conv(x: Any, channels: int, name: str) -> Any:
    """(3x3 conv -> batch norm -> ReLU) twice: the unit every U-Net level is made of."""
    for i in (1, 2):
        x = layers.Conv2D(channels, 3, padding="same", use_bias=False, name=f"{name}_conv{i}")(x)
        # momentum 0.9: runs are a few hundred steps, too short for the default 0.99 averages.
        x = layers.BatchNormalization(momentum=0.9, name=f"{name}_bn{i}")(x)
        x = layers.ReLU(name=f"{name}_relu{i}")(x)
    return x


def down(x: Any, channels: int, name: str) -> Any:
    """Halve the resolution with max pooling, then a double conv."""
    x = layers.MaxPooling2D(2, name=f"{name}_pool")(x)
    return double_conv(x, channels, name)


def up(x: Any, skip: Any, channels: int, name: str) -> Any:
    """Double the resolution (bilinear), concatenate the skip connection, then a double conv."""
    x = layers.UpSampling2D(2, interpolation="bilinear", name=f"{name}_up")(x)
    x = layers.Concatenate(name=f"{name}_cat")([skip, x])
    return double_conv(x, channels, name)


def out_conv(x: Any) -> Any:
    """1x1 conv to one channel with a sigmoid: the per-pixel saucer probability."""
    return layers.Conv2D(1, 1, activation="sigmoid", name="mask", dtype="float32")(x)


def soft_dice_bce(y_true: Any, y_pred: Any) -> Any:
    """Binary cross-entropy plus (1 - soft Dice) per image, so small saucers count as much as
    large ones (the metric is mean IoU per image) and saucer-free images push towards zero."""
    bce = keras.ops.mean(keras.losses.binary_crossentropy(y_true, y_pred))
    inter = keras.ops.sum(y_true * y_pred, axis=(1, 2, 3))
    total = keras.ops.sum(y_true, axis=(1, 2, 3)) + keras.ops.sum(y_pred, axis=(1, 2, 3))
    dice = (2 * inter + 1.0) / (total + 1.0)
    return bce + keras.ops.mean(1 - dice)
