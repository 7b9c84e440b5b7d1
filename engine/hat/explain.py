"""Why the hat chose a house, and how firmly: colour-cluster occlusion and a crop-jitter probe.

Explanation: a face's head-and-shoulders crop is quantised into a few colour clusters by a
deterministic k-means; each cluster in turn is painted neutral grey and the CNN scores every
variant in one batch. A cluster's contribution is how much the chosen house's probability drops
without it, so the numbers come from the model itself, not from the lore it was trained on.
Probe: each crop is re-cut N times with a seeded jitter of its position and zoom (one batch);
the share of jittered crops that keep the house says how firm the decision is.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

import numpy as np

from engine.hat import lore, sort
from engine.hat.faces import Box

# Colour clusters per crop: enough to separate skin, hair, background and two garment colours.
CLUSTERS = 6
# Lloyd iterations; a 64x64 crop's clusters settle well before this.
ITERATIONS = 12
# Grey the lore reads as no colour (saturation 0, value 0.5: below silver, above black).
NEUTRAL = (128, 128, 128)
# Seed candidates are colours of a 4-bit-per-channel grid covering at least this share of pixels,
# so a stray JPEG pixel never becomes a cluster of its own.
MIN_BIN_SHARE = 0.005
# Jittered crops per face, and their spread: the evaluation's "slightly shifted" range doubled,
# the wobble of a Haar box between neighbouring sensitivities.
PROBE_N = 20
PROBE_SHIFT = 0.16  # of the face width, each way
PROBE_ZOOM = 0.1  # each way
# A drop of the chosen house's probability this large shows a cluster at full strength.
HEAT_FLOOR = 0.1


@dataclass(frozen=True)
class Cluster:
    """One colour cluster of a crop and what greying it does to the chosen house."""

    rgb: tuple[int, int, int]  # mean colour of its pixels
    share: float  # of the crop's pixels
    name: str  # the lore's name for it ("scarlet", "silver", ...) or "other"
    drop: float  # chosen house's probability with it minus without it (positive: it helped)
    house_without: str  # the house the CNN picks once it is greyed


@dataclass(frozen=True)
class Explanation:
    """A face's colour clusters, most helpful first, and a per-pixel map of their drops."""

    house: str
    clusters: tuple[Cluster, ...]
    labels: np.ndarray  # (size, size) cluster index per pixel, into `clusters`
    lore_house: str  # what the lore itself says about this crop's shoulders
    probability: float = 1.0  # the house's probability with every colour in place


@dataclass(frozen=True)
class Probe:
    """How often jittered re-cuts of a face's crop keep its house."""

    house: str
    n: int
    kept: int  # jittered crops sorted into `house`
    counts: dict[str, int]  # jittered crops per house, in HOUSES order

    @property
    def share(self) -> float:
        """Share of jittered crops that keep the house."""
        return self.kept / self.n if self.n else 1.0


def quantise(crop: np.ndarray, k: int = CLUSTERS) -> tuple[np.ndarray, np.ndarray]:
    """Deterministic k-means of a crop's colours: (centres (k', 3) float, labels (H, W))."""
    x = crop.reshape(-1, 3).astype(np.float32)
    # Lloyd runs on the 4-bit colour bins (a few hundred, weighted by their pixel counts) rather
    # than on every pixel: the same clusters for flat garment colours, 10x less work.
    q = x.astype(np.int32) // 16
    _, inverse, counts = np.unique(
        q[:, 0] * 256 + q[:, 1] * 16 + q[:, 2], return_inverse=True, return_counts=True
    )
    means = np.stack([np.bincount(inverse, x[:, i]) for i in range(3)], 1) / counts[:, None]
    common = counts >= MIN_BIN_SHARE * len(x)
    seeds = means[common] if common.any() else means  # else pure noise: keep every bin
    seed_counts = counts[common] if common.any() else counts
    # Farthest-first from the most common colour: distinct garment colours each get a centre.
    centres = [seeds[int(np.argmax(seed_counts))]]
    while len(centres) < min(k, len(seeds)):
        d = np.min([((seeds - c) ** 2).sum(1) for c in centres], axis=0)
        centres.append(seeds[int(np.argmax(d))])
    c = np.array(centres)
    for _ in range(ITERATIONS):
        owner = _nearest(means, c)
        weight = np.bincount(owner, counts, len(c))
        total = np.stack([np.bincount(owner, counts * means[:, i], len(c)) for i in range(3)], 1)
        c = np.where(weight[:, None] > 0, total / np.maximum(weight, 1)[:, None], c)
    labels = _nearest(x, c)
    used = np.unique(labels)  # drop centres that lost every pixel
    remap = np.full(len(c), -1)
    remap[used] = np.arange(len(used))
    return c[used], remap[labels].reshape(crop.shape[:2])


def _nearest(x: np.ndarray, centres: np.ndarray) -> np.ndarray:
    """Index of the nearest centre for each row of x."""
    return np.argmin(((x[:, None, :] - centres[None]) ** 2).sum(2), axis=1)


def colour_name(pixels: np.ndarray) -> str:
    """The lore's name for a cluster's pixels when most of them match one, else "other"."""
    shares = lore.colour_shares(pixels)
    shares.pop("gold")  # the same pixels as yellow: the lore tells them apart only by context
    name, share = max(shares.items(), key=lambda kv: kv[1])
    return name if share >= 0.5 else "other"


