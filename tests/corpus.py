"""The bad-input corpus, generated at test time: every odd file an uploader can receive."""

from __future__ import annotations

import io
from dataclasses import dataclass

import numpy as np
from PIL import Image


@dataclass(frozen=True)
class Case:
    """One upload: its bytes, and either the words of the expected refusal or the decoded shape."""

    name: str
    data: bytes
    error: str | None = None  # substring of the ImageError message, None if it must decode
    shape: tuple[int, int] | None = None  # (height, width) after decoding


def _encode(image: Image.Image, fmt: str, **kwargs) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format=fmt, **kwargs)
    return buffer.getvalue()


def _gradient(w: int = 64, h: int = 48) -> Image.Image:
    x = np.linspace(0, 255, w, dtype=np.uint8)
    rgb = np.stack(np.broadcast_arrays(x[None, :], x[::-1][None, :], 128 + 0 * x[None, :]), -1)
    return Image.fromarray(np.repeat(rgb, h, axis=0).astype(np.uint8))


def _exif_rotated() -> bytes:
    exif = Image.Exif()
    exif[0x0112] = 6  # orientation: rotate 90 degrees clockwise to display
    return _encode(_gradient(64, 32), "JPEG", exif=exif.tobytes())


def _animated(fmt: str) -> bytes:
    frames = [Image.new("RGB", (40, 30), c) for c in ((255, 0, 0), (0, 0, 255))]
    return _encode(frames[0], fmt, save_all=True, append_images=frames[1:], duration=100, loop=0)


def _sixteen_bit() -> bytes:
    values = np.linspace(0, 65535, 48 * 64).reshape(48, 64).astype(np.uint16)
    return _encode(Image.fromarray(values), "PNG")


def _palette_transparent() -> bytes:
    image = Image.new("P", (32, 32), 0)
    image.putpalette([0, 0, 0, 255, 0, 0] + [0] * 762)
    image.paste(1, (0, 0, 16, 32))
    return _encode(image, "PNG", transparency=0)


def _bomb() -> bytes:
    return _encode(Image.new("1", (8000, 6000), 0), "PNG")  # 48 MP, a few KB on disk


def _noise_png(megabytes: float = 9.9) -> bytes:
    """Random RGB noise: PNG cannot compress it, so the file is about as large as its pixels."""
    side = int((megabytes * 1e6 / 3) ** 0.5)
    pixels = np.random.default_rng(0).integers(0, 256, (side, side, 3), dtype=np.uint8)
    return _encode(Image.fromarray(pixels), "PNG", compress_level=1)


def corpus() -> list[Case]:
    """Every case the intake must handle, with what it must produce."""
    png = _encode(_gradient(), "PNG")
    jpeg = _encode(_gradient(), "JPEG")
    rgba = np.zeros((32, 32, 4), np.uint8)
    rgba[:, :16] = (0, 0, 255, 255)
    return [
        Case("empty.png", b"", error="empty"),
        Case("notes.png", b"just some text, not pixels\n" * 20, error="not an image"),
        Case(
            "report.png", b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF", error="not an image"
        ),
        Case("truncated.png", png[: len(png) // 2], error="damaged or incomplete"),
        Case("truncated.jpg", jpeg[: len(jpeg) // 2], error="damaged or incomplete"),
        Case("bomb.png", _bomb(), error="megapixels"),
        Case("sixty-mp.png", _encode(Image.new("1", (10000, 6000), 1), "PNG"), error="megapixels"),
        Case("tiny.png", _encode(Image.new("RGB", (1, 1)), "PNG"), error="only 1x1"),
        Case("sixteen.png", _sixteen_bit(), shape=(48, 64)),
        Case("cmyk.jpg", _encode(_gradient().convert("CMYK"), "JPEG"), shape=(48, 64)),
        Case("palette.png", _palette_transparent(), shape=(32, 32)),
        Case("alpha.png", _encode(Image.fromarray(rgba, "RGBA"), "PNG"), shape=(32, 32)),
        Case("gray-alpha.png", _encode(Image.new("LA", (32, 32), (10, 0)), "PNG"), shape=(32, 32)),
        Case("gray.png", _encode(_gradient().convert("L"), "PNG"), shape=(48, 64)),
        Case("animated.gif", _animated("GIF"), shape=(30, 40)),
        Case("animated.webp", _animated("WEBP"), shape=(30, 40)),
        Case("rotated.jpg", _exif_rotated(), shape=(64, 32)),
        Case(
            "panorama.png",
            _encode(Image.new("RGB", (10000, 20), (90, 140, 200)), "PNG"),
            shape=(20, 10000),
        ),
        Case("noise-9.9MB.png", _noise_png(), shape=(1816, 1816)),
        Case("polyglot.png", png + b"PK\x03\x04 appended zip archive" + b"\0" * 64, shape=(48, 64)),
    ]
