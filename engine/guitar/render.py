"""Procedural guitar product shots: 13 classes of the write-up plus an out-of-class Duo-Sonic.

A guitar is drawn upright in a square local canvas (neck up, body down), from outlines given as
control points in body coordinates (u across the body in [-1, 1], bass side left; v down the
body in [0, 1]). Finish (solid, sunburst, natural wood), bevel shading, pickguard and hardware
are painted there, then the guitar is posed (rotation, scale, offset) onto a white shop or a
textured background with a soft shadow, and lightly blurred and JPEG-compressed.

Everything is drawn from one `numpy.random.Generator`, so the same generator state gives the
same picture at any size. `render(rng, size=320)` is the display picture; `to_input` shrinks it
to the model's input.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np
from PIL import Image, ImageDraw

# The write-up's 13 classes, in the models' label order.
LABELS: tuple[str, ...] = (
    "Stratocaster",
    "Telecaster",
    "Jazzmaster",
    "Jaguar",
    "Mustang",
    "Les Paul",
    "SG",
    "Flying V",
    "Explorer",
    "Firebird",
    "Semi-hollow",
    "Hollow (archtop)",
    "Acoustic",
)
# Rendered but never trained on: what does each model call a guitar it never saw?
OUT_OF_CLASS = "Duo-Sonic"
KINDS: tuple[str, ...] = (*LABELS, OUT_OF_CLASS)

INPUT_SIZE = 64  # the models' input side (pixels, RGB float32 in [0, 1])


@dataclass(frozen=True)
class Render:
    """One rendered product shot."""

    image: np.ndarray  # (size, size, 3) uint8 RGB
    mask: np.ndarray  # (size, size) bool: pixels of the guitar
    kind: str  # one of KINDS
    label: int  # index in LABELS, -1 for the out-of-class guitar


# ---------------------------------------------------------------------------------------------
# Geometry: body outlines as control points (u, v), smoothed by a closed Catmull-Rom spline.
# ---------------------------------------------------------------------------------------------


def _mirror(half: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Left half (neck side to bottom centre) mirrored into a closed symmetric outline."""
    right = [(-u, v) for u, v in reversed(half[:-1])]
    return half + right


OUTLINES: dict[str, list[tuple[float, float]]] = {
    "Stratocaster": [
        (-0.17, 0.28),
        (-0.24, 0.13),
        (-0.36, 0.01),
        (-0.52, 0.03),
        (-0.62, 0.18),
        (-0.70, 0.36),
        (-0.80, 0.50),
        (-0.98, 0.70),
        (-0.92, 0.90),
        (-0.60, 1.00),
        (0.0, 1.02),
        (0.60, 1.00),
        (0.92, 0.90),
        (0.98, 0.70),
        (0.82, 0.52),
        (0.80, 0.38),
        (0.68, 0.22),
        (0.52, 0.09),
        (0.38, 0.10),
        (0.27, 0.17),
        (0.17, 0.28),
    ],
    "Telecaster": [
        (-0.17, 0.10),
        (-0.50, 0.05),
        (-0.80, 0.10),
        (-0.92, 0.30),
        (-0.90, 0.55),
        (-0.98, 0.76),
        (-0.88, 0.94),
        (-0.50, 1.01),
        (0.0, 1.02),
        (0.50, 1.01),
        (0.88, 0.94),
        (0.98, 0.76),
        (0.92, 0.52),
        (0.86, 0.38),
        (0.62, 0.31),
        (0.36, 0.27),
        (0.17, 0.24),
    ],
    "Jazzmaster": [
        (-0.17, 0.24),
        (-0.30, 0.10),
        (-0.50, 0.01),
        (-0.70, 0.10),
        (-0.76, 0.30),
        (-0.74, 0.46),
        (-0.96, 0.62),
        (-1.00, 0.82),
        (-0.84, 0.97),
        (-0.40, 1.01),
        (0.10, 0.96),
        (0.55, 1.00),
        (0.92, 0.93),
        (1.02, 0.72),
        (0.90, 0.58),
        (0.88, 0.42),
        (0.80, 0.27),
        (0.60, 0.17),
        (0.40, 0.17),
        (0.27, 0.22),
        (0.17, 0.30),
    ],
    "Mustang": [
        (-0.17, 0.22),
        (-0.28, 0.10),
        (-0.46, 0.03),
        (-0.66, 0.12),
        (-0.72, 0.32),
        (-0.70, 0.48),
        (-0.90, 0.64),
        (-0.94, 0.84),
        (-0.78, 0.98),
        (-0.30, 1.01),
        (0.20, 0.97),
        (0.62, 0.99),
        (0.90, 0.88),
        (0.94, 0.68),
        (0.80, 0.52),
        (0.78, 0.36),
        (0.66, 0.24),
        (0.46, 0.17),
        (0.30, 0.20),
        (0.17, 0.28),
    ],
    "Les Paul": [
        (-0.17, 0.10),
        (-0.45, 0.04),
        (-0.74, 0.12),
        (-0.86, 0.30),
        (-0.80, 0.46),
        (-0.96, 0.66),
        (-0.90, 0.88),
        (-0.55, 1.00),
        (0.0, 1.02),
        (0.55, 1.00),
        (0.90, 0.88),
        (0.96, 0.66),
        (0.80, 0.46),
        (0.74, 0.33),
        (0.56, 0.28),
        (0.46, 0.18),
        (0.38, 0.06),
        (0.27, 0.08),
        (0.17, 0.18),
    ],
    "SG": _mirror(
        [
            (-0.17, 0.30),
            (-0.26, 0.17),
            (-0.44, 0.00),
            (-0.58, 0.10),
            (-0.66, 0.34),
            (-0.84, 0.54),
            (-0.92, 0.76),
            (-0.80, 0.95),
            (-0.48, 1.02),
            (0.0, 1.03),
        ]
    ),
    "Flying V": [
        (-0.16, 0.00),
        (-0.55, 0.45),
        (-0.97, 0.93),
        (-0.82, 1.03),
        (-0.12, 0.64),
        (0.0, 0.60),
        (0.12, 0.64),
        (0.82, 1.03),
        (0.97, 0.93),
        (0.55, 0.45),
        (0.16, 0.00),
    ],
    "Explorer": [
        (-0.17, 0.26),
        (-0.45, 0.36),
        (-0.75, 0.72),
        (-1.02, 1.04),
        (-0.55, 0.98),
        (-0.20, 0.84),
        (0.10, 0.92),
        (0.52, 0.86),
        (0.86, 0.56),
        (0.78, 0.36),
        (0.98, 0.02),
        (0.70, 0.00),
        (0.36, 0.14),
        (0.17, 0.20),
    ],
    "Semi-hollow": _mirror(
        [
            (-0.17, 0.24),
            (-0.30, 0.10),
            (-0.50, 0.04),
            (-0.70, 0.10),
            (-0.82, 0.28),
            (-0.80, 0.46),
            (-0.97, 0.66),
            (-0.92, 0.89),
            (-0.55, 1.00),
            (0.0, 1.02),
        ]
    ),
    "Hollow (archtop)": [
        (-0.17, 0.08),
        (-0.48, 0.02),
        (-0.78, 0.10),
        (-0.90, 0.28),
        (-0.82, 0.44),
        (-0.98, 0.66),
        (-0.92, 0.89),
        (-0.55, 1.00),
        (0.0, 1.02),
        (0.55, 1.00),
        (0.92, 0.89),
        (0.98, 0.66),
        (0.84, 0.46),
        (0.78, 0.32),
        (0.60, 0.26),
        (0.45, 0.18),
        (0.34, 0.08),
        (0.24, 0.10),
        (0.17, 0.16),
    ],
    "Acoustic": _mirror(
        [
            (-0.20, 0.0),
            (-0.56, 0.02),
            (-0.78, 0.14),
            (-0.78, 0.34),
            (-0.97, 0.60),
            (-0.94, 0.88),
            (-0.60, 1.00),
            (0.0, 1.02),
        ]
    ),
    "Duo-Sonic": [
        (-0.17, 0.20),
        (-0.30, 0.10),
        (-0.50, 0.05),
        (-0.70, 0.14),
        (-0.76, 0.34),
        (-0.74, 0.50),
        (-0.92, 0.66),
        (-0.92, 0.86),
        (-0.70, 0.99),
        (0.0, 1.01),
        (0.70, 0.99),
        (0.92, 0.86),
        (0.92, 0.66),
        (0.76, 0.48),
        (0.74, 0.32),
        (0.62, 0.20),
        (0.42, 0.15),
        (0.28, 0.19),
        (0.17, 0.26),
    ],
}
# Jaguar shares the offset outline, a little smaller; Firebird is the offset body reversed.
OUTLINES["Jaguar"] = [(u * 0.97, v) for u, v in OUTLINES["Jazzmaster"]]
OUTLINES["Firebird"] = [(-u, v * 1.02 - 0.02) for u, v in reversed(OUTLINES["Jazzmaster"])]

