"""Synthetic head-and-shoulders portraits, labelled by the lore from the clothes they wear.

Each portrait is drawn around a face box with the same geometry `sort.py` uses to crop real
faces (see `crop_box`), so the CNN sees the same framing in training and in a group photo.
"""

from __future__ import annotations

import colorsys
from dataclasses import dataclass

import cv2
import numpy as np

from engine.hat import lore

# A head-and-shoulders crop is this many face-widths on a side...
CROP_SIDE = 2.2
# ...and starts this many face-widths above the top of the face box.
CROP_TOP = 0.3
# Main and trim colours as (hue degrees, saturation, value) per house, in lore.HOUSES order.
HOUSE_HSV = (
    ((355, 0.9, 0.72), (46, 0.8, 0.82)),  # scarlet, gold
    ((52, 0.9, 0.95), (0, 0.0, 0.08)),  # yellow, black
    ((222, 0.8, 0.6), (28, 0.7, 0.58)),  # blue, bronze
    ((140, 0.75, 0.45), (0, 0.0, 0.75)),  # green, silver
)
# Share of portraits in clothes of no house colour: real people mostly wear none, and the
# lore splits them three ways by tone, so the CNN needs plenty of each (it was 0.14).
NEUTRAL_SHARE = 0.35
# Share of training portraits shown in black and white, as historical group photos are.
GREY_SHARE = 0.1
# The composed group photos keep the first share, so the committed sample photos still rebuild.
GROUP_NEUTRAL_SHARE = 0.14
STYLES = ("plain", "striped", "vneck", "scarf", "robe", "tie")
SKIN_RGB = ((255, 224, 196), (234, 192, 160), (198, 145, 105), (160, 105, 70), (105, 65, 42))
HAIR_RGB = (
    (25, 20, 18),
    (80, 50, 30),
    (150, 100, 50),
    (215, 180, 110),
    (170, 60, 25),
    (160, 160, 160),
)


@dataclass(frozen=True)
class Portraits:
    """A batch of rendered portraits with the lore's verdict on each."""

    images: np.ndarray  # (n, size, size, 3) uint8 RGB
    labels: np.ndarray  # (n,) int: training labels (lore, with noise where ambiguous)
    lore: np.ndarray  # (n,) int: the lore's own house (no noise)
    ambiguous: np.ndarray  # (n,) bool
    neutral: np.ndarray  # (n,) bool


def crop_box(x: float, y: float, w: float) -> tuple[float, float, float]:
    """(left, top, side) of the head-and-shoulders crop around a face box at (x, y, w)."""
    side = CROP_SIDE * w
    return x + w / 2 - side / 2, y - CROP_TOP * w, side


def jitter(hsv: tuple[float, float, float], rng: np.random.Generator) -> tuple[int, int, int]:
    """A house colour as one real garment might show it: hue, saturation and value vary."""
    h, s, v = hsv
    h = (h + rng.normal(0, 6)) % 360
    s = float(np.clip(s + rng.normal(0, 0.08), 0, 1)) if s > 0 else float(rng.uniform(0, 0.06))
    v = float(np.clip(v + rng.normal(0, 0.08), 0.02, 1))
    r, g, b = colorsys.hsv_to_rgb(h / 360, s, v)
    return int(r * 255), int(g * 255), int(b * 255)


def neutral_colour(rng: np.random.Generator) -> tuple[int, int, int]:
    """Greys, whites, blacks and browns: clothes that carry no house."""
    if rng.random() < 0.6:
        g = float(rng.uniform(0.05, 0.97))
        r, gg, b = colorsys.hsv_to_rgb(rng.random(), rng.uniform(0, 0.08), g)
    else:
        r, gg, b = colorsys.hsv_to_rgb(
            rng.uniform(15, 38) / 360, rng.uniform(0.2, 0.4), rng.uniform(0.2, 0.6)
        )
    return int(r * 255), int(gg * 255), int(b * 255)


def attire(
    rng: np.random.Generator, neutral: float = GROUP_NEUTRAL_SHARE
) -> tuple[str, list[tuple[int, int, int]]]:
    """A clothing style and its colours [body, accent, extra]: one house, two, or none."""
    kind = rng.random()
    house = int(rng.integers(4))
    main, trim = (jitter(c, rng) for c in HOUSE_HSV[house])
    if kind < neutral:  # neutral clothes, sorted by their tone
        main, trim = neutral_colour(rng), neutral_colour(rng)
    elif kind < neutral + 0.1:  # two houses worn together: the lore may be ambiguous
        trim = jitter(HOUSE_HSV[(house + int(rng.integers(1, 4))) % 4][0], rng)
    style = STYLES[int(rng.integers(len(STYLES)))]
    return style, [main, trim, neutral_colour(rng)]


