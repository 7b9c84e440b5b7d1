"""How far the renders carry an ImageNet network to real guitar photos (issue 17's yardstick).

A frozen MobileNetV2 (the shipped ImageNet weights as a float Keras model, engine.backbone)
turns each picture into its 1,280 pooled features. A softmax head is fitted on the features of
fresh renders and scored on the real photos (top-1 and top-3, per kind of photo and per class).
Beside it, the ceiling: the same head fitted on the real photos themselves in 5-fold
cross-validation, which says whether the features can tell the models apart at all. That head
is a measurement only: it is never saved, and nothing that ships is fitted on a real photo.

Training and evaluation only (imports TensorFlow): `python -m engine.guitar.probe [N] [SEED]`.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from engine import cards
from engine.guitar import data
from engine.guitar import predict as gp

SIZE = 224  # the backbone's input side
# The shipped ImageNet file (make imagenet): the backbone's weights are de-quantised from it.
WEIGHTS = cards.MODELS_DIR / "imagenet.tflite"
FOLDS = 5


@dataclass(frozen=True)
class Head:
    """A softmax layer over standardised features."""

    mean: np.ndarray
    scale: np.ndarray
    kernel: np.ndarray  # (features, classes)
    bias: np.ndarray

    def rank(self, features: np.ndarray) -> np.ndarray:
        """Class indices from most to least likely, one row per picture."""
        return np.argsort(-(((features - self.mean) / self.scale) @ self.kernel + self.bias), 1)


def fit(features: np.ndarray, labels: np.ndarray, classes: int, l2: float = 1e-2) -> Head:
    """Full-batch gradient descent on the softmax loss (400 steps): deterministic, no seed."""
    mean, scale = features.mean(0), features.std(0) + 1e-3
    x, onehot = (features - mean) / scale, np.eye(classes)[labels]
    kernel, bias = np.zeros((x.shape[1], classes)), np.zeros(classes)
    for _ in range(400):
        z = x @ kernel + bias
        p = np.exp(z - z.max(1, keepdims=True))
        g = (p / p.sum(1, keepdims=True) - onehot) / len(x)
        kernel -= 0.5 * (x.T @ g + l2 * kernel)
        bias -= 0.5 * g.sum(0)
    return Head(mean, scale, kernel, bias)


def hits(ranked: np.ndarray, labels: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per picture: top-1 right, and the truth among the top 3."""
    return ranked[:, 0] == labels, (ranked[:, :3] == labels[:, None]).any(1)


def table(top1, top3, labels, kinds, names: list[str]) -> dict:
    """Top-1 and top-3 with n per kind of photo, and per class over all photos."""
    row = lambda s: {  # noqa: E731
        "n": int(s.sum()),
        "top1": round(float(top1[s].mean()), 4),
        "top3": round(float(top3[s].mean()), 4),
    }
    out = {"by_kind": {k: row(kinds == k) for k in sorted(set(kinds))}}
    out["per_class"] = {names[c]: row(labels == c) for c in sorted(set(labels))}
    return out


def ceiling(features, labels, kinds, names, rng: np.random.Generator) -> dict:
    """The head fitted on real photos, each scored by a fold that never saw it."""
    order = rng.permutation(len(labels))
    top1, top3 = np.zeros(len(labels), bool), np.zeros(len(labels), bool)
    for fold in np.array_split(order, FOLDS):
        rest = np.setdiff1d(order, fold)
        head = fit(features[rest], labels[rest], len(names))
        top1[fold], top3[fold] = hits(head.rank(features[fold]), labels[fold])
    return table(top1, top3, labels, kinds, names)


def renders(seed: int, n: int) -> tuple[list[np.ndarray], np.ndarray]:
    """n fresh renders at the backbone's side, as the training set draws them."""
    pictures, labels = [], []
    for i in range(n):
        r = data.sample(seed, i, SIZE)
        image = r.image if r.image.dtype == np.uint8 else np.rint(r.image * 255).astype(np.uint8)
        pictures.append(image)
        labels.append(r.label)
    return pictures, np.array(labels)


def real_photos(names: list[str]) -> tuple[list[np.ndarray], np.ndarray, np.ndarray]:
    """The restored real photos of the 13 classes, squared as the page squares an upload."""
    from engine import mirror
    from engine.guitar import real
    from engine.images import load_file

    rows = [e for e in mirror.read_manifest(real.MANIFEST)["photos"] if e["label"] in names]
    pictures = [gp.square(load_file(real.FOLDER / e["file"]), SIZE) for e in rows]
    return (
        pictures,
        np.array([names.index(e["label"]) for e in rows]),
        np.array([e["kind"] for e in rows]),
    )


def measure(embed: Callable[[list], np.ndarray], seed: int, n: int) -> dict:
    """Render-trained head on the real photos, and the real photos' own ceiling."""
    from engine.guitar import real
    from engine.guitar.render import LABELS

    names = list(LABELS)
    if not real.available():
        return {
            "available": False,
            "why": "real guitar photos not restored: python -m engine.guitar.real",
        }
    pictures, labels = renders(seed, n)
    head = fit(embed(pictures), labels, len(names))
    photos, truth, kinds = real_photos(names)
    features = embed(photos)
    top1, top3 = hits(head.rank(features), truth)
    return {
        "available": True,
        "renders": {"seed": seed, "n": n, "size": SIZE},
        "trained_on_renders": table(top1, top3, truth, kinds, names),
        "ceiling_real_cv": ceiling(features, truth, kinds, names, np.random.default_rng(seed)),
    }


def embedder(weights: Path = WEIGHTS) -> Callable[[list], np.ndarray]:
    """The frozen backbone's pooled features of uint8 pictures (SIZE x SIZE)."""
    from engine import backbone

    net = backbone.mobilenet_v2(weights, include_top=False)
    return lambda pictures: net.predict(
        backbone.preprocess(np.stack(pictures)), batch_size=64, verbose=0
    )


def main(args: list[str]) -> int:
    """`python -m engine.guitar.probe [N] [SEED]`: print the figures as JSON."""
    if not WEIGHTS.exists():
        print(f"{WEIGHTS.name} missing: run `make imagenet`", file=sys.stderr)
        return 1
    n = int(args[0]) if args else 2600
    seed = int(args[1]) if len(args) > 1 else 99
    print(json.dumps(measure(embedder(), seed, n), indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
