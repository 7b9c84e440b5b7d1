"""Group photos composed from real faces that installed packages ship, with known face boxes.

Faces: scikit-image's astronaut (Eileen Collins, NASA, public domain), matplotlib's
grace_hopper.jpg (public domain) and scikit-image's lfw_subset.npy (the first 100 of its 25x25
crops are faces from Labeled Faces in the Wild). Each face is pasted at a varied scale, flip and
brightness onto a drawn head with hair, above drawn clothes, in two rows before a drawn room.
scikit-image and matplotlib are dev-only, so the app's sample photos are written once by
`write_samples()` (`python -m engine.hat.groups`) into engine/hat/assets/ and committed. One
real group photo in the public domain (the 1927 Solvay conference) is committed beside them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

from engine.hat import portraits
from engine.hat.faces import Box

ASSETS = Path(__file__).resolve().parent / "assets"
# Face boxes (x, y, side) in the source photos, drawn and checked by eye.
ASTRONAUT_FACE = (176, 64, 98)
HOPPER_FACE = (140, 96, 249)
# Of every 10 faces about this many are the two colour portraits (each at most once), the rest LFW.
COLOUR_SHARE = 0.1
# The committed sample photos: (file name, seed, faces); 1600x1200 like a phone photo.
SAMPLES = (("group_1.jpg", 11, 10), ("group_2.jpg", 12, 8))
PHOTO_SIZE = (1600, 1200)
# Real group photos committed as samples after the composed ones: public domain only, the
# bytes of engine/hat/real's manifest entry, with attribution and licence in samples.json.
REAL_SAMPLES = ("solvay_1927.jpg",)


@dataclass(frozen=True)
class Face:
    """A real face: its pixels and the face box inside them."""

    name: str
    image: np.ndarray  # RGB uint8
    box: tuple[int, int, int]  # x, y, side


@dataclass(frozen=True)
class GroupPhoto:
    """A composed photo and where its faces truly are."""

    image: np.ndarray  # (H, W, 3) uint8
    faces: list[Box]  # ground truth boxes, left to right, back row first
    sources: list[str]  # which real face each box shows


def real_faces() -> list[Face]:
    """Every face the dev packages ship (imports scikit-image and matplotlib)."""
    import matplotlib
    import skimage
    from PIL import Image
    from skimage import data

    hopper = Path(matplotlib.get_data_path()) / "sample_data" / "grace_hopper.jpg"
    faces = [
        Face("astronaut (scikit-image)", data.astronaut(), ASTRONAUT_FACE),
        Face(
            "grace_hopper.jpg (matplotlib)",
            np.asarray(Image.open(hopper).convert("RGB")),
            HOPPER_FACE,
        ),
    ]
    lfw = np.load(Path(skimage.data.__file__).parent / "lfw_subset.npy")[:100]
    for i, gray in enumerate(lfw):
        rgb = np.repeat((gray * 255).astype(np.uint8)[:, :, None], 3, axis=2)
        faces.append(Face(f"lfw_subset.npy #{i} (scikit-image)", rgb, (0, 0, 25)))
    return faces


def room(width: int, height: int, rng: np.random.Generator) -> np.ndarray:
    """A wall with a few pictures and shelves, and a floor."""
    wall = rng.integers(60, 230, 3)
    img = np.empty((height, width, 3), np.uint8)
    img[:] = wall
    for _ in range(int(rng.integers(2, 6))):
        x, y = int(rng.integers(0, width)), int(rng.integers(0, height // 2))
        w, h = int(rng.integers(60, 300)), int(rng.integers(40, 200))
        cv2.rectangle(
            img, (x, y), (x + w, y + h), tuple(int(c) for c in rng.integers(0, 256, 3)), -1
        )
    img[int(height * rng.uniform(0.55, 0.7)) :] = rng.integers(30, 160, 3)
    return img


def paste_face(img: np.ndarray, face: Face, x: int, y: int, side: int, rng) -> None:
    """Scale, flip, tint and blend a real face so its face box lands on (x, y, side)."""
    fx, fy, fs = face.box
    margin = 0.25 if fs > 25 else 0.0  # colour portraits bring their hair along
    m = int(fs * margin)
    src = face.image[max(0, fy - m) : fy + fs + m, max(0, fx - m) : fx + fs + m]
    out = int(round(side * src.shape[1] / fs)), int(round(side * src.shape[0] / fs))
    patch = cv2.resize(src, out, interpolation=cv2.INTER_CUBIC).astype(np.float32)
    if rng.random() < 0.5:
        patch = patch[:, ::-1]
    if fs == 25:  # grayscale LFW: give it a skin tone
        tone = np.array(portraits.SKIN_RGB[int(rng.integers(5))], np.float32)
        patch = patch * tone / tone.mean()
    patch *= rng.uniform(0.7, 1.25)
    ox, oy = x - int(round(m * side / fs)), y - int(round(min(m, fy) * side / fs))
    mask = np.zeros(patch.shape[:2], np.float32)
    h, w = mask.shape
    cv2.ellipse(mask, (w // 2, h // 2), (int(w * 0.5), int(h * 0.56)), 0, 0, 360, 1.0, -1)
    mask = cv2.GaussianBlur(mask, (0, 0), max(1.0, side * 0.02))[:, :, None]
    region = img[oy : oy + h, ox : ox + w]
    mask, patch = (
        mask[: region.shape[0], : region.shape[1]],
        patch[: region.shape[0], : region.shape[1]],
    )
    region[:] = np.clip(mask * patch + (1 - mask) * region, 0, 255).astype(np.uint8)


def layout(n: int, width: int, height: int, rng) -> list[tuple[int, int, int]]:
    """Face boxes (x, y, side) in two rows: the back row smaller and higher, drawn first."""
    back = n // 2
    spots = []
    for row, count in ((0, back), (1, n - back)):
        side_base = height * (0.085 if row == 0 else 0.105)
        slot = width / max(count, 1)
        for i in range(count):
            side = int(side_base * rng.uniform(0.9, 1.12))
            cx = slot * (i + 0.5) + rng.uniform(-0.12, 0.12) * slot
            top = height * (0.17 if row == 0 else 0.42) + rng.uniform(-0.03, 0.03) * height
            spots.append((int(cx - side / 2), int(top), side))
    return spots


def cast(faces: list[Face], n: int, rng: np.random.Generator) -> list[Face]:
    """n different faces: each colour portrait with chance COLOUR_SHARE * 5, the rest from LFW."""
    chosen = [f for f in faces[:2] if rng.random() < COLOUR_SHARE * 5 / 2]
    lfw = [faces[2 + int(i)] for i in rng.permutation(len(faces) - 2)]
    picked = (chosen + lfw)[:n]
    return [picked[int(i)] for i in rng.permutation(len(picked))]


def compose(rng: np.random.Generator, n_faces: int = 10, size=PHOTO_SIZE, faces=None) -> GroupPhoto:
    """A group photo of n_faces real faces on drawn people, with the true face boxes."""
    faces = faces or real_faces()
    width, height = size
    img = room(width, height, rng)
    boxes, names = [], []
    for x, y, side in layout(n_faces, width, height, rng):
        colour = rng.random() < COLOUR_SHARE
        face = (
            faces[int(rng.integers(2))] if colour else faces[2 + int(rng.integers(len(faces) - 2))]
        )
        style, colours = portraits.attire(rng)
        portraits.draw_clothes(
            img, np.zeros(img.shape[:2], np.uint8), x, y, side, style, colours, rng
        )
        portraits.draw_head(img, np.zeros(img.shape[:2], np.uint8), x, y, side, rng, face=False)
        paste_face(img, face, x, y, side, rng)
        boxes.append(Box(x, y, side, side, 1))
        names.append(face.name)
    return GroupPhoto(portraits.light(img, rng), boxes, names)


def write_samples(folder: Path = ASSETS) -> list[Path]:
    """Re-create the committed sample photos and their ground truth (dev packages needed)."""
    from PIL import Image

    folder.mkdir(parents=True, exist_ok=True)
    faces, written, truth = real_faces(), [], {}
    old = folder / "samples.json"
    kept = json.loads(old.read_text()) if old.exists() else {}
    for name, seed, n in SAMPLES:
        photo = compose(np.random.default_rng(seed), n, PHOTO_SIZE, faces)
        Image.fromarray(photo.image).save(folder / name, quality=90)
        truth[name] = {
            "seed": seed,
            "faces": [[b.x, b.y, b.w, b.h] for b in photo.faces],
            "sources": photo.sources,
        }
        written.append(folder / name)
    truth.update({name: kept[name] for name in REAL_SAMPLES if name in kept})  # never redrawn
    (folder / "samples.json").write_text(json.dumps(truth, indent=1) + "\n")
    return written


def sample_names() -> list[str]:
    """The committed sample photos, by file name: the composed ones, then the real ones."""
    names = [name for name, _, _ in SAMPLES] + list(REAL_SAMPLES)
    return [name for name in names if (ASSETS / name).exists()]


def sample_label(name: str) -> str:
    """How the sample picker names a sample: a real photo, or real faces on drawn people."""
    kind = "a real group photo" if name in REAL_SAMPLES else "real faces on drawn people"
    return f"{name} ({kind})"


def credit(name: str) -> str | None:
    """A real sample photo's attribution and licence in one line; None for a composed one."""
    if name not in REAL_SAMPLES:
        return None
    entry = json.loads((ASSETS / "samples.json").read_text())[name]
    return f"{entry['attribution']} ({entry['licence']})"


def load_sample(name: str) -> np.ndarray:
    """A committed sample photo as RGB, through the same door as uploads."""
    from engine.images import load_file

    if name not in sample_names():
        raise FileNotFoundError(f"no sample photo '{name}'")
    return load_file(ASSETS / name)


if __name__ == "__main__":
    for path in write_samples():
        print(path)
