"""Sky backgrounds without downloads: procedural skies with horizon silhouettes, plus photos.

Procedural skies mix a day / dusk / night / overcast gradient, multi-octave noise clouds, sun
glare and haze, then put a horizon in front (mountains, buildings, trees, poles and wires), as
the write-up picked sky photos that show such things. `photos()` adds the outdoor pictures that
scikit-image ships, and `real_skies()` the write-up's own 10 real sky photos once restored
(`python -m engine.ufo.real`), for training only (the app's requirements lack scikit-image).
"""

from __future__ import annotations

from functools import cache

import cv2
import numpy as np

KINDS = ("day", "dusk", "night", "overcast")
# (top colour, horizon colour, cloud colour) per kind, RGB in [0, 1].
PALETTE = {
    "day": ((0.16, 0.38, 0.78), (0.62, 0.78, 0.93), (0.96, 0.96, 0.97)),
    "dusk": ((0.14, 0.16, 0.38), (0.98, 0.58, 0.30), (0.86, 0.52, 0.46)),
    "night": ((0.01, 0.02, 0.07), (0.08, 0.10, 0.20), (0.22, 0.23, 0.28)),
    "overcast": ((0.55, 0.57, 0.60), (0.78, 0.79, 0.80), (0.88, 0.88, 0.89)),
}
SILHOUETTES = ("none", "mountains", "buildings", "trees", "poles")


def noise(rng: np.random.Generator, h: int, w: int, octaves: int = 5, base: int = 3) -> np.ndarray:
    """Multi-octave value noise in [0, 1]: random grids upsampled smoothly and summed."""
    total = np.zeros((h, w), np.float32)
    weight = 0.0
    for o in range(octaves):
        cells = base * 2**o
        grid = rng.random((cells + 1, cells + 1), dtype=np.float32)
        total += cv2.resize(grid, (w, h), interpolation=cv2.INTER_CUBIC) * 0.55**o
        weight += 0.55**o
    total /= weight
    lo, hi = float(total.min()), float(total.max())
    return (total - lo) / max(hi - lo, 1e-6)


def _gradient(kind: str, h: int, w: int, rng: np.random.Generator) -> np.ndarray:
    """Vertical sky gradient from zenith to horizon colour, slightly jittered."""
    top, horizon, _ = (np.array(c, np.float32) for c in PALETTE[kind])
    # Mostly a common brightness change; per-channel tint is kept small so grey stays grey.
    jitter = (rng.uniform(0.85, 1.15) * rng.uniform(0.96, 1.04, 3)).astype(np.float32)
    t = np.linspace(0, 1, h, dtype=np.float32)[:, None, None] ** rng.uniform(0.6, 1.6)
    sky = (top * (1 - t) + horizon * t) * jitter
    return np.broadcast_to(sky, (h, w, 3)).copy()


def _clouds(sky: np.ndarray, kind: str, rng: np.random.Generator) -> np.ndarray:
    """Blend noise clouds over the gradient; coverage from clear to nearly full."""
    h, w = sky.shape[:2]
    field = noise(rng, h, w, base=int(rng.integers(2, 5)))
    cover = rng.uniform(0.15, 0.95) if kind == "overcast" else rng.uniform(0.0, 0.7)
    soft = rng.uniform(0.05, 0.25)
    amount = np.clip((field - (1 - cover)) / soft, 0, 1)[..., None]
    color = np.array(PALETTE[kind][2], np.float32) * rng.uniform(0.8, 1.05)
    shade = 0.75 + 0.25 * noise(rng, h, w, octaves=3, base=4)[..., None]
    return sky * (1 - amount) + color * shade * amount


def _glare(sky: np.ndarray, kind: str, rng: np.random.Generator) -> np.ndarray:
    """A sun (day, dusk) or moon (night) glow with a bright core; overcast skies have none."""
    if kind == "overcast" or rng.random() < 0.4:
        return sky
    h, w = sky.shape[:2]
    ys, xs = np.mgrid[0:h, 0:w].astype(np.float32)
    cx, cy = rng.uniform(0, w), rng.uniform(-0.2 * h, 0.7 * h)
    r2 = ((xs - cx) ** 2 + (ys - cy) ** 2) / (max(h, w) ** 2)
    size = rng.uniform(0.005, 0.04)
    glow = np.exp(-r2 / size) * (0.25 if kind == "night" else 0.6)
    core = np.exp(-r2 / (size * 0.02))
    tint = np.array([1.0, 0.95, 0.8] if kind != "dusk" else [1.0, 0.8, 0.5], np.float32)
    return sky + (glow + core)[..., None] * tint


