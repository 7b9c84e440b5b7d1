"""Incremental rendering into the model's uint8 NHWC input: redraw only what a candidate changed.

A search candidate differs from the current best in ~3 of ~57 genes, so most of its ellipses
and most of its pixels are the best's. The canvas keeps, for the best, its picture, each
ellipse's coverage and every prefix of its layering (the background plus the first k
ellipses, in float). A candidate whose lowest changed ellipse is k starts from prefix k and
re-composites only the boxes its changed ellipses touch (old and new place), from ellipse k
up. The float operations per pixel are exactly those of ellipses.render, so the pixels are
identical to a full redraw.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass

import cv2
import numpy as np

from engine.perception.ellipses import Drawing, Layout, _coverage

# Coverage arrays kept between calls (keyed by exact geometry), least recently used dropped
# first. A search iteration makes ~140 new ones, and the only one used again is the next
# best's, from the last iteration: a long cache only costs memory (a 30 s search filled
# 4,096 arrays of up to 200 KB and ran 15 % slower for it).
CACHE_LIMIT = 256
Box = tuple[int, int, int, int]  # y0, y1, x0, x1
Coverage = tuple[Box | None, np.ndarray | None]  # an ellipse's box and its alpha inside it


@dataclass
class _Base:
    """The drawing candidates are compared with: its looks, layers and finished picture."""

    looks: np.ndarray  # (N, 8) pixel geometry and RGB per ellipse
    background: np.ndarray  # (3,) RGB
    coverage: list[Coverage]  # per ellipse
    prefixes: np.ndarray  # (N + 1, 3, H, W) float32: prefix k = background + ellipses < k
    picture: np.ndarray  # (H, W, 3) uint8


class Canvas:
    """Renders gene batches at one size into uint8 (B, H, W, 3), reusing unchanged ellipses."""

    def __init__(self, layout: Layout, height: int, width: int):
        self.layout, self.height, self.width = layout, height, width
        self._side = float(min(height, width))
        self._cache: OrderedDict[bytes, Coverage] = OrderedDict()
        self._base_genes: np.ndarray | None = None
        self._base: _Base | None = None
        self._scratch = np.empty(3 * height * width, np.float32)
        self._blend_scratch = np.empty(3 * height * width, np.float32)  # one layer's update
        self.redrawn = 0  # pixels re-composited since creation (for the bench)
        self.drawn = 0  # pictures produced since creation

    def render(self, genes: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
        """uint8 pictures (B, H, W, 3) of gene vectors (B, size), written into out if given."""
        g = np.atleast_2d(np.asarray(genes, dtype=np.float32))
        out = np.empty((len(g), self.height, self.width, 3), np.uint8) if out is None else out
        if not out.flags.c_contiguous:
            raise ValueError("out must be C-contiguous (it is filled as flat rows)")
        base = self._rebase(g)
        drawing = self.layout.decode(g)
        looks, rgb = _looks(drawing), drawing.colours().astype(np.float32)
        differs = np.any(looks != base.looks[None], axis=2)  # (B, N) which ellipses changed
        same_bg = np.all(drawing.background == base.background[None], axis=1)
        out.reshape(len(g), -1)[:] = base.picture.reshape(-1)  # flat rows: a plain memcpy
        for i in np.flatnonzero(differs.any(axis=1) | ~same_bg):
            changed = np.flatnonzero(differs[i])
            coverage = list(base.coverage)
            for k in changed:
                coverage[k] = self._coverage(looks[i, k])
            if not same_bg[i]:
                self._draw(out[i], _full_box(self), -1, drawing.background[i], rgb[i], coverage)
                continue
            for box, first in self._regions(changed, coverage, base.coverage):
                self._draw(out[i], box, first, None, rgb[i], coverage)
        self.drawn += len(g)
        while len(self._cache) > CACHE_LIMIT:
            self._cache.popitem(last=False)
        return out

    def _draw(self, out, box: Box, first: int, background, rgb, coverage) -> None:
        """Composite one box from prefix `first` (-1: the background) and write it as uint8."""
        y0, y1, x0, x1 = box
        # A contiguous view of one reused buffer: no allocation (page faults) per patch.
        patch = self._scratch[: 3 * (y1 - y0) * (x1 - x0)].reshape(3, y1 - y0, x1 - x0)
        if first < 0:
            patch[:] = np.asarray(background, np.float32)[:, None, None]
            first = 0
        else:
            np.copyto(patch, self._base.prefixes[first, :, y0:y1, x0:x1])
        _blend(patch, box, rgb, coverage, first, self._blend_scratch)
        # Planes to interleaved RGB: cast to uint8 first, then OpenCV's merge (~5x numpy's).
        out[y0:y1, x0:x1] = cv2.merge(list(_quantise(patch).astype(np.uint8)))
        self.redrawn += (y1 - y0) * (x1 - x0)

    def _regions(self, changed, coverage, base_cov) -> list[tuple[Box, int]]:
        """Boxes to redraw, each with the lowest changed ellipse that reaches into it."""
        spans = [(k, _union(coverage[k][0], base_cov[k][0])) for k in changed]
        spans = [(k, b) for k, b in spans if b is not None]
        if not spans:
            return []
        whole = _union(*(b for _, b in spans))
        if sum(_area(b) for _, b in spans) >= _area(whole) or len(spans) == 1:
            return [(whole, int(min(k for k, _ in spans)))]
        # Separate boxes cost less: each starts at the lowest changed ellipse it overlaps.
        return [(b, int(min(j for j, o in spans if _meets(b, o)))) for _, b in spans]

    def _rebase(self, g: np.ndarray) -> _Base:
        """Make the batch's common ancestor the base: per gene, the value most rows share."""
        # A search batch perturbs ~5 % of genes per row, so each gene's median is the best's
        # exact value; for unrelated rows (a random start) the base is merely a poor guess.
        base = np.median(g, axis=0).astype(np.float32) if len(g) > 2 else g[0]
        if self._base_genes is not None and np.array_equal(base, self._base_genes):
            return self._base
        drawing = self.layout.decode(base)
        looks, rgb = _looks(drawing)[0], drawing.colours()[0].astype(np.float32)
        cov = [self._coverage(look) for look in looks]
        layers = np.empty((len(cov) + 1, 3, self.height, self.width), np.float32)
        layers[0] = np.asarray(drawing.background[0], np.float32)[:, None, None]
        for k in range(len(cov)):
            layers[k + 1] = layers[k]
            _blend(layers[k + 1], _full_box(self), rgb, cov, k, self._blend_scratch, k + 1)
        picture = cv2.merge(list(_quantise(layers[-1].copy()).astype(np.uint8)))  # (H, W, 3)
        self._base_genes = base
        self._base = _Base(looks, drawing.background[0], cov, layers, picture)
        return self._base

    def _coverage(self, look: np.ndarray) -> Coverage:
        """(box, alpha) of one ellipse from its look row, cached by exact geometry."""
        key = look[:5].tobytes()
        hit = self._cache.get(key)
        if hit is not None:
            self._cache.move_to_end(key)
        else:
            v = [np.array([x], dtype=np.float32) for x in look[:5]]
            # Pixel units computed exactly as ellipses.render does (float32 times a Python number).
            cx, cy, rx, ry = (
                v[0] * self.width,
                v[1] * self.height,
                v[2] * self._side,
                v[3] * self._side,
            )
            slices, alpha = _coverage(cx, cy, rx, ry, v[4], self.height, self.width)
            box = None if slices is None else (*_span(slices[0]), *_span(slices[1]))
            hit = self._cache[key] = (box, None if alpha is None else alpha[0])
        return hit


