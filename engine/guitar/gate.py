"""Is there a guitar in this photo? The ImageNet network's own guitar classes decide.

Our two guitar models know 13 guitar models and nothing else, so a portrait or a sky gets a
confident guitar name from both. MobileNetV2 (quantised, ImageNet) has seen a thousand kinds of
things, two of them guitars: when neither is among its top `TOP_K` answers, the page says there
is no guitar instead of showing a model name. Measured on the real guitar photos and on the
other demos' real photos (`measure`, stored in the guitar card).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import cv2
import numpy as np

# ImageNet's guitar classes (Keras names).
GUITAR_CLASSES = ("electric_guitar", "acoustic_guitar")
# A guitar class among the network's top 5 counts as "a guitar is here". Measured when this
# was set: a guitar class was top-1 for 94.9 % of the 196 real guitar photos, top-5 for 98.0 %,
# and top-5 for none of 57 real photos without a guitar (group photos, skies, streets).
TOP_K = 5
SIDE = 224  # the network's input side


@dataclass(frozen=True)
class Check:
    """What the ImageNet network makes of a photo, as far as guitars go."""

    guitar: bool  # a guitar class is among its top TOP_K answers
    rank: int  # rank of the best guitar class (0: top-1)
    guitar_probability: float  # both guitar classes together
    seen: tuple[tuple[str, float], ...]  # its top 3 (label, probability)


def _input(picture: np.ndarray) -> np.ndarray:
    """The picture as the network's uint8 (1, 224, 224, 3) input (the page squares it already)."""
    rgb = np.ascontiguousarray(np.asarray(picture)[..., :3], dtype=np.uint8)
    return cv2.resize(rgb, (SIDE, SIDE), interpolation=cv2.INTER_AREA)[None]


def check(model: Any, picture: np.ndarray) -> Check:
    """Run the ImageNet network (engine.perception.imagenet.ImagenetModel) on one RGB picture."""
    from engine.perception.imagenet import probabilities

    p = probabilities(model.logits(_input(picture)))[0]
    ids = [model.labels.index(name) for name in GUITAR_CLASSES]
    rank = min(int((p > p[i]).sum()) for i in ids)
    order = np.argsort(-p)[:3]
    seen = tuple((model.labels[i].replace("_", " "), round(float(p[i]), 4)) for i in order)
    return Check(rank < TOP_K, rank, round(float(p[ids].sum()), 4), seen)


def sentence(c: Check) -> str:
    """Why the page names no guitar model for this photo, in one sentence."""
    label, share = c.seen[0]
    return (
        f"No guitar here, as far as an ImageNet network can tell: MobileNetV2 sees "
        f"**{label}** ({share:.0%}) and puts its two guitar classes at "
        f"{c.guitar_probability:.1%}, outside its top {TOP_K}. Our two models know only "
        "13 guitar models, so whatever they answer for this photo means nothing."
    )


def _share(model: Any, photos: list[np.ndarray], want: bool) -> dict[str, Any]:
    """How many photos the gate calls as `want`, with n."""
    from engine.guitar.predict import square

    agree = sum(check(model, square(p, SIDE)).guitar == want for p in photos)
    return {"n": len(photos), "agree": agree, "share": round(agree / max(len(photos), 1), 4)}


def measure(model: Any, guitars: list[np.ndarray], others: list[np.ndarray]) -> dict[str, Any]:
    """Real guitar photos let through and real guitar-free photos stopped, each with n."""
    return {
        "classes": list(GUITAR_CLASSES),
        "top_k": TOP_K,
        "guitar_photos_passed": _share(model, guitars, True),
        "other_photos_stopped": _share(model, others, False),
    }