def background(size: int, rng: np.random.Generator) -> np.ndarray:
    """A wall, a gradient or a cluttered room in any colour, house colours included."""
    top = np.array(colorsys.hsv_to_rgb(rng.random(), rng.uniform(0, 0.9), rng.uniform(0.15, 1)))
    bottom = np.clip(top + rng.normal(0, 0.15, 3), 0, 1)
    ramp = np.linspace(0, 1, size)[:, None, None]
    img = ((1 - ramp) * top + ramp * bottom) * 255 * np.ones((1, size, 1))
    img = img.astype(np.uint8)
    for _ in range(int(rng.integers(0, 4))):
        colour = tuple(int(c) for c in rng.integers(0, 256, 3))
        p0, p1 = rng.integers(0, size, 2), rng.integers(0, size, 2)
        cv2.rectangle(img, tuple(int(v) for v in p0), tuple(int(v) for v in p1), colour, -1)
    return img


def draw_clothes(img, mask, fx, fy, fw, style, colours, rng) -> None:
    """Shoulders and torso below a face box, drawn on img and marked 1 on mask."""
    body, accent, extra = colours
    cx, top = int(fx + fw / 2), int(fy + fw * rng.uniform(1.2, 1.35))
    half = int(fw * rng.uniform(0.95, 1.3))
    bottom = int(min(img.shape[0] + fw, top + 4 * fw))  # standing people: cut at the waist
    pts = np.array(
        [
            [cx - half, bottom],
            [cx - half, top + fw * 0.35],
            [cx - half * 0.45, top],
            [cx + half * 0.45, top],
            [cx + half, top + fw * 0.35],
            [cx + half, bottom],
        ]
    )
    base = extra if style == "scarf" else body
    shape = pts.astype(np.int32)
    for target, value in ((img, base), (mask, 1)):
        cv2.fillPoly(target, [shape], value)
    _pattern(img, mask, (cx, top, bottom, half), fw, style, colours, rng)


def _pattern(img, mask, frame, fw, style, colours, rng) -> None:
    """Stripes, a V-neck, a robe's lining, a tie or a scarf over the torso."""
    cx, top, bottom, half = frame
    body, accent, extra = colours
    if style == "striped":
        step = max(2, int(fw * rng.uniform(0.12, 0.25)))
        for y in range(top + step, bottom, 2 * step):
            band = np.zeros_like(mask)
            cv2.rectangle(band, (cx - half, y), (cx + half, y + step - 1), 1, -1)
            img[(band > 0) & (mask > 0)] = accent
    elif style in ("vneck", "robe", "tie"):
        inner = extra if style != "robe" else accent
        v = np.array([[cx - fw * 0.3, top], [cx + fw * 0.3, top], [cx, top + fw * 0.7]], np.int32)
        cv2.fillPoly(img, [v], inner)
        if style == "tie":
            t = np.array(
                [
                    [cx - fw * 0.08, top],
                    [cx + fw * 0.08, top],
                    [cx + fw * 0.12, top + fw * 1.2],
                    [cx - fw * 0.12, top + fw * 1.2],
                ],
                np.int32,
            )
            cv2.fillPoly(img, [t], accent)
    elif style == "scarf":
        _scarf(img, mask, cx, top, fw, body, accent)


def _scarf(img, mask, cx, top, fw, body, accent) -> None:
    """A house scarf wound round the neck, with a stripe, and one end hanging down."""
    band_h = int(fw * 0.3)
    for target, value in ((img, body), (mask, 1)):
        cv2.ellipse(target, (cx, top), (int(fw * 0.55), band_h), 0, 0, 360, value, -1)
        cv2.rectangle(
            target, (cx + int(fw * 0.1), top), (cx + int(fw * 0.45), top + int(fw * 1.1)), value, -1
        )
    stripe_y = top + int(fw * 0.6)
    cv2.rectangle(
        img,
        (cx + int(fw * 0.1), stripe_y),
        (cx + int(fw * 0.45), stripe_y + int(fw * 0.15)),
        accent,
        -1,
    )


