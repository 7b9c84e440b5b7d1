"""The classifiers a search can aim at: every shipped model whose card says kind 'classifier'."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from engine import cards, runtime
from engine.perception import imagenet
from engine.perception.ellipses import Drawing, Layout, render


@dataclass(frozen=True)
class Target:
    """A shipped classifier as the page lists it: name, class labels and input size."""

    name: str
    demo: str
    labels: tuple[str, ...]
    height: int
    width: int
    title: str = ""  # what the page calls it, e.g. "MobileNetV2 (quantised, ImageNet)"
    default: str = ""  # the class the page aims at first


def classifiers(root: Path | None = None) -> list[Target]:
    """Every shipped classifier (a card of kind 'classifier' with a .tflite), ImageNet first."""
    found = []
    for card in cards.available(root=root):
        if card.get("kind") != "classifier" or not card.get("labels"):
            continue
        size = card.get("input", {})
        found.append(
            Target(
                card["name"],
                card.get("demo", ""),
                tuple(card["labels"]),
                int(size.get("height", 64)),
                int(size.get("width", 64)),
                card.get("title", card["name"]),
                imagenet.DEFAULT_CLASS if imagenet.is_imagenet(card) else card["labels"][0],
            )
        )
    return sorted(found, key=lambda t: t.name != imagenet.NAME)


def load(name: str, root: Path | None = None) -> Any:
    """The LiteRT pool of a shipped classifier (no TensorFlow); ImageNet gets its uint8 pool."""
    if imagenet.is_imagenet(cards.read(name, root)):
        return imagenet.load(root, name)
    return runtime.load_model(name, root)


def scorer(model: Any, layout: Layout, class_index: int) -> Scorer:
    """The fastest scorer for a model: incremental uint8 drawing for ImageNet, else Scorer."""
    if isinstance(model, imagenet.ImagenetModel):
        return ImagenetScorer(model, layout, class_index)
    return Scorer(model, layout, class_index)


class Scorer:
    """Renders gene vectors at a classifier's input size and scores them in one LiteRT call."""

    def __init__(self, model: Any, layout: Layout, class_index: int):
        self.model = model
        self.layout = layout
        self.class_index = class_index
        self.height, self.width, self.channels = (int(v) for v in model.input_shape)
        if not 0 <= class_index < len(model.labels):
            raise ValueError(f"class {class_index} out of range for {len(model.labels)} labels")

    def images(self, genes: np.ndarray) -> np.ndarray:
        """Model-size pictures (B, H, W, C) float32 in [0, 1]."""
        return self.model_input(self.layout.decode(genes))

    def model_input(self, drawing: Drawing) -> np.ndarray:
        """Render at the model's input size; grey models get the channel mean."""
        pictures = render(drawing, self.height, self.width)
        if self.channels == 1:
            return pictures.mean(axis=3, keepdims=True)
        return pictures

    def probabilities(self, genes: np.ndarray) -> np.ndarray:
        """Class probabilities (B, classes) for gene vectors (B, size)."""
        return as_probabilities(self.model.predict(self.images(genes)))

    def __call__(self, genes: np.ndarray) -> np.ndarray:
        """The target class's probability for each gene vector: the search's objective."""
        return self.probabilities(genes)[:, self.class_index]


class ImagenetScorer(Scorer):
    """Scorer for the ImageNet model: redraws only changed ellipses, overlaps LiteRT calls."""

    def __init__(self, model: imagenet.ImagenetModel, layout: Layout, class_index: int):
        super().__init__(model, layout, class_index)
        self.pipeline = imagenet.Pipeline(model, layout)

    def images(self, genes: np.ndarray) -> np.ndarray:
        """The model's uint8 inputs (B, 224, 224, 3)."""
        return self.pipeline.pictures(genes)

    def probabilities(self, genes: np.ndarray) -> np.ndarray:
        """Class probabilities from the logits, in float64 (never exactly 0 far from the top)."""
        return imagenet.probabilities(self.pipeline.logits(genes))


def as_probabilities(out: np.ndarray) -> np.ndarray:
    """Pass softmax outputs through; turn logits (rows not summing to 1) into probabilities."""
    out = np.asarray(out, dtype=np.float64)
    if out.min() >= 0 and np.allclose(out.sum(axis=1), 1.0, atol=1e-3):
        return out
    z = np.exp(out - out.max(axis=1, keepdims=True))
    return z / z.sum(axis=1, keepdims=True)


def top(probabilities: np.ndarray, labels: tuple[str, ...] | list[str], k: int = 5):
    """The k most likely (label, probability) pairs of one probability row."""
    order = np.argsort(probabilities)[::-1][:k]
    return [(labels[i], float(probabilities[i])) for i in order]