SHARP = {"Flying V", "Explorer"}  # outlines with corners: less smoothing

# Per kind: body half-width, body top (local y), nut y (short scale sits lower), headstock style.
LAYOUT: dict[str, tuple[float, float, float, str]] = {
    "Stratocaster": (0.165, 0.53, 0.17, "fender_big"),
    "Telecaster": (0.162, 0.53, 0.17, "fender_small"),
    "Jazzmaster": (0.175, 0.52, 0.17, "fender_big"),
    "Jaguar": (0.172, 0.51, 0.22, "fender_big"),
    "Mustang": (0.150, 0.54, 0.23, "fender_small"),
    "Les Paul": (0.168, 0.55, 0.19, "gibson"),
    "SG": (0.160, 0.54, 0.18, "gibson"),
    "Flying V": (0.215, 0.50, 0.18, "v"),
    "Explorer": (0.215, 0.50, 0.18, "hockey"),
    "Firebird": (0.180, 0.50, 0.17, "reverse"),
    "Semi-hollow": (0.205, 0.52, 0.17, "gibson"),
    "Hollow (archtop)": (0.215, 0.50, 0.16, "archtop"),
    "Acoustic": (0.215, 0.46, 0.15, "acoustic"),
    "Duo-Sonic": (0.150, 0.54, 0.23, "fender_small"),
}
BODY_BOTTOM = 0.975


def _spline(points: list[tuple[float, float]], samples: int = 8, sharp: bool = False) -> np.ndarray:
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


def _ellipse(cx: float, cy: float, rx: float, ry: float, angle: float = 0.0, n: int = 28):
    t = np.linspace(0, 2 * np.pi, n, endpoint=False)
    x, y = rx * np.cos(t), ry * np.sin(t)
    c, s = np.cos(angle), np.sin(angle)
    return np.stack([cx + c * x - s * y, cy + s * x + c * y], axis=1)


def _rect(cx: float, cy: float, w: float, h: float, angle: float = 0.0) -> np.ndarray:
    x = np.array([-w, w, w, -w]) / 2
    y = np.array([-h, -h, h, h]) / 2
    c, s = np.cos(angle), np.sin(angle)
    return np.stack([cx + c * x - s * y, cy + s * x + c * y], axis=1)


# ---------------------------------------------------------------------------------------------
# Colours
# ---------------------------------------------------------------------------------------------

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


