"""N ellipses as a flat gene vector in [0, 1], and an anti-aliased numpy renderer for batches."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from engine.search import Space

# Genes per ellipse: centre x, centre y, radius x, radius y, angle, colour choice.
ELLIPSE_GENES = 6
# Radii as a fraction of the shorter image side: below 3 % an ellipse is a dot at 64 px,
# above half it covers the whole picture and the background stops mattering.
R_MIN, R_MAX = 0.03, 0.5
# The write-up drew on OpenCV's white canvas when the search was not allowed to pick one.
FIXED_BACKGROUND = (1.0, 1.0, 1.0)


@dataclass(frozen=True)
class Layout:
    """How a gene vector maps to a drawing: how many ellipses, colours and whose background."""

    n_ellipses: int = 8  # the write-up's choice: few enough to stay abstract
    colours: int = 2  # palette size shared by all ellipses; 0 = free colour per ellipse
    background: bool = True  # True: the search picks the background; False: fixed white

    @property
    def palette_size(self) -> int:
        """Colours in the palette: the shared palette, or one per ellipse when free."""
        return self.colours if self.colours > 0 else self.n_ellipses

    @property
    def size(self) -> int:
        """Length of the gene vector."""
        return self.n_ellipses * ELLIPSE_GENES + self.palette_size * 3 + 3

    def mutable(self) -> np.ndarray:
        """Which genes the search may change (the background only when allowed)."""
        mask = np.ones(self.size, dtype=bool)
        if self.colours == 0:
            mask[ELLIPSE_GENES - 1 : self.n_ellipses * ELLIPSE_GENES : ELLIPSE_GENES] = False
        if not self.background:
            mask[-3:] = False
        return mask

    def space(self) -> Space:
        """The gene box the search moves in: angles wrap, everything else is clipped."""
        wraps = np.zeros(self.size, dtype=bool)
        wraps[4 : self.n_ellipses * ELLIPSE_GENES : ELLIPSE_GENES] = True
        return Space(self.size, self.mutable(), wraps)

    def random(self, rng: np.random.Generator, batch: int = 1) -> np.ndarray:
        """Uniformly random genes (batch, size); a fixed background stays white."""
        genes = rng.random((batch, self.size), dtype=np.float32)
        if not self.background:
            genes[:, -3:] = FIXED_BACKGROUND
        return genes

    def decode(self, genes: np.ndarray) -> Drawing:
        """Turn genes (batch, size) or (size,) into ellipse parameters and colours."""
        g = np.atleast_2d(np.asarray(genes, dtype=np.float32))
        if g.shape[1] != self.size:
            raise ValueError(f"expected {self.size} genes, got {g.shape[1]}")
        n, p = self.n_ellipses, self.palette_size
        e = g[:, : n * ELLIPSE_GENES].reshape(-1, n, ELLIPSE_GENES)
        palette = g[:, n * ELLIPSE_GENES : n * ELLIPSE_GENES + p * 3].reshape(-1, p, 3)
        if self.colours > 0:
            index = np.minimum((e[:, :, 5] * p).astype(np.int64), p - 1)
        else:
            index = np.broadcast_to(np.arange(n), e.shape[:2])
        background = g[:, -3:] if self.background else np.tile(FIXED_BACKGROUND, (len(g), 1))
        return Drawing(
            centres=e[:, :, 0:2],
            radii=R_MIN + e[:, :, 2:4] * (R_MAX - R_MIN),
            angles=e[:, :, 4] * np.pi,
            colour_index=index,
            palette=palette,
            background=background.astype(np.float32),
        )


@dataclass(frozen=True)
class Drawing:
    """Decoded parameters of a batch of drawings; coordinates are fractions of the image."""

    centres: np.ndarray  # (B, N, 2) x, y as fractions of width and height
    radii: np.ndarray  # (B, N, 2) as fractions of the shorter side
    angles: np.ndarray  # (B, N) radians, counter-clockwise from the x axis
    colour_index: np.ndarray  # (B, N) which palette colour each ellipse uses
    palette: np.ndarray  # (B, P, 3) RGB in [0, 1]
    background: np.ndarray  # (B, 3) RGB in [0, 1]

    def colours(self) -> np.ndarray:
        """Each ellipse's RGB colour, (B, N, 3)."""
        return np.take_along_axis(self.palette, self.colour_index[:, :, None], axis=1)

    def to_json(self, i: int = 0) -> dict[str, Any]:
        """One drawing as plain JSON: what someone needs to redraw it elsewhere."""
        rgb = self.colours()[i]
        items = [
            {
                "centre": [round(float(v), 5) for v in self.centres[i, k]],
                "radii": [round(float(v), 5) for v in self.radii[i, k]],
                "angle_degrees": round(float(np.degrees(self.angles[i, k])), 3),
                "colour": _hex(rgb[k]),
            }
            for k in range(self.centres.shape[1])
        ]
        return {
            "units": "centre: fraction of width/height; radii: fraction of the shorter side",
            "background": _hex(self.background[i]),
            "palette": [_hex(c) for c in self.palette[i]],
            "ellipses": items,
        }