def draw_head(img, mask, fx, fy, fw, rng, face: bool = True) -> None:
    """Neck, hair and head over a face box; a drawn face unless a real one will be pasted."""
    cx, cy = int(fx + fw / 2), int(fy + fw * 0.52)
    skin = tuple(
        int(c)
        for c in np.clip(np.array(SKIN_RGB[int(rng.integers(5))]) + rng.normal(0, 8, 3), 0, 255)
    )
    hair = HAIR_RGB[int(rng.integers(len(HAIR_RGB)))]
    ax, ay = int(fw * 0.45), int(fw * 0.58)
    style = rng.integers(4)  # 0 bald, 1 short, 2 long, 3 bun
    if style == 2:
        cv2.rectangle(
            img,
            (cx - ax - int(fw * 0.1), cy),
            (cx + ax + int(fw * 0.1), cy + int(fw * 0.9)),
            hair,
            -1,
        )
    for target, value in ((img, skin), (mask, 0)):
        cv2.rectangle(
            target, (cx - int(fw * 0.18), cy), (cx + int(fw * 0.18), cy + int(fw * 0.95)), value, -1
        )
    if style:
        cv2.ellipse(
            img,
            (cx, cy - int(fw * 0.08)),
            (ax + int(fw * 0.06), ay + int(fw * 0.04)),
            0,
            180,
            360,
            hair,
            -1,
        )
    if style == 3:
        cv2.circle(img, (cx, cy - ay - int(fw * 0.1)), int(fw * 0.2), hair, -1)
    cv2.ellipse(img, (cx, cy + int(fw * 0.05)), (ax, ay), 0, 0, 360, skin, -1)
    if style:
        cv2.ellipse(img, (cx, cy - int(fw * 0.2)), (ax, int(ay * 0.6)), 0, 180, 360, hair, -1)
    if face:
        _features(img, cx, cy, fw, rng)


def _features(img, cx, cy, fw, rng) -> None:
    """Eyes, brows, nose and mouth, and sometimes glasses in any frame colour."""
    ey, ex, r = cy + int(fw * 0.02), int(fw * 0.18), max(1, int(fw * 0.05))
    for side in (-1, 1):
        cv2.circle(img, (cx + side * ex, ey), r, (30, 25, 25), -1)
        cv2.line(
            img,
            (cx + side * ex - r * 2, ey - r * 3),
            (cx + side * ex + r * 2, ey - r * 3),
            (40, 30, 25),
            max(1, r // 2),
        )
    cv2.line(img, (cx, ey + r * 2), (cx, ey + r * 5), (120, 80, 70), max(1, r // 2))
    cv2.ellipse(
        img,
        (cx, cy + int(fw * 0.3)),
        (int(fw * 0.12), max(1, int(fw * 0.04))),
        0,
        0,
        180,
        (120, 40, 50),
        max(1, r // 2),
    )
    if rng.random() < 0.3:
        frame = tuple(int(c) for c in rng.integers(0, 256, 3))
        for side in (-1, 1):
            cv2.circle(img, (cx + side * ex, ey), int(r * 2.6), frame, max(1, r // 2))
        cv2.line(
            img, (cx - ex + int(r * 2.6), ey), (cx + ex - int(r * 2.6), ey), frame, max(1, r // 2)
        )


def light(img: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Exposure, a colour cast and sensor noise, like a snapshot indoors."""
    gain = rng.uniform(0.75, 1.2) * (1 + rng.normal(0, 0.04, 3))
    noisy = img.astype(np.float32) * gain + rng.normal(0, rng.uniform(0, 6), img.shape)
    return np.clip(noisy, 0, 255).astype(np.uint8)


def render(size: int, rng: np.random.Generator, scale: int = 2) -> tuple[np.ndarray, np.ndarray]:
    """One portrait (size x size RGB) and its clothing mask, drawn at `scale` for smooth edges."""
    big = size * scale
    fw = big / CROP_SIDE * rng.uniform(0.9, 1.1)
    fx = (big - fw) / 2 + rng.normal(0, 0.06) * fw
    fy = CROP_TOP * big / CROP_SIDE + rng.normal(0, 0.06) * fw
    img, mask = background(big, rng), np.zeros((big, big), np.uint8)
    style, colours = attire(rng, NEUTRAL_SHARE)
    draw_clothes(img, mask, fx, fy, fw, style, colours, rng)
    draw_head(img, mask, fx, fy, fw, rng)
    img = cv2.resize(light(img, rng), (size, size), interpolation=cv2.INTER_AREA)
    if rng.random() < GREY_SHARE:  # a black-and-white photo: only the tone rule can sort it
        img = np.repeat(cv2.cvtColor(img, cv2.COLOR_RGB2GRAY)[:, :, None], 3, axis=2)
    return img, cv2.resize(mask, (size, size), interpolation=cv2.INTER_NEAREST)


def make(n: int, size: int, rng: np.random.Generator) -> Portraits:
    """n portraits with the lore's labels (noisy where ambiguous)."""
    images = np.empty((n, size, size, 3), np.uint8)
    labels, truth = np.empty(n, np.int64), np.empty(n, np.int64)
    ambiguous, neutral = np.zeros(n, bool), np.zeros(n, bool)
    for i in range(n):
        images[i], mask = render(size, rng)
        worn = lore.torso(images[i])[lore.torso(mask) > 0]
        v = lore.verdict(worn)
        truth[i], labels[i] = lore.HOUSES.index(v.house), lore.noisy_label(v, rng)
        ambiguous[i], neutral[i] = v.ambiguous, v.neutral
    return Portraits(images, labels, truth, ambiguous, neutral)
