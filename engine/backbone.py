"""The ImageNet MobileNetV2 as a float Keras model, rebuilt from the quantised LiteRT file.

Training and tests only (imports TensorFlow). The only ImageNet weights reachable offline are
Google's int8 MobileNetV2 (../shared/imagenet/, Apache-2.0). Its file has batch norm folded
into each convolution, so each kernel is de-quantised into the matching Keras layer and the
folded bias goes into the BatchNormalization after it (gamma 1, beta = bias, mean 0, variance
1 - epsilon, so that layer passes its input through plus the bias). Layers pair up in order:
the file's 35 convolutions and 17 depthwise convolutions run in Keras' own layer order.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

# Keras' MobileNetV2 batch-norm epsilon: variance 1 - EPS makes the layer an identity.
EPS = 1e-3
SIZE = 224  # input side the weights were trained at


def _dequantised(interpreter: Any, detail: dict) -> np.ndarray:
    """A constant tensor of the file as float32, per-channel scales applied on its axis."""
    index = detail["index"]
    q = detail["quantization_parameters"]
    raw = interpreter.get_tensor(index).astype(np.float32)
    scales, zeros = q["scales"], q["zero_points"]
    if scales.size == 0:
        return raw
    shape = [1] * raw.ndim
    shape[q["quantized_dimension"]] = -1
    return (raw - zeros.reshape(shape)) * scales.reshape(shape)


def weights(path: Path) -> tuple[list, list]:
    """(kernel, bias) pairs of every CONV_2D and every DEPTHWISE_CONV_2D, in file order."""
    from ai_edge_litert.interpreter import Interpreter

    interpreter = Interpreter(model_path=str(path))
    details = {t["index"]: t for t in interpreter.get_tensor_details()}
    convs, depthwise = [], []
    for op in interpreter._get_ops_details():
        if op["op_name"] not in ("CONV_2D", "DEPTHWISE_CONV_2D"):
            continue
        _, kernel, bias = (int(i) for i in op["inputs"])
        pair = (
            _dequantised(interpreter, details[kernel]),
            _dequantised(interpreter, details[bias]),
        )
        (convs if op["op_name"] == "CONV_2D" else depthwise).append(pair)
    return convs, depthwise


def _assign(model: Any, convs: list, depthwise: list) -> None:
    """Copy kernels and folded biases into the Keras layers, in order."""
    import keras

    convs, depthwise = iter(convs), iter(depthwise)
    layers = model.layers
    for i, layer in enumerate(layers):
        if isinstance(layer, keras.layers.DepthwiseConv2D):
            kernel, bias = next(depthwise)  # file (1, H, W, C) -> Keras (H, W, C, 1)
            layer.set_weights([np.transpose(kernel, (1, 2, 3, 0))])
        elif isinstance(layer, keras.layers.Conv2D):
            kernel, bias = next(convs)  # file (O, H, W, I) -> Keras (H, W, I, O)
            layer.set_weights([np.transpose(kernel, (1, 2, 3, 0))])
        else:
            continue
        norm = layers[i + 1]
        assert isinstance(norm, keras.layers.BatchNormalization), norm.name
        ones = np.ones_like(bias)
        norm.set_weights([ones, bias, np.zeros_like(bias), ones - EPS])
    head_kernel, head_bias = next(convs)  # the 1x1 classifier over 1001 classes
    dense = model.get_layer("predictions")
    # Drop row 0 ("background"): Keras' 1000 classes are the file's 1..1000.
    dense.set_weights([head_kernel[1:, 0, 0, :].T, head_bias[1:]])


def mobilenet_v2(path: Path, include_top: bool = True) -> Any:
    """Keras MobileNetV2 (inputs scaled to [-1, 1]) carrying the file's ImageNet weights."""
    import keras

    model = keras.applications.MobileNetV2(
        input_shape=(SIZE, SIZE, 3), weights=None, classifier_activation=None
    )
    _assign(model, *weights(path))
    if include_top:
        return model
    pooled = next(x for x in model.layers if isinstance(x, keras.layers.GlobalAveragePooling2D))
    return keras.Model(model.input, pooled.output)


def preprocess(images: np.ndarray) -> np.ndarray:
    """uint8 RGB (N, 224, 224, 3) -> float32 in [-1, 1], as the file scales its input."""
    return np.asarray(images, np.float32) / 127.5 - 1.0
