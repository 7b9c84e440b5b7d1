"""Drawing primitives: spline outlines, rectangles, ellipses, the palette and the painter."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw

from engine.guitar.draw.shapes import BODY_BOTTOM


def spline(points: list[tuple[float, float]], samples: int = 8, sharp: bool = False) -> np.ndarray:
    """Closed Catmull-Rom curve through the control points."""
    p = np.asarray(points, dtype=np.float64)
    n = len(p)
    tension = 0.25 if sharp else 0.5
    out = []
    t = np.linspace(0, 1, samples, endpoint=False)[:, None]
    for i in range(n):
        p0, p1, p2, p3 = p[i - 1], p[i], p[(i + 1) % n], p[(i + 2) % n]
        m1 = (p2 - p0) * tension
        m2 = (p3 - p1) * tension
        h00 = 2 * t**3 - 3 * t**2 + 1
        h10 = t**3 - 2 * t**2 + t
        h01 = -2 * t**3 + 3 * t**2
        h11 = t**3 - t**2
        out.append(h00 * p1 + h10 * m1 + h01 * p2 + h11 * m2)
    return np.concatenate(out)


def ellipse(cx: float, cy: float, rx: float, ry: float, angle: float = 0.0, n: int = 28):
    """Closed polygon of an ellipse, rotated by `angle` radians."""
    t = np.linspace(0, 2 * np.pi, n, endpoint=False)
    x, y = rx * np.cos(t), ry * np.sin(t)
    c, s = np.cos(angle), np.sin(angle)
    return np.stack([cx + c * x - s * y, cy + s * x + c * y], axis=1)


def rect(cx: float, cy: float, w: float, h: float, angle: float = 0.0) -> np.ndarray:
    """Corners of a w x h rectangle centred on (cx, cy), rotated by `angle` radians."""
    x = np.array([-w, w, w, -w]) / 2
    y = np.array([-h, -h, h, h]) / 2
    c, s = np.cos(angle), np.sin(angle)
    return np.stack([cx + c * x - s * y, cy + s * x + c * y], axis=1)


SOLIDS = [
    (200, 20, 30),
    (20, 20, 22),
    (238, 236, 225),
    (120, 170, 200),
    (130, 190, 160),
    (150, 20, 30),
    (215, 175, 60),
    (40, 60, 140),
    (235, 120, 40),
    (90, 90, 95),
    (240, 210, 200),
    (30, 110, 60),
    (190, 200, 205),
    (100, 30, 90),
]
WOODS = [(200, 150, 90), (170, 110, 60), (225, 185, 130), (140, 80, 40), (190, 130, 70)]
GUARDS = [(245, 245, 240), (20, 20, 20), (120, 50, 30), (235, 225, 200), (200, 200, 205)]
BOARDS = [(60, 35, 25), (35, 25, 20), (225, 190, 130)]
CHROME = np.array([205, 208, 212])
GOLD = np.array([210, 175, 90])


def jitter(rng: np.random.Generator, color, amount: float = 14.0) -> tuple[int, int, int]:
    """A colour varied a little, so no two guitars share exact paint."""
    c = np.asarray(color, dtype=np.float64) + rng.normal(0, amount, 3)
    return tuple(int(v) for v in np.clip(c, 0, 255))


class Painter:
    """Draws on the upright local canvas in body coordinates."""

    def __init__(self, size: int, hw: float, top: float):
        """A transparent size x size canvas; the body spans half-width hw from local y top."""
        self.L = size
        self.hw = hw
        self.top = top
        self.img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
        self.draw = ImageDraw.Draw(self.img)

    def xy(self, uv: np.ndarray) -> list[tuple[float, float]]:
        """Body (u, v) to local pixels."""
        uv = np.asarray(uv, dtype=np.float64)
        x = (0.5 + uv[:, 0] * self.hw) * self.L
        y = (self.top + uv[:, 1] * (BODY_BOTTOM - self.top)) * self.L
        return list(zip(x.tolist(), y.tolist(), strict=True))

    def px(self, points: np.ndarray) -> list[tuple[float, float]]:
        """Local (x, y) in [0, 1] to local pixels."""
        p = np.asarray(points, dtype=np.float64) * self.L
        return list(zip(p[:, 0].tolist(), p[:, 1].tolist(), strict=True))

    def poly(self, uv, fill, outline=None, width: float = 0.0) -> None:
        """Filled polygon in body coordinates, optionally outlined."""
        w = max(1, int(round(width * self.L))) if outline is not None else 0
        ink = tuple(int(c) for c in fill) + (255,)
        edge = None if outline is None else tuple(int(c) for c in outline) + (255,)
        self.draw.polygon(self.xy(uv), fill=ink, outline=edge, width=w)

    def ppoly(self, pts, fill) -> None:
        """Filled polygon in local coordinates."""
        self.draw.polygon(self.px(pts), fill=tuple(int(v) for v in fill) + (255,))

    def line(self, uv, fill, width: float) -> None:
        """Polyline in body coordinates."""
        self.draw.line(
            self.xy(uv),
            fill=tuple(int(v) for v in fill) + (255,),
            width=max(1, int(round(width * self.L))),
        )

    def dot(self, u: float, v: float, r: float, fill) -> None:
        """Filled disc at (u, v), never smaller than about a pixel."""
        ((x, y),) = self.xy(np.array([[u, v]]))
        rr = max(0.6, r * self.L)
        self.draw.ellipse(
            (x - rr, y - rr, x + rr, y + rr), fill=tuple(int(c) for c in fill) + (255,)
        )

    def ring(self, u: float, v: float, r: float, fill, width: float) -> None:
        """Circle outline at (u, v)."""
        ((x, y),) = self.xy(np.array([[u, v]]))
        rr = r * self.L
        self.draw.ellipse(
            (x - rr, y - rr, x + rr, y + rr),
            outline=tuple(int(c) for c in fill) + (255,),
            width=max(1, int(round(width * self.L))),
        )