def _jitter(rng: np.random.Generator, color, amount: float = 14.0) -> tuple[int, int, int]:
    c = np.asarray(color, dtype=np.float64) + rng.normal(0, amount, 3)
    return tuple(int(v) for v in np.clip(c, 0, 255))


# ---------------------------------------------------------------------------------------------
# The upright guitar
# ---------------------------------------------------------------------------------------------


class _Painter:
    """Draws on the upright local canvas in body coordinates."""

    def __init__(self, size: int, hw: float, top: float):
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
        w = max(1, int(round(width * self.L))) if outline is not None else 0
        ink = tuple(int(c) for c in fill) + (255,)
        edge = None if outline is None else tuple(int(c) for c in outline) + (255,)
        self.draw.polygon(self.xy(uv), fill=ink, outline=edge, width=w)

    def ppoly(self, pts, fill) -> None:
        self.draw.polygon(self.px(pts), fill=tuple(int(v) for v in fill) + (255,))

    def line(self, uv, fill, width: float) -> None:
        self.draw.line(
            self.xy(uv),
            fill=tuple(int(v) for v in fill) + (255,),
            width=max(1, int(round(width * self.L))),
        )

    def dot(self, u: float, v: float, r: float, fill) -> None:
        ((x, y),) = self.xy(np.array([[u, v]]))
        rr = max(0.6, r * self.L)
        self.draw.ellipse(
            (x - rr, y - rr, x + rr, y + rr), fill=tuple(int(c) for c in fill) + (255,)
        )

    def ring(self, u: float, v: float, r: float, fill, width: float) -> None:
        ((x, y),) = self.xy(np.array([[u, v]]))
        rr = r * self.L
        self.draw.ellipse(
            (x - rr, y - rr, x + rr, y + rr),
            outline=tuple(int(c) for c in fill) + (255,),
            width=max(1, int(round(width * self.L))),
        )


def _body_layer(rng, kind: str, size: int, hw: float, top: float, finish: str, color, wood):
    """RGBA float layer of the body: filled outline, finish, bevel shading."""
    outline = _spline(OUTLINES[kind], sharp=kind in SHARP)
    painter = _Painter(size, hw, top)
    mask_img = Image.new("L", (size, size), 0)
    ImageDraw.Draw(mask_img).polygon(painter.xy(outline), fill=255)
    mask = np.asarray(mask_img) > 127
    ys, xs = np.mgrid[0:size, 0:size].astype(np.float32) / size
    dist = cv2.distanceTransform(mask.astype(np.uint8), cv2.DIST_L2, 3) / size
    if finish == "sunburst":
        depth = np.clip(dist / (0.06 + rng.uniform(0, 0.03)), 0, 1)[..., None]
        centre = np.array(_jitter(rng, (230, 160, 50), 15), dtype=np.float32)
        edge = np.array(_jitter(rng, (40, 15, 8), 8), dtype=np.float32)
        mid = np.array(_jitter(rng, (170, 50, 20), 12), dtype=np.float32)
        rgb = np.where(
            depth < 0.5, edge + (mid - edge) * (depth * 2), mid + (centre - mid) * (depth * 2 - 1)
        )
    elif finish == "wood":
        base = np.array(wood, dtype=np.float32)
        freq = rng.uniform(60, 140)
        phase = rng.uniform(0, 6.28)
        wobble = np.sin(ys * rng.uniform(8, 20) + phase) * rng.uniform(0.01, 0.03)
        grain = np.sin((xs + wobble) * freq + np.sin(ys * 3 + phase) * 2)
        rgb = base * (1 + 0.09 * grain[..., None] - 0.05 * (grain[..., None] > 0.8))
    else:
        rgb = np.broadcast_to(np.array(color, dtype=np.float32), (size, size, 3)).copy()
    # Bevel: a height field rising from the edge; light from a random direction.
    height = np.sqrt(np.clip(dist / 0.025, 0, 1))
    gy, gx = np.gradient(height * 0.02 * size)
    lx, ly = np.cos(rng.uniform(0, 2 * np.pi)), np.sin(rng.uniform(0, 2 * np.pi))
    shade = 1.0 + 0.35 * (gx * lx + gy * ly) - 0.12 * (1 - height)
    glow = np.exp(-(((xs - 0.5 - 0.1 * lx) ** 2) + ((ys - 0.78 - 0.1 * ly) ** 2)) / 0.02)
    rgb = rgb * shade[..., None] + 40 * glow[..., None] * rng.uniform(0.2, 1.0)
    return np.clip(rgb, 0, 255), mask


