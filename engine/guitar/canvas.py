"""Fabric.js canvas objects as geometry (colours, point lists) and the layer-over-picture blend."""

from __future__ import annotations

from typing import Any

import cv2
import numpy as np


def css_colour(value: Any) -> tuple[int, int, int, int]:
    """A CSS colour as Fabric writes it (#rrggbb, #rgb, rgb(), rgba()) -> RGBA."""
    s = str(value or "").strip().lower()
    try:
        if s.startswith("#"):
            h = s[1:]
            if len(h) in (3, 4):
                h = "".join(c * 2 for c in h)
            r, g, b = (int(h[i : i + 2], 16) for i in (0, 2, 4))
            a = int(h[6:8], 16) if len(h) == 8 else 255
            return r, g, b, a
        if s.startswith("rgb"):
            parts = [p.strip() for p in s[s.index("(") + 1 : s.index(")")].split(",")]
            r, g, b = (int(float(p)) for p in parts[:3])
            a = int(float(parts[3]) * 255) if len(parts) > 3 else 255
            return r, g, b, a
    except (ValueError, IndexError):
        pass
    named = {
        "black": (0, 0, 0),
        "white": (255, 255, 255),
        "red": (255, 0, 0),
        "green": (0, 128, 0),
        "blue": (0, 0, 255),
        "yellow": (255, 255, 0),
    }
    return (*named.get(s, (0, 0, 0)), 255) if s not in ("", "transparent", "none") else (0, 0, 0, 0)


def object_points(obj: dict) -> list[np.ndarray]:
    """Canvas-space polylines of one Fabric object (paths, lines, rects, circles)."""
    kind = str(obj.get("type", "")).lower()
    sx, sy = float(obj.get("scaleX", 1) or 1), float(obj.get("scaleY", 1) or 1)
    left, top = float(obj.get("left", 0) or 0), float(obj.get("top", 0) or 0)
    if kind == "path":
        pts = []
        for cmd in obj.get("path") or []:
            if len(cmd) >= 3:
                pts.append((float(cmd[-2]), float(cmd[-1])))
        if not pts:
            return []
        p = np.array(pts, dtype=np.float64)
        offset = obj.get("pathOffset")
        if offset:  # Fabric places the path's centre at the object's centre
            sw = float(obj.get("strokeWidth", 0) or 0)
            w, h = float(obj.get("width", 0) or 0), float(obj.get("height", 0) or 0)
            cx = left + (w + sw) * sx / 2
            cy = top + (h + sw) * sy / 2
            p = (p - [float(offset["x"]), float(offset["y"])]) * [sx, sy] + [cx, cy]
        return [p]
    if kind == "line":
        x1, y1 = float(obj.get("x1", 0)), float(obj.get("y1", 0))
        x2, y2 = float(obj.get("x2", 0)), float(obj.get("y2", 0))
        cx, cy = left + abs(x2 - x1) * sx / 2, top + abs(y2 - y1) * sy / 2
        return [np.array([[cx + x1 * sx, cy + y1 * sy], [cx + x2 * sx, cy + y2 * sy]])]
    if kind in ("rect", "labeledrect"):
        w, h = float(obj.get("width", 0)) * sx, float(obj.get("height", 0)) * sy
        return [np.array([[left, top], [left + w, top], [left + w, top + h], [left, top + h]])]
    if kind == "circle":
        r = float(obj.get("radius", 0))
        t = np.linspace(0, 2 * np.pi, 32)
        return [np.stack([left + r * sx * (1 + np.cos(t)), top + r * sy * (1 + np.sin(t))], 1)]
    return []


def compose(background: np.ndarray, drawing: np.ndarray | None) -> np.ndarray:
    """Lay an RGBA drawing (any size; stretched to fit) over the RGB background."""
    bg = np.asarray(background)[..., :3]
    if drawing is None:
        return bg.copy()
    h, w = bg.shape[:2]
    if drawing.shape[:2] != (h, w):
        drawing = cv2.resize(drawing, (w, h), interpolation=cv2.INTER_AREA)
    a = drawing[..., 3:4].astype(np.float32) / 255.0
    out = bg.astype(np.float32) * (1 - a) + drawing[..., :3].astype(np.float32) * a
    return np.clip(out + 0.5, 0, 255).astype(np.uint8)