def _full_box(c: Canvas) -> Box:
    return (0, c.height, 0, c.width)


def _span(s: slice) -> tuple[int, int]:
    return int(s.start), int(s.stop)


def _union(*boxes: Box | None) -> Box | None:
    """The smallest box holding every given box (None entries ignored), or None."""
    b = [x for x in boxes if x is not None]
    if not b:
        return None
    return (min(x[0] for x in b), max(x[1] for x in b), min(x[2] for x in b), max(x[3] for x in b))


def _area(b: Box) -> int:
    return (b[1] - b[0]) * (b[3] - b[2])


def _meets(a: Box, b: Box) -> bool:
    """Whether two boxes share a pixel."""
    return a[0] < b[1] and b[0] < a[1] and a[2] < b[3] and b[2] < a[3]


def _looks(d: Drawing) -> np.ndarray:
    """Per ellipse (B, N, 8): pixel geometry as ellipses.render computes it, then its RGB."""
    return np.concatenate(
        [
            d.centres[:, :, 0:1],
            d.centres[:, :, 1:2],
            d.radii,
            d.angles[:, :, None],
            d.colours(),
        ],
        axis=2,
    ).astype(np.float32)


def _quantise(planes: np.ndarray) -> np.ndarray:
    """ellipses.to_uint8's rounding, in place on contiguous planes (strided is ~5x slower)."""
    planes *= 255.0
    np.rint(planes, out=planes)
    return np.clip(planes, 0, 255, out=planes)  # the caller's assignment casts to uint8


def _blend(
    patch, box: Box, rgb, coverage: list, first: int, scratch: np.ndarray, stop: int | None = None
) -> None:
    """Blend ellipses first..stop-1 into float planes (3, h, w) covering box, in order."""
    y0, y1, x0, x1 = box
    for k in range(first, len(coverage) if stop is None else stop):
        ebox, alpha = coverage[k]
        if ebox is None:
            continue
        ty0, ty1, tx0, tx1 = max(y0, ebox[0]), min(y1, ebox[1]), max(x0, ebox[2]), min(x1, ebox[3])
        if ty0 >= ty1 or tx0 >= tx1:
            continue
        a = alpha[ty0 - ebox[0] : ty1 - ebox[0], tx0 - ebox[2] : tx1 - ebox[2]]
        plane = patch[:, ty0 - y0 : ty1 - y0, tx0 - x0 : tx1 - x0]
        # Per element the same float32 ops as render's loop (colour - plane, times alpha, plus
        # plane), into a reused buffer: a fresh (3, h, w) temporary per layer cost page faults.
        tmp = scratch[: plane.size].reshape(plane.shape)
        np.subtract(rgb[k][:, None, None], plane, out=tmp)
        tmp *= a[None]
        plane += tmp