def _headstock(p: _Painter, style: str, nut: float, neck_w: float, color, hardware, rng) -> None:
    """Headstock above the nut (local coordinates), tuners included."""
    x0 = 0.5
    top = max(0.02, nut - 0.15)
    h = nut - top
    hw = neck_w / 2
    tuners = []
    if style in ("fender_big", "fender_small"):
        big = 1.35 if style == "fender_big" else 1.0
        pts = np.array(
            [
                (x0 - hw, nut),
                (x0 - hw * 1.1, nut - h * 0.35),
                (x0 - hw * 1.9 * big, nut - h * 0.75),
                (x0 - hw * 1.6 * big, top),
                (x0 - hw * 0.4, top + h * 0.05),
                (x0 + hw * 1.2, nut - h * 0.55),
                (x0 + hw * 1.0, nut - h * 0.25),
                (x0 + hw, nut),
            ]
        )
        p.ppoly(pts, color)
        for i in range(6):
            tuners.append((x0 - hw * 1.45 * (big**0.5), nut - h * (0.12 + 0.14 * i)))
    elif style == "reverse":
        pts = np.array(
            [
                (x0 - hw, nut),
                (x0 - hw * 1.1, nut - h * 0.4),
                (x0 - hw * 0.6, top),
                (x0 + hw * 0.9, top + h * 0.12),
                (x0 + hw * 2.2, nut - h * 0.6),
                (x0 + hw * 1.4, nut - h * 0.2),
                (x0 + hw, nut),
            ]
        )
        p.ppoly(pts, color)
        for i in range(6):
            tuners.append((x0 + hw * (0.3 + 0.25 * i), nut - h * (0.88 - 0.12 * i)))
    elif style == "hockey":
        pts = np.array(
            [
                (x0 - hw, nut),
                (x0 - hw * 1.05, nut - h * 0.6),
                (x0 - hw * 2.6, top),
                (x0 - hw * 1.6, top - h * 0.05),
                (x0 + hw * 0.8, nut - h * 0.35),
                (x0 + hw, nut),
            ]
        )
        p.ppoly(pts, color)
        for i in range(6):
            tuners.append((x0 - hw * (0.3 + 0.33 * i), nut - h * (0.3 + 0.13 * i)))
    elif style == "v":
        pts = np.array(
            [
                (x0 - hw, nut),
                (x0 - hw * 1.7, top),
                (x0, top + h * 0.3),
                (x0 + hw * 1.7, top),
                (x0 + hw, nut),
            ]
        )
        p.ppoly(pts, color)
        for i in range(3):
            tuners.append((x0 - hw * (1.0 + 0.2 * i), nut - h * (0.25 + 0.25 * i)))
            tuners.append((x0 + hw * (1.0 + 0.2 * i), nut - h * (0.25 + 0.25 * i)))
    else:  # gibson open-book, archtop, acoustic: 3 + 3
        flare = {"gibson": 1.45, "archtop": 1.6, "acoustic": 1.3}[style]
        pts = np.array(
            [
                (x0 - hw, nut),
                (x0 - hw * flare, top + h * 0.1),
                (x0 - hw * flare * 0.8, top),
                (x0, top + h * (0.1 if style != "acoustic" else 0.0)),
                (x0 + hw * flare * 0.8, top),
                (x0 + hw * flare, top + h * 0.1),
                (x0 + hw, nut),
            ]
        )
        p.ppoly(pts, color)
        for i in range(3):
            y = nut - h * (0.25 + 0.25 * i)
            tuners.append((x0 - hw * flare * 1.05, y))
            tuners.append((x0 + hw * flare * 1.05, y))
    r = 0.011
    for tx, ty in tuners:
        p.draw.ellipse(
            ((tx - r) * p.L, (ty - r) * p.L, (tx + r) * p.L, (ty + r) * p.L),
            fill=tuple(int(c) for c in hardware) + (255,),
        )


def _humbucker(p: _Painter, u: float, v: float, w: float, h: float, cover, poles) -> None:
    p.poly(_rect(u, v, w, h), cover)
    for du in (-0.25, 0.25):
        p.poly(_rect(u, v + du * h * 0.9, w * 0.85, h * 0.28), poles)


def _single(p: _Painter, u: float, v: float, w: float, h: float, color, angle: float = 0.0) -> None:
    pts = _rect(u, v, w, h, angle)
    p.poly(pts, color)
    if p.L >= 96:  # pole pieces only where they can be seen
        for i in range(6):
            t = (i - 2.5) / 6.5
            cu = u + np.cos(angle) * t * w
            cv = v + np.sin(angle) * t * w * 0.5
            p.dot(cu, cv, 0.0025, (150, 150, 150))


