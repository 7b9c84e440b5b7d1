"""Incremental rendering into the model's uint8 NHWC input: redraw only what a candidate changed.

A search candidate differs from the current best in ~3 of ~57 genes, so most of its ellipses
and most of its pixels are the best's. The canvas keeps the best's picture and each ellipse's
coverage, and per candidate re-composites only the box its changed ellipses touch (old and new
place), from the background up through every ellipse in order. The float operations per pixel
are exactly those of ellipses.render, so the pixels are identical to a full redraw.
"""

from __future__ import annotations

import numpy as np

from engine.perception.ellipses import Drawing, Layout, _coverage

# Coverage arrays kept between calls (keyed by exact geometry); a batch needs ~8 + 64 of them.
CACHE_LIMIT = 4096
Box = tuple[int, int, int, int]  # y0, y1, x0, x1


class Canvas:
    """Renders gene batches at one size into uint8 (B, H, W, 3), reusing unchanged ellipses."""

    def __init__(self, layout: Layout, height: int, width: int):
        self.layout, self.height, self.width = layout, height, width
        self._side = float(min(height, width))
        self._cache: dict[bytes, tuple[Box | None, np.ndarray | None]] = {}
        self._base_genes: np.ndarray | None = None
        self._base: tuple[np.ndarray, np.ndarray, np.ndarray, list] | None = None
        self.redrawn = 0  # pixels re-composited since creation (for the bench)
        self.drawn = 0  # pictures produced since creation

    def render(self, genes: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
        """uint8 pictures (B, H, W, 3) of gene vectors (B, size), written into out if given."""
        g = np.atleast_2d(np.asarray(genes, dtype=np.float32))
        out = np.empty((len(g), self.height, self.width, 3), np.uint8) if out is None else out
        self._rebase(g)
        drawing = self.layout.decode(g)
        looks, rgb = _looks(drawing), drawing.colours()
        base_looks, base_bg, base_u8, base_cov = self._base
        for i in range(len(g)):
            changed = np.flatnonzero(np.any(looks[i] != base_looks, axis=1))
            same_bg = bool(np.array_equal(drawing.background[i], base_bg))
            coverage = [
                base_cov[k]
                if not (looks[i, k] != base_looks[k]).any()
                else self._coverage(looks[i, k])
                for k in range(len(base_cov))
            ]
            out[i] = base_u8
            box = self._dirty(changed, coverage, base_cov) if same_bg else self._full()
            if box is not None:
                y0, y1, x0, x1 = box
                patch = _composite(box, drawing.background[i], rgb[i], coverage)
                out[i, y0:y1, x0:x1] = _quantise(patch).transpose(1, 2, 0)
                self.redrawn += (y1 - y0) * (x1 - x0)
        self.drawn += len(g)
        if len(self._cache) > CACHE_LIMIT:
            self._cache.clear()
        return out

    def _full(self) -> Box:
        return (0, self.height, 0, self.width)

    def _rebase(self, g: np.ndarray) -> None:
        """Make the batch's common ancestor the base: per gene, the value most rows share."""
        # A search batch perturbs ~5 % of genes per row, so each gene's median is the best's
        # exact value; for unrelated rows (a random start) the base is merely a poor guess.
        base = np.median(g, axis=0).astype(np.float32) if len(g) > 2 else g[0]
        if self._base_genes is not None and np.array_equal(base, self._base_genes):
            return
        drawing = self.layout.decode(base)
        looks = _looks(drawing)[0]
        cov = [self._coverage(look) for look in looks]
        full = _composite(self._full(), drawing.background[0], drawing.colours()[0], cov)
        picture = np.ascontiguousarray(_quantise(full).transpose(1, 2, 0)).astype(np.uint8)
        self._base_genes, self._base = base, (looks, drawing.background[0], picture, cov)

    def _coverage(self, look: np.ndarray):
        """(box, alpha) of one ellipse from its look row, cached by exact geometry."""
        key = look[:5].tobytes()
        hit = self._cache.get(key)
        if hit is None:
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

    def _dirty(self, changed: np.ndarray, coverage: list, base_cov: list) -> Box | None:
        """The union of the old and new boxes of the changed ellipses, or None."""
        boxes = [c[0] for k in changed for c in (coverage[k], base_cov[k]) if c[0] is not None]
        if not boxes:
            return None
        b = np.array(boxes)
        return (int(b[:, 0].min()), int(b[:, 1].max()), int(b[:, 2].min()), int(b[:, 3].max()))


def _span(s: slice) -> tuple[int, int]:
    return int(s.start), int(s.stop)


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


def _composite(box: Box, background: np.ndarray, rgb: np.ndarray, coverage: list) -> np.ndarray:
    """Float planes (3, h, w) of one box: background, then each ellipse blended in order."""
    y0, y1, x0, x1 = box
    patch = np.empty((3, y1 - y0, x1 - x0), np.float32)  # channel planes, as render does
    patch[:] = np.asarray(background, np.float32)[:, None, None]
    for k, (ebox, alpha) in enumerate(coverage):
        if ebox is None:
            continue
        ty0, ty1, tx0, tx1 = max(y0, ebox[0]), min(y1, ebox[1]), max(x0, ebox[2]), min(x1, ebox[3])
        if ty0 >= ty1 or tx0 >= tx1:
            continue
        a = alpha[ty0 - ebox[0] : ty1 - ebox[0], tx0 - ebox[2] : tx1 - ebox[2]]
        for c in range(3):
            plane = patch[c, ty0 - y0 : ty1 - y0, tx0 - x0 : tx1 - x0]
            plane += a * (rgb[k, c].astype(np.float32) - plane)
    return patch
