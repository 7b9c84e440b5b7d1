"""The guitar page's shareable state: guitar, render seed and the drawing, packed into a URL.

The drawing travels as its strokes (width, colour, points), simplified to within a pixel and
quantised to whole canvas pixels. The models always score the strokes after that round trip, so
whoever opens a link scores exactly the picture its sender scored, not a near copy.
"""

from __future__ import annotations

import base64
import binascii
import zlib
from collections.abc import Mapping
from dataclasses import dataclass

import cv2
import numpy as np

from engine import links
from engine.guitar.canvas import css_colour, object_points

MAX_SEED = 999_999
MAX_LINK = 1800  # characters of packed drawing; longer links break in some chat apps
VERSION = b"\x01"  # first byte of a packed drawing, so the format can change later
SIMPLIFY = 1.0  # pixels: points closer than this to the simplified stroke are dropped


@dataclass(frozen=True)
class Stroke:
    """One canvas stroke in canvas pixels."""

    width: int  # brush diameter
    rgb: tuple[int, int, int]
    points: tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class State:
    """What a link pins down; None means the link did not say (the page uses its default)."""

    kind: str | None = None  # a guitar kind, or None for "surprise me"
    seed: int | None = None
    drawing: str | None = None  # packed strokes, see pack()


def strokes(json_data: dict | None) -> list[Stroke]:
    """The canvas's Fabric objects as simplified, whole-pixel strokes (invisible ones dropped)."""
    out = []
    for obj in (json_data or {}).get("objects", []) or []:
        r, g, b, a = css_colour(obj.get("stroke"))
        width = int(round(float(obj.get("strokeWidth", 1) or 1)))
        if a == 0 or not 1 <= width <= 255:
            continue
        for pts in object_points(obj):
            line = np.round(pts).astype(np.int32).reshape(-1, 1, 2)
            if len(line) > 2:
                line = cv2.approxPolyDP(line, SIMPLIFY, False)
            xy = np.clip(line.reshape(-1, 2), 0, 65535)
            out.append(Stroke(width, (r, g, b), tuple((int(x), int(y)) for x, y in xy)))
    return out


def draw(items: list[Stroke], height: int, width: int) -> np.ndarray:
    """Strokes -> an (height, width, 4) RGBA layer, drawn as the canvas draws free hand."""
    layer = np.zeros((height, width, 4), dtype=np.uint8)
    for s in items:
        colour = (*s.rgb, 255)
        pts = np.array(s.points, dtype=np.int32)
        if len(pts) == 1:
            cv2.circle(layer, (int(pts[0, 0]), int(pts[0, 1])), s.width // 2, colour, -1)
        else:
            line = pts.reshape(-1, 1, 2)
            cv2.polylines(layer, [line], False, colour, s.width, lineType=cv2.LINE_AA)
    return layer


def pack(items: list[Stroke]) -> str:
    """Strokes -> a URL-safe string: header, then int16 point deltas, deflated."""
    parts = [np.array([len(items)], "<u2").tobytes()]
    for s in items:
        parts.append(np.array([s.width, *s.rgb], "u1").tobytes())
        pts = np.array(s.points, dtype=np.int64).reshape(-1, 2)
        deltas = np.diff(pts, axis=0, prepend=np.zeros((1, 2), np.int64))
        parts.append(np.array([len(pts)], "<u2").tobytes())
        parts.append(np.clip(deltas, -32768, 32767).astype("<i2").tobytes())
    raw = VERSION + b"".join(parts)
    return base64.urlsafe_b64encode(zlib.compress(raw, 9)).decode().rstrip("=")


def unpack(text: str) -> list[Stroke]:
    """The inverse of pack(); raises ValueError on anything that is not a packed drawing."""
    try:
        raw = zlib.decompressobj().decompress(
            base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)), 1 << 20
        )
    except (binascii.Error, zlib.error, ValueError) as exc:
        raise ValueError("not a packed drawing") from exc
    if raw[:1] != VERSION or len(raw) < 3:
        raise ValueError("unknown drawing format")
    view, at = memoryview(raw), 1
    count = int(np.frombuffer(view[at : at + 2], "<u2")[0])
    at, out = at + 2, []
    for _ in range(count):
        if at + 6 > len(raw):
            raise ValueError("truncated drawing")
        width, r, g, b = (int(v) for v in view[at : at + 4])
        n = int(np.frombuffer(view[at + 4 : at + 6], "<u2")[0])
        at += 6
        if n == 0 or at + 4 * n > len(raw):
            raise ValueError("truncated drawing")
        deltas = np.frombuffer(view[at : at + 4 * n], "<i2").reshape(n, 2).astype(np.int64)
        at += 4 * n
        pts = np.cumsum(deltas, axis=0)
        out.append(Stroke(width, (r, g, b), tuple((int(x), int(y)) for x, y in pts)))
    if at != len(raw):
        raise ValueError("trailing bytes in drawing")
    return out


def fabric(items: list[Stroke]) -> dict:
    """Strokes as the canvas's Fabric JSON (its `initial_drawing`), round caps like free hand."""
    objects = []
    for s in items:
        cmds = [["M" if i == 0 else "L", x, y] for i, (x, y) in enumerate(s.points)]
        if len(cmds) == 1:  # a dot: Fabric draws nothing for a single-point path
            cmds.append(["L", s.points[0][0] + 0.01, s.points[0][1]])
        objects.append(
            {
                "type": "Path",
                "path": cmds,
                "stroke": "#{:02x}{:02x}{:02x}".format(*s.rgb),
                "strokeWidth": s.width,
                "strokeLineCap": "round",
                "strokeLineJoin": "round",
                "fill": None,
            }
        )
    return {"version": "6.0.0", "objects": objects}


def parse(params: Mapping[str, str], kinds: list[str]) -> State:
    """Read a link's query parameters; missing or malformed values fall back to defaults."""
    kind = params.get("guitar")
    seed = links.whole(params.get("seed"), MAX_SEED)
    drawing = params.get("drawing")
    if drawing is not None:
        try:
            unpack(drawing)
        except ValueError:
            drawing = None
    return State(kind if kind in kinds else None, seed, drawing)


def params(state: State) -> dict[str, str]:
    """The query parameters for a state (only what it pins down)."""
    out = {}
    if state.kind is not None:
        out["guitar"] = state.kind
    if state.seed is not None:
        out["seed"] = str(state.seed)
    if state.drawing is not None:
        out["drawing"] = state.drawing
    return out


def linkable(items: list[Stroke]) -> str | None:
    """The packed drawing if it fits in a link (None when there is nothing or too much)."""
    if not items:
        return None
    packed = pack(items)
    return packed if len(packed) <= MAX_LINK else None