def _hardware(rng, p: _Painter, kind: str, guard, hardware, cream) -> None:
    """Pickguard, pickups, bridge, knobs: the details that name the model."""
    knob = hardware if rng.random() < 0.5 else (30, 30, 30)
    amber = (190, 130, 40)
    if kind == "Stratocaster":
        p.poly(
            _spline(
                [
                    (-0.17, 0.22),
                    (-0.48, 0.26),
                    (-0.62, 0.46),
                    (-0.42, 0.60),
                    (-0.30, 0.82),
                    (0.05, 0.86),
                    (0.60, 0.94),
                    (0.74, 0.80),
                    (0.60, 0.58),
                    (0.50, 0.38),
                    (0.30, 0.24),
                    (0.17, 0.22),
                ]
            ),
            guard,
        )
        for v in (0.36, 0.50):
            _single(p, 0.0, v, 0.50, 0.065, cream)
        _single(p, 0.0, 0.65, 0.50, 0.065, cream, angle=-0.18)
        p.poly(_rect(0.0, 0.80, 0.56, 0.09), hardware)
        for u, v in ((0.42, 0.70), (0.55, 0.78), (0.62, 0.88)):
            p.dot(u, v, 0.011, cream)
    elif kind == "Telecaster":
        p.poly(
            _spline(
                [
                    (-0.17, 0.10),
                    (-0.55, 0.14),
                    (-0.66, 0.38),
                    (-0.50, 0.60),
                    (-0.25, 0.60),
                    (0.30, 0.55),
                    (0.55, 0.42),
                    (0.50, 0.30),
                    (0.17, 0.22),
                ]
            ),
            guard,
        )
        _single(p, 0.0, 0.40, 0.40, 0.08, CHROME)
        p.poly(
            _spline([(-0.40, 0.62), (0.40, 0.62), (0.42, 0.92), (-0.42, 0.92)], sharp=True), CHROME
        )
        _single(p, 0.0, 0.72, 0.46, 0.08, (25, 25, 25), angle=-0.12)
        plate = _rect(0.62, 0.72, 0.16, 0.44, angle=-0.35)
        p.poly(plate, CHROME)
        for v in (0.64, 0.80):
            p.dot(0.62 + (v - 0.72) * 0.35, v, 0.012, (40, 40, 40))
    elif kind in ("Jazzmaster", "Jaguar"):
        p.poly(
            _spline(
                [
                    (-0.17, 0.20),
                    (-0.50, 0.14),
                    (-0.66, 0.40),
                    (-0.62, 0.60),
                    (-0.80, 0.80),
                    (-0.40, 0.90),
                    (0.25, 0.82),
                    (0.75, 0.92),
                    (0.85, 0.70),
                    (0.70, 0.50),
                    (0.62, 0.30),
                    (0.30, 0.22),
                    (0.17, 0.24),
                ]
            ),
            guard,
        )
        if kind == "Jazzmaster":
            for v in (0.40, 0.60):
                _single(p, 0.0, v, 0.56, 0.13, cream)
            p.poly(_rect(-0.48, 0.25, 0.20, 0.10), hardware)
            for u, v in ((0.55, 0.72), (0.70, 0.80)):
                p.dot(u, v, 0.012, knob)
        else:
            for v in (0.40, 0.60):
                _single(p, 0.0, v, 0.46, 0.07, cream)
                p.poly(_rect(0.0, v, 0.50, 0.105), CHROME, outline=tuple(CHROME), width=0.003)
                _single(p, 0.0, v, 0.44, 0.06, cream)
            p.poly(_rect(-0.55, 0.28, 0.34, 0.10, angle=-0.3), CHROME)  # upper horn plate
            p.poly(_rect(0.52, 0.66, 0.46, 0.11, angle=-0.45), CHROME)  # lower control plate
            p.poly(_rect(0.62, 0.38, 0.08, 0.16, angle=0.3), CHROME)  # switch plate
            for u, v in ((0.42, 0.58), (0.62, 0.72)):
                p.dot(u, v, 0.011, knob)
        p.poly(_rect(0.0, 0.76, 0.30, 0.05), hardware)
        p.poly(_rect(0.0, 0.90, 0.34, 0.10), hardware)  # vibrato
    elif kind in ("Mustang", "Duo-Sonic"):
        if kind == "Mustang":
            p.poly(
                _spline(
                    [
                        (-0.17, 0.18),
                        (-0.50, 0.16),
                        (-0.60, 0.45),
                        (-0.70, 0.70),
                        (-0.30, 0.86),
                        (0.40, 0.80),
                        (0.70, 0.62),
                        (0.60, 0.32),
                        (0.30, 0.22),
                        (0.17, 0.22),
                    ]
                ),
                guard,
            )
            _single(p, 0.0, 0.40, 0.50, 0.075, cream, angle=0.2)
            _single(p, 0.0, 0.58, 0.50, 0.075, cream, angle=-0.2)
            for u in (-0.36, -0.24):
                p.poly(_rect(u, 0.27, 0.06, 0.10), (235, 235, 235))
            p.poly(_rect(0.55, 0.72, 0.30, 0.15, angle=-0.4), CHROME)
            p.poly(_rect(0.0, 0.80, 0.34, 0.10), hardware)
        else:  # Duo-Sonic: big anodised guard over most of the top, straight pickups
            p.poly(
                _spline(
                    [
                        (-0.17, 0.18),
                        (-0.55, 0.16),
                        (-0.66, 0.50),
                        (-0.72, 0.80),
                        (-0.30, 0.93),
                        (0.40, 0.93),
                        (0.78, 0.80),
                        (0.68, 0.40),
                        (0.40, 0.20),
                        (0.17, 0.22),
                    ]
                ),
                guard,
            )
            _single(p, 0.0, 0.44, 0.48, 0.07, cream)
            _single(p, 0.0, 0.62, 0.48, 0.07, cream, angle=-0.15)
            p.poly(_rect(0.0, 0.80, 0.40, 0.10), CHROME)
            p.poly(_rect(-0.45, 0.58, 0.06, 0.14), (235, 235, 235))
        for u, v in ((0.52, 0.66), (0.64, 0.78)):
            p.dot(u, v, 0.011, knob)
    elif kind == "Les Paul":
        p.poly(
            _spline([(0.20, 0.22), (0.45, 0.30), (0.52, 0.50), (0.35, 0.62), (0.20, 0.45)]), guard
        )
        cover = hardware if rng.random() < 0.6 else (25, 25, 25)
        for v in (0.38, 0.60):
            _humbucker(
                p, 0.0, v, 0.42, 0.13, cover, (60, 60, 60) if cover is not hardware else cover
            )
        p.poly(_rect(0.0, 0.70, 0.42, 0.035), hardware)
        p.poly(_rect(0.0, 0.78, 0.40, 0.035), hardware)
        for u, v in ((0.45, 0.70), (0.70, 0.74), (0.52, 0.86), (0.76, 0.90)):
            p.dot(u, v, 0.012, amber)
        p.dot(-0.60, 0.20, 0.010, cream)
    elif kind == "SG":
        p.poly(
            _spline(
                [
                    (-0.17, 0.30),
                    (-0.50, 0.42),
                    (-0.55, 0.58),
                    (-0.30, 0.72),
                    (0.20, 0.80),
                    (0.55, 0.76),
                    (0.60, 0.58),
                    (0.40, 0.44),
                    (0.17, 0.30),
                ]
            ),
            guard,
        )
        for v in (0.40, 0.58):
            _humbucker(p, 0.0, v, 0.42, 0.13, hardware, hardware)
        p.poly(_rect(0.0, 0.68, 0.42, 0.035), hardware)
        p.poly(_rect(0.0, 0.76, 0.40, 0.035), hardware)
        for u, v in ((0.42, 0.74), (0.60, 0.70), (0.48, 0.86), (0.66, 0.82)):
            p.dot(u, v, 0.012, amber)
    elif kind == "Flying V":
        p.poly(
            _spline(
                [
                    (-0.20, 0.10),
                    (-0.62, 0.62),
                    (-0.40, 0.66),
                    (0.0, 0.50),
                    (0.40, 0.66),
                    (0.62, 0.62),
                    (0.20, 0.10),
                ]
            ),
            guard,
        )
        for v in (0.20, 0.34):
            _humbucker(p, 0.0, v, 0.30, 0.09, hardware, hardware)
        p.poly(_rect(0.0, 0.44, 0.30, 0.03), hardware)
        p.poly(_rect(0.0, 0.56, 0.12, 0.08), hardware)
        for i in range(3):
            p.dot(0.55 + 0.1 * i, 0.72 + 0.09 * i, 0.012, knob)
    elif kind == "Explorer":
        p.poly(
            _spline(
                [
                    (-0.17, 0.26),
                    (-0.50, 0.42),
                    (-0.60, 0.70),
                    (-0.20, 0.75),
                    (0.40, 0.70),
                    (0.60, 0.42),
                    (0.40, 0.25),
                    (0.17, 0.22),
                ]
            ),
            guard,
        )
        for v in (0.36, 0.52):
            _humbucker(p, 0.0, v, 0.32, 0.10, hardware, hardware)
        p.poly(_rect(0.0, 0.62, 0.32, 0.03), hardware)
        p.poly(_rect(0.0, 0.70, 0.30, 0.03), hardware)
        for i in range(3):
            p.dot(-0.62 - 0.08 * i, 0.78 + 0.08 * i, 0.012, knob)
    elif kind == "Firebird":
        stripe = np.array(p_wood_stripe_color(rng), dtype=np.float64)
        p.poly(_rect(0.0, 0.50, 0.40, 1.02), stripe)
        p.poly(
            _spline([(-0.40, 0.38), (-0.62, 0.35), (-0.75, 0.55), (-0.55, 0.75), (-0.42, 0.70)]),
            guard,
        )
        for v in (0.36, 0.55):
            _humbucker(p, 0.0, v, 0.30, 0.10, hardware, hardware)
        p.poly(_rect(0.0, 0.66, 0.30, 0.03), hardware)
        p.poly(_rect(0.0, 0.75, 0.28, 0.035), hardware)
        for u, v in ((-0.55, 0.60), (-0.55, 0.72), (-0.70, 0.66), (-0.70, 0.78)):
            p.dot(u, v, 0.012, knob)
    elif kind in ("Semi-hollow", "Hollow (archtop)"):
        fh = (22, 14, 10)
        for side in (-1, 1):
            u = side * 0.62
            p.poly(_ellipse(u, 0.56, 0.06, 0.20, angle=side * 0.08), fh)
            p.dot(u, 0.37, 0.010, fh)
            p.dot(u, 0.75, 0.010, fh)
        if kind == "Semi-hollow":
            p.poly(
                _spline([(0.20, 0.26), (0.42, 0.36), (0.46, 0.52), (0.30, 0.55), (0.20, 0.40)]),
                guard,
            )
            for v in (0.36, 0.54):
                _humbucker(p, 0.0, v, 0.34, 0.10, hardware, hardware)
            p.poly(_rect(0.0, 0.63, 0.34, 0.03), hardware)
            p.poly(_rect(0.0, 0.71, 0.32, 0.03), hardware)
            for u, v in ((0.40, 0.76), (0.58, 0.72), (0.46, 0.88), (0.64, 0.84)):
                p.dot(u, v, 0.011, amber)
        else:
            p.poly(
                _spline([(0.20, 0.22), (0.55, 0.36), (0.62, 0.66), (0.45, 0.72), (0.22, 0.45)]),
                guard,
            )
            _humbucker(p, 0.0, 0.34, 0.30, 0.09, hardware, hardware)
            if rng.random() < 0.6:
                _humbucker(p, 0.0, 0.50, 0.30, 0.09, hardware, hardware)
            p.poly(_rect(0.0, 0.66, 0.28, 0.035), (60, 35, 20))
            p.poly(np.array([(-0.10, 0.82), (0.10, 0.82), (0.16, 0.99), (-0.16, 0.99)]), hardware)
            for u, v in ((0.60, 0.80), (0.72, 0.86)):
                p.dot(u, v, 0.011, amber)
    elif kind == "Acoustic":
        p.ring(0.0, 0.30, 0.052, (40, 25, 15), 0.006)
        p.dot(0.0, 0.30, 0.040, (12, 8, 6))
        p.poly(
            _spline([(0.12, 0.26), (0.40, 0.30), (0.50, 0.46), (0.30, 0.55), (0.15, 0.42)]),
            (60, 25, 15),
        )
        p.poly(_rect(0.0, 0.70, 0.46, 0.06), (40, 22, 14))
        p.poly(_rect(0.0, 0.70, 0.32, 0.012), (235, 230, 215))


