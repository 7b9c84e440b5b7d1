"""Where each guitar model looks: occlusion-sensitivity maps, their spread, and a measurement.

The shipped CNNs end in Flatten -> Dense (no global-average-pooling head), so class activation
maps do not apply without retraining. Occlusion sensitivity needs nothing from the model: hide
one square patch of the 64 px input at a time and record how much the explained class's
probability drops. All occluded copies go through ONE `predict` call per model, because LiteRT
costs a fraction of a millisecond per picture inside a batch but far more per call.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import cv2
import numpy as np

from engine.guitar import heat
from engine.guitar.render import INPUT_SIZE, LABELS, to_input

Predictor = Callable[[np.ndarray], np.ndarray]  # float32 (N, 64, 64, 3) in [0, 1] -> (N, classes)

PATCH = 12  # occluder side (input px): about a pickup or a horn; 8 and 16 rank the models alike
STRIDE = 4  # 14 x 14 = 196 copies per model, which keeps both maps well under 100 ms on 2 cores
TOP = 0.1  # spread = share of the mass outside the top 10 % of pixels (the measure)


@dataclass(frozen=True)
class ModelMap:
    """One model's attention on one picture."""

    name: str
    label: str  # the explained class
    index: int  # its index in the labels
    probability: float  # the explained class's probability on the unoccluded picture
    peak: float  # the largest mean drop of that probability over the patches covering a pixel
    map: np.ndarray  # (64, 64) float32, sums to 1 (all zeros when no patch lowers p)
    spread: float  # share of the mass outside the top 10 % of pixels (nan for an empty map)


@dataclass(frozen=True)
class Attention:
    """Every model's map on one picture, in the order the predictors were given."""

    models: tuple[ModelMap, ...]
    patch: int
    stride: int
    occluder: str


def starts(side: int = INPUT_SIZE, patch: int = PATCH, stride: int = STRIDE) -> list[int]:
    """Patch offsets along one axis; the last patch always touches the far edge."""
    out = list(range(0, side - patch + 1, stride))
    if out[-1] != side - patch:
        out.append(side - patch)
    return out


COPIES = len(starts()) ** 2  # occluded copies per model and picture
HOW = (
    f"Occlusion sensitivity: each {PATCH} px square of the {INPUT_SIZE} px model input is "
    f"blurred in turn ({COPIES} copies, one batch per model) and we record how much the "
    "probability of the model's own top answer drops. Brighter = hiding that part costs the "
    "answer more. Each map sums to 1 and both share the colour scale below, so a map spread "
    "over more of the picture is fainter: the same attention, thinner on each pixel."
)


def fill(x: np.ndarray, patch: int, occluder: str) -> np.ndarray:
    """What a hidden patch shows instead of the picture.

    "blur" (default): the picture blurred at the patch's scale, i.e. each patch becomes the
    local mean colour. It removes the patch's shapes and edges without painting a hard-edged
    flat square: flat grey squares are exactly the dust model's training augmentation, so a
    flat occluder would be in-distribution for one model only and bias the comparison.
    "background": the picture's border colour (median of the 1-px frame), for comparison.
    """
    if occluder == "blur":
        return cv2.GaussianBlur(x, (0, 0), patch / 2, borderType=cv2.BORDER_REFLECT)
    if occluder == "background":
        frame = np.concatenate([x[0], x[-1], x[:, 0], x[:, -1]])
        return np.broadcast_to(np.median(frame, axis=0), x.shape).astype(np.float32)
    raise ValueError(f"unknown occluder '{occluder}' (blur or background)")


def occluded(x: np.ndarray, patch: int, stride: int, occluder: str):
    """The picture followed by every occluded copy, and the copies' (y, x) offsets."""
    offsets = [
        (y, x0)
        for y in starts(x.shape[0], patch, stride)
        for x0 in starts(x.shape[1], patch, stride)
    ]
    filler = fill(x, patch, occluder)
    batch = np.repeat(x[None], len(offsets) + 1, axis=0)
    for j, (y, x0) in enumerate(offsets, start=1):
        batch[j, y : y + patch, x0 : x0 + patch] = filler[y : y + patch, x0 : x0 + patch]
    return batch, offsets


def accumulate(drops: np.ndarray, offsets: list, side: int, patch: int) -> np.ndarray:
    """Mean drop over the patches covering each pixel, as a mass that sums to 1.

    A mean (not a sum) so pixels near the border, covered by fewer patches, are not
    under-weighted; drops below 0 (hiding a patch made the class more likely) count as 0.
    """
    total = np.zeros((side, side), np.float64)
    count = np.zeros((side, side), np.float64)
    for d, (y, x0) in zip(np.clip(drops, 0, None), offsets, strict=True):
        total[y : y + patch, x0 : x0 + patch] += d
        count[y : y + patch, x0 : x0 + patch] += 1
    mean = total / count
    mass = mean.sum()
    return (mean / mass if mass > 0 else mean).astype(np.float32), float(mean.max())