def _haze(sky: np.ndarray, horizon: int, kind: str, rng: np.random.Generator) -> np.ndarray:
    """Whiten the band just above the horizon line, as distance and moisture do."""
    h = sky.shape[0]
    y = np.arange(h, dtype=np.float32)[:, None, None]
    band = np.exp(-np.clip(horizon - y, 0, None) / (rng.uniform(0.05, 0.2) * h))
    color = np.array(PALETTE[kind][1], np.float32) * 1.1
    return sky * (1 - 0.5 * band) + color * 0.5 * band


def _ridge(rng: np.random.Generator, w: int, base: int, rough: float) -> np.ndarray:
    """A 1-D profile in [0, 1] along the width (mountains, tree tops)."""
    line = noise(rng, 1, w, octaves=4, base=base)[0]
    return line * rough


def _horizon_mask(kind: str, h: int, w: int, top: int, rng: np.random.Generator) -> np.ndarray:
    """Boolean mask of the silhouette in front of the sky; top is the horizon's y."""
    ys = np.arange(h)[:, None]
    xs = np.arange(w)[None, :]
    if kind == "mountains":
        peak = top - _ridge(rng, w, 2, rng.uniform(0.1, 0.35) * h)
        return ys >= peak[None, :]
    if kind == "trees":
        crowns = top - _ridge(rng, w, int(rng.integers(8, 20)), rng.uniform(0.04, 0.12) * h)
        return ys >= crowns[None, :]
    mask = np.broadcast_to(ys >= top, (h, w)).copy()
    if kind == "buildings":
        x = 0
        while x < w:
            bw = int(rng.uniform(0.04, 0.15) * w) + 1
            mask[max(0, top - int(rng.uniform(0.03, 0.35) * h)) :, x : x + bw] = True
            x += bw + int(rng.integers(0, max(2, w // 30)))
    elif kind == "poles":
        _poles(mask, rng, top, h, w, xs, ys)
    return mask


def _poles(mask, rng, top, h, w, xs, ys) -> None:
    """Utility poles with sagging wires strung between them (drawn into mask)."""
    count = int(rng.integers(2, 5))
    px = np.sort(rng.uniform(0, w, count))
    pole_top = top - rng.uniform(0.25, 0.5) * h
    thick = max(1, w // 160)
    for x in px:
        mask[int(pole_top) :, int(x) : int(x) + thick] = True
    for a, b in zip(px[:-1], px[1:], strict=False):
        t = np.clip((xs - a) / max(b - a, 1), 0, 1)
        sag = pole_top + 0.1 * h * 4 * t * (1 - t) + 0.02 * h
        on = (xs >= a) & (xs <= b) & (np.abs(ys - sag) <= max(0.5, thick / 2))
        mask |= on


def procedural(rng: np.random.Generator, h: int, w: int) -> np.ndarray:
    """One procedural sky as an (h, w, 3) float32 RGB array in [0, 1]."""
    kind = KINDS[int(rng.integers(len(KINDS)))]
    sky = _clouds(_gradient(kind, h, w, rng), kind, rng)
    sky = _glare(sky, kind, rng)
    front = SILHOUETTES[int(rng.integers(len(SILHOUETTES)))]
    top = int(rng.uniform(0.6, 1.0) * h)
    if front != "none":
        sky = _haze(sky, top, kind, rng)
        mask = _horizon_mask(front, h, w, top, rng)
        dark = np.array(PALETTE[kind][0], np.float32) * rng.uniform(0.1, 0.5)
        ground = dark + 0.05 * noise(rng, h, w, octaves=3, base=6)[..., None]
        sky = np.where(mask[..., None], ground, sky)
    return np.clip(sky, 0, 1).astype(np.float32)


@cache
def photos() -> tuple[np.ndarray, ...]:
    """Outdoor photos with sky shipped by scikit-image (training only); empty if not installed."""
    try:
        from skimage import data
    except ImportError:
        return ()
    found = []
    for name in ("rocket", "camera"):
        image = np.asarray(getattr(data, name)(), dtype=np.float32) / 255.0
        found.append(np.repeat(image[..., None], 3, axis=2) if image.ndim == 2 else image)
    return tuple(found)


# Shipped photos and textures used as hard-negative backgrounds (training only). Kept apart
# from the shipped photos the tests score as real negatives (astronaut, chelsea, coffee,
# hubble_deep_field), which no model trains on.
TEXTURES = ("brick", "grass", "gravel", "coins", "page", "horse", "clock", "moon")


@cache
def textures() -> tuple[np.ndarray, ...]:
    """scikit-image's textures and object photos as float RGB (training only); empty without it."""
    try:
        from skimage import data
    except ImportError:
        return ()
    found = []
    for name in TEXTURES:
        image = np.asarray(getattr(data, name)())
        image = image.astype(np.float32) / (255.0 if image.dtype == np.uint8 else 1.0)
        rgb = np.repeat(image[..., None], 3, axis=2) if image.ndim == 2 else image[..., :3]
        found.append(np.ascontiguousarray(rgb, dtype=np.float32))
    return tuple(found)


# Real training skies are shrunk to this longest side once (one is 24 MP; crops are 256 px).
REAL_SIDE = 1024


@cache
def real_skies() -> tuple[np.ndarray, ...]:
    """The write-up's 10 real sky photos, when restored (training only); empty otherwise."""
    from engine import mirror
    from engine.images import fit_within, load_file
    from engine.ufo.real import TRAINING, TRAINING_FOLDER

    if not TRAINING_FOLDER.exists():
        return ()
    names = [e["file"] for e in mirror.read_manifest(TRAINING)["photos"]]
    found = []
    for name in sorted(n for n in names if n.startswith("sky_")):
        if (TRAINING_FOLDER / name).exists():
            image = fit_within(load_file(TRAINING_FOLDER / name), REAL_SIDE).image
            found.append(image.astype(np.float32) / 255.0)
    return tuple(found)


def sample(
    rng: np.random.Generator,
    h: int,
    w: int,
    photo_share: float = 0.0,
    real_share: float = 0.0,
    texture_share: float = 0.0,
) -> np.ndarray:
    """A sky of at least (h, w): a real sky photo with probability real_share (when restored),
    a shipped texture with texture_share, a shipped photo with photo_share, else procedural."""
    for share, pool in ((real_share, real_skies), (texture_share, textures)):
        if share > 0 and rng.random() < share:
            pics = pool()
            if pics:
                return pics[int(rng.integers(len(pics)))]
    pics = photos() if photo_share > 0 else ()
    if pics and rng.random() < photo_share:
        return pics[int(rng.integers(len(pics)))]
    return procedural(rng, h, w)


# Hard negatives: what the U-Net boxed on real photos instead of a saucer.
CLUTTER = ("bird", "aircraft", "lamp", "wire", "pole", "metal", "border")


def clutter(canvas: np.ndarray, rng: np.random.Generator) -> None:
    """Draw 1-4 saucer-free distractors onto a float RGB canvas in place."""
    for _ in range(int(rng.integers(1, 5))):
        kind = CLUTTER[int(rng.integers(len(CLUTTER)))]
        _DRAW[kind](canvas, rng)


def _tone(rng: np.random.Generator) -> tuple[float, float, float]:
    """A dark silhouette or a bright sunlit surface, grey-ish."""
    v = rng.uniform(0.02, 0.25) if rng.random() < 0.6 else rng.uniform(0.75, 1.0)
    return tuple(float(np.clip(v + rng.normal(0, 0.03), 0, 1)) for _ in range(3))


def _spot(canvas: np.ndarray, rng: np.random.Generator, scale: float) -> tuple[int, int, int]:
    """A random centre and a size (share `scale` of the width, jittered) on the canvas."""
    h, w = canvas.shape[:2]
    return (
        int(rng.uniform(0, w)),
        int(rng.uniform(0, h)),
        max(2, int(w * scale * rng.uniform(0.5, 1.5))),
    )


def _bird(canvas, rng) -> None:
    """A flying bird: two swept wings in a flat V, dark or sunlit."""
    x, y, s = _spot(canvas, rng, 0.05)
    pts = np.array([[x - s, y - s // 3], [x, y], [x + s, y - s // 3]], np.int32)
    cv2.polylines(canvas, [pts], False, _tone(rng), max(1, s // 6), cv2.LINE_AA)


def _aircraft(canvas, rng) -> None:
    """An airliner seen from below: a long fuselage, swept wings and a tail."""
    x, y, s = _spot(canvas, rng, 0.2)
    tone, t = _tone(rng), max(1, s // 10)
    cv2.line(canvas, (x - s, y), (x + s, y), tone, t * 2, cv2.LINE_AA)
    for side in (-1, 1):
        cv2.line(canvas, (x, y), (x - s // 3, y + side * s * 2 // 3), tone, t * 2, cv2.LINE_AA)
        cv2.line(canvas, (x - s, y), (x - s - s // 6, y + side * s // 4), tone, t, cv2.LINE_AA)


def _lamp(canvas, rng) -> None:
    """A street lamp or the sun through haze: a bright core in a soft glow."""
    x, y, s = _spot(canvas, rng, 0.03)
    glow = np.zeros(canvas.shape[:2], np.float32)
    cv2.circle(glow, (x, y), s, 1.0, -1, cv2.LINE_AA)
    glow = cv2.GaussianBlur(glow, (0, 0), s * 0.8)
    canvas += glow[..., None] * np.float32(rng.uniform(0.5, 1.0))
    np.clip(canvas, 0, 1, out=canvas)


def _wire(canvas, rng) -> None:
    """A power line sagging across the whole frame."""
    h, w = canvas.shape[:2]
    y0, y1 = rng.uniform(0, h, 2)
    xs = np.linspace(0, w, 24)
    ys = y0 + (y1 - y0) * xs / w + rng.uniform(0.02, 0.15) * h * 4 * (xs / w) * (1 - xs / w)
    pts = np.stack([xs, ys], axis=1).astype(np.int32)
    cv2.polylines(canvas, [pts], False, _tone(rng), int(rng.integers(1, 4)), cv2.LINE_AA)


def _pole(canvas, rng) -> None:
    """A pole or mast from the bottom edge up, sometimes with a cross-arm."""
    h, w = canvas.shape[:2]
    x, top, t = int(rng.uniform(0, w)), int(rng.uniform(0, 0.7 * h)), int(rng.integers(2, 8))
    tone = _tone(rng)
    cv2.line(canvas, (x, h), (x, top), tone, t)
    if rng.random() < 0.5:
        arm = int(rng.uniform(0.05, 0.15) * w)
        cv2.line(canvas, (x - arm, top + t), (x + arm, top + t), tone, max(1, t // 2))


def _metal(canvas, rng) -> None:
    """Bright metal: a sunlit car roof, rail or sign, a bright box with a hard highlight."""
    x, y, s = _spot(canvas, rng, 0.12)
    v = float(rng.uniform(0.7, 1.0))
    cv2.rectangle(canvas, (x - s, y - s // 4), (x + s, y + s // 4), (v, v, v * 0.97), -1)
    cv2.line(canvas, (x - s, y - s // 8), (x + s, y - s // 8), (1.0, 1.0, 1.0), max(1, s // 10))


def _border(canvas, rng) -> None:
    """A scanned photo's border: a black or white frame on one to four sides."""
    h, w = canvas.shape[:2]
    v = 0.0 if rng.random() < 0.5 else 1.0
    t = max(2, int(rng.uniform(0.01, 0.06) * min(h, w)))
    sides = rng.random(4) < 0.6
    for on, region in zip(sides, (np.s_[:t], np.s_[-t:], np.s_[:, :t], np.s_[:, -t:]), strict=True):
        if on:
            canvas[region] = v


_DRAW = {
    "bird": _bird,
    "aircraft": _aircraft,
    "lamp": _lamp,
    "wire": _wire,
    "pole": _pole,
    "metal": _metal,
    "border": _border,
}