def p_wood_stripe_color(rng: np.random.Generator) -> tuple[int, int, int]:
    """The Firebird's neck-through centre stripe: natural mahogany."""
    return _jitter(rng, (150, 85, 45), 12)


def _guitar(rng: np.random.Generator, kind: str, size: int) -> tuple[np.ndarray, np.ndarray]:
    """Upright guitar on a transparent square canvas: (RGB float, alpha float in [0, 1])."""
    hw0, top0, nut0, head = LAYOUT[kind]
    hw = hw0 * 1.1 * rng.uniform(0.94, 1.06)
    top = top0 + rng.uniform(-0.015, 0.015)
    nut = nut0 + rng.uniform(-0.01, 0.01)
    # Finish: what the class usually wears, but any class may wear any finish.
    r = rng.random()
    usual = {
        "Les Paul": ("sunburst", 0.5),
        "Acoustic": ("wood", 0.7),
        "Hollow (archtop)": ("sunburst", 0.5),
        "Semi-hollow": ("sunburst", 0.3),
        "SG": ("solid", 0.6),
        "Firebird": ("sunburst", 0.3),
    }.get(kind, ("solid", 0.5))
    finish = usual[0] if r < usual[1] else ("solid", "sunburst", "wood")[int(rng.integers(3))]
    color = _jitter(rng, SOLIDS[int(rng.integers(len(SOLIDS)))], 12)
    if kind == "SG" and finish == "solid" and rng.random() < 0.6:
        color = _jitter(rng, (140, 20, 25), 10)
    wood = _jitter(rng, WOODS[int(rng.integers(len(WOODS)))], 10)
    guard = _jitter(rng, GUARDS[int(rng.integers(len(GUARDS)))], 6)
    if kind == "Duo-Sonic":
        guard = _jitter(rng, (200, 170, 90), 10)  # anodised aluminium
    board = _jitter(rng, BOARDS[int(rng.integers(len(BOARDS)))], 8)
    hardware = _jitter(rng, CHROME if rng.random() < 0.75 else GOLD, 6)
    cream = _jitter(rng, (240, 235, 215) if rng.random() < 0.7 else (25, 25, 25), 6)

    body_rgb, body_mask = _body_layer(rng, kind, size, hw, top, finish, color, wood)
    painter = _Painter(size, hw, top)
    # Neck and headstock first (under the body), then the body, then hardware on top.
    neck_w = 0.046 * rng.uniform(0.92, 1.08)
    neck_bottom = top + 0.22 * (BODY_BOTTOM - top)
    head_color = (
        color
        if (finish == "solid" and kind in ("Stratocaster", "Jaguar", "Firebird"))
        else (
            (25, 22, 20)
            if kind in ("Les Paul", "SG", "Flying V", "Explorer", "Semi-hollow", "Hollow (archtop)")
            else wood
        )
    )
    _headstock(painter, head, nut, neck_w, head_color, hardware, rng)
    painter.ppoly(_rect(0.5, (nut + neck_bottom) / 2, neck_w * 1.08, neck_bottom - nut), board)
    neck_rgba = np.asarray(painter.img, dtype=np.float32)
    rgb = neck_rgba[..., :3].copy()
    alpha = neck_rgba[..., 3] / 255.0
    body = body_mask.astype(np.float32)
    rgb = rgb * (1 - body[..., None]) + body_rgb * body[..., None]
    alpha = np.maximum(alpha, body)

    # Upper neck (over the body where the neck joins), frets and hardware.
    painter = _Painter(size, hw, top)
    join = top + (0.30 if kind != "Acoustic" else 0.02) * (BODY_BOTTOM - top)
    if kind == "Firebird":
        join = top + 0.05 * (BODY_BOTTOM - top)
    painter.ppoly(_rect(0.5, (nut + join) / 2, neck_w, join - nut), board)
    fret_light = (200, 200, 195)
    if size >= 96:
        scale = join - nut
        for i in range(1, 22):
            y = nut + scale * (1 - 2 ** (-i / 12)) * 1.35
            if y >= join:
                break
            x0, x1 = (0.5 - neck_w / 2) * size, (0.5 + neck_w / 2) * size
            painter.draw.line((x0, y * size, x1, y * size), fill=fret_light + (255,), width=1)
    painter.ppoly(_rect(0.5, nut, neck_w * 1.05, 0.006), (235, 230, 215))
    _hardware(rng, painter, kind, guard, hardware, cream)
    # Strings: nut to bridge.
    bridge_v = {"Acoustic": 0.70, "Hollow (archtop)": 0.95, "Flying V": 0.50}.get(kind, 0.78)
    ((bx, by),) = painter.xy(np.array([[0.0, bridge_v]]))
    for i in range(6):
        t = (i - 2.5) / 6
        x_top = (0.5 + t * neck_w * 0.8) * size
        x_bot = bx + t * neck_w * 1.1 * size
        painter.draw.line((x_top, nut * size, x_bot, by), fill=(215, 215, 215, 200), width=1)
    over = np.asarray(painter.img, dtype=np.float32)
    # Pickguards and plates never hang over the body's edge; only the neck leaves the body.
    cols = np.abs(np.arange(size) / size - 0.5) <= neck_w * 0.6
    rows = np.arange(size) / size <= join
    inside = body_mask | (rows[:, None] & cols[None, :])
    a = over[..., 3:4] / 255.0 * inside[..., None]
    rgb = rgb * (1 - a) + over[..., :3] * a
    alpha = np.maximum(alpha, a[..., 0])
    return rgb, alpha