def spread(attention_map: np.ndarray, top: float = TOP) -> float:
    """Share of the map's mass outside its top `top` share of pixels (nan when it is empty).

    The mass of the k largest pixels does not depend on which of several tied pixels are
    picked, so ties need no rule. A uniform map gives 1 - top; one hot pixel gives 0.
    """
    flat = np.asarray(attention_map, np.float64).ravel()
    mass = flat.sum()
    if not mass > 0:
        return float("nan")
    k = max(1, math.ceil(top * flat.size))
    top_mass = np.partition(flat, flat.size - k)[flat.size - k :].sum()
    return float(min(1.0, max(0.0, 1.0 - top_mass / mass)))


def _explain(name, probs, offsets, target, labels, patch) -> ModelMap:
    """One model's map from its predictions on the picture and its occluded copies."""
    if target is None:
        index = int(np.argmax(probs[0]))  # ties: the first class, deterministically
    else:
        index = labels.index(target) if isinstance(target, str) else int(target)
    drops = probs[0, index] - probs[1:, index]
    mass, peak = accumulate(drops, offsets, INPUT_SIZE, patch)
    p = float(probs[0, index])
    return ModelMap(name, labels[index], index, p, peak, mass, spread(mass))


def maps(
    predictors: dict[str, Predictor],
    picture: np.ndarray,
    target: str | int | None = None,
    labels: Sequence[str] = LABELS,
    patch: int = PATCH,
    stride: int = STRIDE,
    occluder: str = "blur",
) -> Attention:
    """Each model's occlusion map on an RGB uint8 picture of any size (explains its own top-1)."""
    x = to_input(picture, INPUT_SIZE)
    batch, offsets = occluded(x, patch, stride, occluder)
    labels = list(labels)
    out = tuple(
        _explain(name, np.asarray(fn(batch)), offsets, target, labels, patch)
        for name, fn in predictors.items()
    )
    return Attention(out, patch, stride, occluder)


def scale_top(attention: Attention) -> float:
    """The shared colour scale's top: the hotter of the two maps' hottest pixels."""
    return max(float(m.map.max()) for m in attention.models[:2])


def overlays(attention: Attention, picture: np.ndarray, size: int = 320) -> tuple[np.ndarray, ...]:
    """(first model, second model, first minus second) as RGB uint8 (size, size, 3) images.

    Both heat maps share one colour scale, so a concentrated map shows hotter peaks.
    """
    a, b = attention.models[:2]
    base = heat.dimmed(picture, size)
    vmax = scale_top(attention)
    return (
        heat.heat(base, a.map, vmax),
        heat.heat(base, b.map, vmax),
        heat.diverging(base, a.map - b.map),
    )


def on_mask(attention_map: np.ndarray, mask: np.ndarray) -> float:
    """Share of the map's mass on a (display-size) bool mask, e.g. the guitar's pixels."""
    small = cv2.resize(
        mask.astype(np.float32), attention_map.shape[::-1], interpolation=cv2.INTER_AREA
    )
    return float((attention_map * small).sum())


def measure(predictors: dict[str, Predictor], seed: int, n: int = 500, **kw) -> dict:
    """Mean and median spread (and mass on the guitar) per model over n fresh renders."""
    from engine.guitar import data

    spreads: dict[str, list[float]] = {name: [] for name in predictors}
    on_guitar: dict[str, list[float]] = {name: [] for name in predictors}
    for i in range(n):
        r = data.sample(seed, i, 128)
        for m in maps(predictors, r.image, **kw).models:
            spreads[m.name].append(m.spread)
            on_guitar[m.name].append(on_mask(m.map, r.mask) if m.map.sum() > 0 else math.nan)
    out = {"seed": seed, "n": n, "render_size": 128, "top": TOP}
    out |= {"patch": kw.get("patch", PATCH), "stride": kw.get("stride", STRIDE)}
    out["occluder"] = kw.get("occluder", "blur")
    for name in predictors:
        s = np.array(spreads[name])
        out[name] = {
            "spread_mean": round(float(np.nanmean(s)), 4),
            "spread_median": round(float(np.nanmedian(s)), 4),
            "on_guitar_mean": round(float(np.nanmean(on_guitar[name])), 4),
            "empty_maps": int(np.isnan(s).sum()),
        }
    return out


def panel(predictors: dict[str, Predictor], picture: np.ndarray, figure: dict | None = None):
    """The page's panel for one picture (kept here for callers; it lives in looks.py)."""
    from engine.guitar import looks  # looks imports this module: import it late

    return looks.panel(predictors, picture, figure)


def measured_note(figure: dict | None) -> str:
    """The card's measurement in words (kept here for callers; it lives in looks.py)."""
    from engine.guitar import looks

    return looks.measured_note(figure)