def _hex(rgb: np.ndarray) -> str:
    """An RGB triple in [0, 1] as #rrggbb."""
    r, g, b = (int(round(float(np.clip(v, 0, 1)) * 255)) for v in rgb)
    return f"#{r:02x}{g:02x}{b:02x}"


def render(drawing: Drawing, height: int, width: int) -> np.ndarray:
    """Paint every drawing in order onto its background: (B, H, W, 3) float32 in [0, 1]."""
    b, n = drawing.angles.shape
    side = float(min(height, width))
    out = np.empty((b, 3, height, width), dtype=np.float32)  # channels first: contiguous planes
    out[:] = drawing.background[:, :, None, None]
    rgb = drawing.colours().astype(np.float32)
    for k in range(n):
        box, alpha = _shared_coverage(drawing, k, height, width, side)
        if alpha is None:
            continue
        for c in range(3):
            plane = out[:, c, box[0], box[1]]
            plane += alpha * (rgb[:, k, c, None, None] - plane)
    return out.transpose(0, 2, 3, 1)


def _shared_coverage(d: Drawing, k: int, height: int, width: int, side: float):
    """Coverage (B, h, w) of ellipse k and its box, computed once per distinct geometry.

    A search batch perturbs a few genes of one drawing, so most candidates share most
    ellipses exactly; their coverage is computed once and gathered.
    """
    geometry = np.column_stack(
        [
            d.centres[:, k, 0] * width,
            d.centres[:, k, 1] * height,
            d.radii[:, k, 0] * side,
            d.radii[:, k, 1] * side,
            d.angles[:, k],
        ]
    )
    if len(geometry) == 1:  # one picture (display, one-at-a-time scoring): nothing to share
        return _coverage(*geometry.T, height, width)
    unique, inverse = np.unique(geometry, axis=0, return_inverse=True)
    if len(unique) == len(geometry):  # nothing shared (np.unique sorts: keep batch order)
        return _coverage(*geometry.T, height, width)
    box, alpha = _coverage(*unique.T, height, width)
    return box, (None if alpha is None else alpha[inverse.ravel()])


def _coverage(cx, cy, rx, ry, angle, height: int, width: int):
    """Anti-aliased coverage of ellipses (pixel units) inside the box they all fit in.

    Coverage is 0.5 minus the signed distance to the rim in pixels (f / |grad f|, exact near
    the rim); the box is the union of the ellipses' bounding boxes, clipped to the image.
    """
    cos, sin = np.cos(angle), np.sin(angle)
    ex = np.sqrt((rx * cos) ** 2 + (ry * sin) ** 2) + 1.0  # half extents, plus the soft rim
    ey = np.sqrt((rx * sin) ** 2 + (ry * cos) ** 2) + 1.0
    x0, x1 = max(int(np.floor((cx - ex).min())), 0), min(int(np.ceil((cx + ex).max())), width)
    y0, y1 = max(int(np.floor((cy - ey).min())), 0), min(int(np.ceil((cy + ey).max())), height)
    if x0 >= x1 or y0 >= y1:
        return None, None
    col = lambda a: a.astype(np.float32)[:, None, None]  # noqa: E731
    dx = np.arange(x0, x1, dtype=np.float32)[None, None, :] + 0.5 - col(cx)
    dy = np.arange(y0, y1, dtype=np.float32)[None, :, None] + 0.5 - col(cy)
    u = dx * col(cos / rx) + dy * col(sin / rx)  # (B, h, w) in units of the radii
    v = dy * col(cos / ry) - dx * col(sin / ry)
    f = u * u
    f += v * v
    f -= 1.0
    u *= col(1.0 / rx)
    v *= col(1.0 / ry)
    u *= u
    v *= v
    u += v
    np.sqrt(u, out=u)
    u *= 2.0
    u += 1e-6
    f /= u
    np.subtract(0.5, f, out=f)
    np.clip(f, 0.0, 1.0, out=f)
    return (slice(y0, y1), slice(x0, x1)), f


def to_uint8(images: np.ndarray) -> np.ndarray:
    """Float pictures in [0, 1] to uint8 for display and PNG."""
    return np.clip(np.rint(images * 255.0), 0, 255).astype(np.uint8)