def explain(crops: np.ndarray, model: Any) -> list[Explanation]:
    """Each crop's clusters and their drops, from ONE batched model call over every variant."""
    parts, batch = [], []
    for crop in crops:
        centres, labels = quantise(crop)
        batch.append(crop)
        for j in range(len(centres)):
            greyed = crop.copy()
            greyed[labels == j] = NEUTRAL  # the cluster gone, the rest of the crop untouched
            batch.append(greyed)
        parts.append((crop, labels, len(centres)))
    probs = sort.classify(model, np.stack(batch)) if batch else np.zeros((0, 4))
    out, at = [], 0
    for crop, labels, k in parts:
        p0, variants = probs[at], probs[at + 1 : at + 1 + k]
        at += 1 + k
        out.append(_explanation(crop, labels, p0, variants))
    return out


def _explanation(crop, labels, p0, variants) -> Explanation:
    """Rank one crop's clusters by how much the chosen house loses without them."""
    h = int(np.argmax(p0))
    clusters = []
    for j, p in enumerate(variants):
        pixels = crop[labels == j]
        clusters.append(
            Cluster(
                rgb=tuple(int(round(v)) for v in pixels.mean(0)),
                share=round(float(len(pixels) / labels.size), 4),
                name=colour_name(pixels),
                drop=round(float(p0[h] - p[h]), 4) + 0.0,  # + 0.0: no "-0.0" on the page
                house_without=lore.HOUSES[int(np.argmax(p))],
            )
        )
    order = sorted(range(len(clusters)), key=lambda j: (-clusters[j].drop, j))
    rank = np.empty(len(order), int)
    rank[order] = np.arange(len(order))
    return Explanation(
        house=lore.HOUSES[h],
        clusters=tuple(clusters[j] for j in order),
        labels=rank[labels],
        lore_house=lore.sort_crop(crop).house,
        probability=round(float(p0[h]), 4),
    )


def probe(
    image: np.ndarray, boxes: list[Box], model: Any, rng: np.random.Generator, n: int = PROBE_N
) -> list[Probe]:
    """Re-cut every face n times with a seeded jitter and sort them all in ONE batched call."""
    if not boxes or n <= 0:
        return []
    size = sort.input_size(model)
    u = rng.uniform(-1.0, 1.0, (len(boxes), n, 3))  # drawn in one go: same seed, same jitters
    shifts = u * (PROBE_SHIFT, PROBE_SHIFT, PROBE_ZOOM) + (0.0, 0.0, 1.0)
    crops = [
        sort.crop(image, b, size, tuple(s))
        for b, row in zip(boxes, shifts, strict=True)
        for s in row
    ]
    plain = np.stack([sort.crop(image, b, size) for b in boxes])
    probs = sort.classify(model, np.concatenate([plain, np.stack(crops)]))
    houses = probs.argmax(1)
    out = []
    for i in range(len(boxes)):
        mine = houses[len(boxes) + i * n : len(boxes) + (i + 1) * n]
        counts = {house: int((mine == j).sum()) for j, house in enumerate(lore.HOUSES)}
        house = lore.HOUSES[int(houses[i])]
        out.append(Probe(house, n, counts[house], counts))
    return out


@dataclass(frozen=True)
class Inspection:
    """A sorted photo with every face explained and probed: what the page shows."""

    sorting: sort.Sorting
    explanations: list[Explanation]
    probes: list[Probe]
    seed: int  # the probe's seed
    fingerprint: str  # short hash of every number above: equal means the same output


def inspect(
    image: np.ndarray, model: Any, sensitivity: float, seed: int, n: int = PROBE_N
) -> Inspection:
    """Sort a photo, explain each face's house and probe its stability with a seeded jitter."""
    sorting = sort.sort_photo(image, model, sensitivity)
    crops = np.stack([f.crop for f in sorting.faces]) if sorting.faces else np.zeros((0,))
    explanations = explain(crops, model)
    boxes = [f.box for f in sorting.faces]
    probes = probe(image, boxes, model, np.random.default_rng(seed), n)
    return Inspection(
        sorting, explanations, probes, seed, fingerprint(sorting, explanations, probes)
    )


def fingerprint(sorting: sort.Sorting, explanations: list[Explanation], probes: list[Probe]) -> str:
    """Short SHA-256 of every number the page shows for a photo."""
    numbers = {
        "faces": [f.as_dict() for f in sorting.faces],
        "clusters": [
            [(c.rgb, c.share, c.drop, c.house_without) for c in e.clusters] for e in explanations
        ],
        "probes": [p.counts for p in probes],
    }
    return hashlib.sha256(json.dumps(numbers, sort_keys=True).encode()).hexdigest()[:12]


def heat(crop: np.ndarray, explanation: Explanation) -> np.ndarray:
    """The crop with every pixel faded by how little its cluster helped the house."""
    drops = np.array([max(c.drop, 0.0) for c in explanation.clusters])
    # Scaled to the largest drop, but never below HEAT_FLOOR: tiny drops stay faded.
    w = (drops / max(drops.max(), HEAT_FLOOR))[explanation.labels][..., None]
    faded = crop.mean(2, keepdims=True) * 0.35 + 150  # a pale grey ghost of the crop
    return (w * crop + (1 - w) * faded).astype(np.uint8)


def swatch(rgb: tuple[int, int, int], side: int = 24) -> np.ndarray:
    """A square of one colour, for the page's cluster swatches."""
    return np.full((side, side, 3), rgb, np.uint8)