# ---------------------------------------------------------------------------------------------
# Scene: background, pose, shadow, camera
# ---------------------------------------------------------------------------------------------


def _background(rng: np.random.Generator, size: int) -> np.ndarray:
    ys, xs = np.mgrid[0:size, 0:size].astype(np.float32) / size
    style = rng.random()
    if style < 0.45:  # white shop backdrop
        base = rng.uniform(228, 255)
        tint = rng.normal(0, 3, 3)
        grad = rng.uniform(-12, 4) * ys
        bg = np.stack([base + tint[i] + grad for i in range(3)], axis=-1)
    elif style < 0.65:  # wooden floor / wall planks
        wood = np.array(_jitter(rng, WOODS[int(rng.integers(len(WOODS)))], 20), dtype=np.float32)
        angle = rng.uniform(0, np.pi)
        t = xs * np.cos(angle) + ys * np.sin(angle)
        planks = np.floor(t * rng.uniform(4, 9))
        shade = (np.sin(planks * 12.9898) * 43758.5453) % 1.0
        grain = np.sin(
            (xs * np.sin(angle) - ys * np.cos(angle)) * rng.uniform(80, 160) + planks * 3
        )
        bg = wood * (0.85 + 0.2 * shade[..., None] + 0.05 * grain[..., None])
        edges = (np.abs((t * 6.5) % 1.0 - 0.5) > 0.48)[..., None]
        bg = np.where(edges, bg * 0.7, bg)
    elif style < 0.85:  # painted wall, gradient and noise
        c1 = np.array(_jitter(rng, rng.uniform(60, 230, 3), 0), dtype=np.float32)
        c2 = c1 * rng.uniform(0.6, 1.1)
        t = (xs * rng.uniform(-1, 1) + ys * rng.uniform(-1, 1) + 1) / 2
        bg = c1 + (c2 - c1) * t[..., None]
        small = rng.normal(0, 1, (max(4, size // 8), max(4, size // 8), 3)).astype(np.float32)
        bg = bg + cv2.resize(small, (size, size), interpolation=cv2.INTER_CUBIC) * rng.uniform(
            4, 14
        )
    else:  # fabric / carpet: coloured fine noise
        c = np.array(rng.uniform(30, 200, 3), dtype=np.float32)
        noise = rng.normal(0, 1, (size, size, 1)).astype(np.float32)
        weave = np.sin(xs * size * 1.3) * np.sin(ys * size * 1.3)
        bg = c * (1 + 0.12 * noise + 0.06 * weave[..., None])
    return np.clip(bg, 0, 255).astype(np.float32)


def render(
    rng: np.random.Generator,
    kind: str | int | None = None,
    size: int = 320,
    camera: bool = True,
) -> Render:
    """One product shot of `kind` (name, label index, or None: a random class of the 13)."""
    if kind is None:
        kind = LABELS[int(rng.integers(len(LABELS)))]
    elif isinstance(kind, (int, np.integer)):
        kind = LABELS[int(kind)]
    if kind not in KINDS:
        raise ValueError(f"unknown guitar '{kind}' (known: {', '.join(KINDS)})")
    rgb, alpha = _guitar(rng, kind, size)
    bg = _background(rng, size)

    # Pose: mostly upright, sometimes tilted; the guitar fills most of the frame height.
    angle = rng.normal(0, 14) if rng.random() < 0.85 else rng.uniform(-40, 40)
    if rng.random() < 0.5:
        angle = -angle
    scale = rng.uniform(0.80, 1.0)
    shift = rng.uniform(-0.06, 0.06, 2) * size
    matrix = cv2.getRotationMatrix2D((size / 2, size / 2), angle, scale)
    matrix[:, 2] += shift
    rgb_w = cv2.warpAffine(rgb, matrix, (size, size), flags=cv2.INTER_LINEAR)
    alpha_w = cv2.warpAffine(alpha, matrix, (size, size), flags=cv2.INTER_LINEAR)

    # Soft shadow cast onto the backdrop, then the lit guitar.
    light = rng.uniform(0.8, 1.15)
    offset = rng.uniform(0.005, 0.025, 2) * size
    shadow_m = np.float32([[1, 0, offset[0]], [0, 1, offset[1]]])
    shadow = cv2.warpAffine(alpha_w, shadow_m, (size, size))
    k = max(3, int(size * 0.03) | 1)
    shadow = cv2.GaussianBlur(shadow, (k, k), 0) * rng.uniform(0.25, 0.55)
    out = bg * (1 - shadow[..., None])
    a = alpha_w[..., None]
    out = out * (1 - a) + np.clip(rgb_w * light, 0, 255) * a
    if camera:
        if rng.random() < 0.6:
            sigma = rng.uniform(0.2, 1.2) * size / 320
            out = cv2.GaussianBlur(out, (0, 0), sigma)
        out = out + rng.normal(0, rng.uniform(0, 4), out.shape).astype(np.float32)
    image = np.clip(out, 0, 255).astype(np.uint8)
    if camera and rng.random() < 0.5:
        quality = int(rng.integers(40, 95))
        ok, buf = cv2.imencode(".jpg", image[..., ::-1], [cv2.IMWRITE_JPEG_QUALITY, quality])
        image = cv2.imdecode(buf, cv2.IMREAD_COLOR)[..., ::-1].copy()
    label = LABELS.index(kind) if kind in LABELS else -1
    return Render(image=image, mask=alpha_w > 0.5, kind=kind, label=label)


def to_input(image: np.ndarray, size: int = INPUT_SIZE) -> np.ndarray:
    """An RGB uint8 picture of any size -> the models' (size, size, 3) float32 input in [0, 1]."""
    img = np.asarray(image)
    if img.ndim == 2:
        img = np.repeat(img[..., None], 3, axis=2)
    img = img[..., :3]
    h, w = img.shape[:2]
    side = max(h, w)
    if h != w:  # pad to a square with the edge colour, keeping the whole picture
        pad = np.full((side, side, 3), np.median(img.reshape(-1, 3), axis=0), dtype=np.uint8)
        y0, x0 = (side - h) // 2, (side - w) // 2
        pad[y0 : y0 + h, x0 : x0 + w] = img
        img = pad
    small = cv2.resize(img, (size, size), interpolation=cv2.INTER_AREA)
    return small.astype(np.float32) / 255.0


def sample_grid(seed: int = 0, size: int = 160, kinds: tuple[str, ...] = KINDS) -> np.ndarray:
    """One render of each kind side by side (for eyeballing and the page)."""
    rng = np.random.default_rng(seed)
    tiles = [render(rng, k, size=size).image for k in kinds]
    return np.concatenate(tiles, axis=1)
