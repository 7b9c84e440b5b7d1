"""The one door for uploaded images: bytes in, RGB uint8 out, or an ImageError a person reads."""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image, ImageFile, ImageOps, UnidentifiedImageError

# Refuse before decoding pixels: 40 MP of RGB is already ~120 MB of memory per copy.
MAX_PIXELS = 40_000_000
# Matches server.maxUploadSize in .streamlit/config.toml, so the CLI refuses what the page refuses.
MAX_BYTES = 10 * 1024 * 1024
# Below this a picture carries nothing any demo can use.
MIN_SIDE = 16
# Transparent pixels are shown on white, like a product shot.
BACKGROUND = (255, 255, 255)

ImageFile.LOAD_TRUNCATED_IMAGES = False  # a truncated file is an error, never half a picture


class ImageError(ValueError):
    """An upload we cannot use; the message is written for the person who uploaded it."""


def load_image(data: bytes, max_pixels: int = MAX_PIXELS, min_side: int = MIN_SIDE) -> np.ndarray:
    """Decode uploaded bytes into an (H, W, 3) uint8 RGB array, or raise ImageError."""
    if not data:
        raise ImageError("The file is empty (0 bytes). Please choose an image file.")
    if len(data) > MAX_BYTES:
        raise ImageError(f"The file is {len(data) / 2**20:.1f} MB; the limit is 10 MB.")
    image = _open_checked(data, max_pixels)
    image = _upright(image)
    rgb = _to_rgb(image)
    h, w = rgb.shape[:2]
    if min(h, w) < min_side:
        raise ImageError(
            f"The image is only {w}x{h} pixels; please use one at least {min_side} pixels "
            "on each side."
        )
    return rgb


def load_file(path: str | Path) -> np.ndarray:
    """Read an image file through the same door as uploads (for the command line)."""
    file = Path(path)
    if not file.is_file():
        raise ImageError(f"No such file: {path}")
    if file.stat().st_size > MAX_BYTES:
        raise ImageError(f"The file is {file.stat().st_size / 2**20:.1f} MB; the limit is 10 MB.")
    return load_image(file.read_bytes())


def _open_checked(data: bytes, max_pixels: int) -> Image.Image:
    """Open, check the size from the header, then decode the first frame."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            w, h = image.size
            if w * h > max_pixels:
                raise ImageError(
                    f"The image is {w}x{h} ({w * h / 1e6:.0f} megapixels); the limit is "
                    f"{max_pixels / 1e6:.0f} megapixels. Please scale it down and try again."
                )
            if w == 0 or h == 0:
                raise ImageError("The image has no pixels.")
            image.seek(0)  # animated GIF/WebP/PNG: the first frame
            image.load()
            return image
    except ImageError:
        raise
    except Image.DecompressionBombError as exc:
        raise ImageError("The image is too large to open safely (over 40 megapixels).") from exc
    except UnidentifiedImageError as exc:
        raise ImageError(
            "This file is not an image we can read. "
            "Please upload a PNG, JPEG, WebP, GIF, BMP or TIFF."
        ) from exc
    except (OSError, SyntaxError, ValueError, EOFError) as exc:
        raise ImageError(
            "The image file is damaged or incomplete (it may have been cut off while copying)."
        ) from exc


def _upright(image: Image.Image) -> Image.Image:
    """Apply the EXIF orientation so a phone photo stands the way it was taken."""
    try:
        return ImageOps.exif_transpose(image)
    except Exception:  # a broken EXIF block must not cost the picture itself
        return image


def _to_rgb(image: Image.Image) -> np.ndarray:
    """Convert any Pillow mode (16-bit, float, CMYK, palette, alpha, gray) to RGB uint8."""
    mode = image.mode
    if mode in ("I", "I;16", "I;16B", "I;16L", "I;16N", "F"):
        return _wide_gray_to_rgb(np.asarray(image))
    if mode == "P":
        image = image.convert("RGBA")
    if mode in ("LA", "PA", "La", "RGBa") or image.mode == "RGBA":
        rgba = image.convert("RGBA")
        canvas = Image.new("RGBA", rgba.size, (*BACKGROUND, 255))
        image = Image.alpha_composite(canvas, rgba)
    return np.ascontiguousarray(np.asarray(image.convert("RGB"), dtype=np.uint8))


def _wide_gray_to_rgb(values: np.ndarray) -> np.ndarray:
    """Map 16-bit or float gray to 8 bits, stretching to the range actually used."""
    values = values.astype(np.float64)
    finite = values[np.isfinite(values)]
    if finite.size == 0:
        raise ImageError("The image holds no valid pixel values.")
    if values.max() <= 255 and values.min() >= 0 and np.issubdtype(values.dtype, np.integer):
        scaled = values
    else:
        top = 65535.0 if finite.max() > 255 and finite.min() >= 0 else finite.max()
        low = 0.0 if top == 65535.0 else finite.min()
        scaled = (np.nan_to_num(values, nan=low) - low) / max(top - low, 1e-9) * 255.0
    gray = np.clip(np.rint(scaled), 0, 255).astype(np.uint8)
    return np.repeat(gray[:, :, None], 3, axis=2)


@dataclass(frozen=True)
class Scaled:
    """A working copy of an image and the factor that maps its coordinates back."""

    image: np.ndarray  # (h, w, 3) uint8, at most max_side on its longer side
    factor: float  # original pixels per working pixel (>= 1.0)

    def to_original(self, box: tuple[float, float, float, float]) -> tuple[int, int, int, int]:
        """Map an (x0, y0, x1, y1) box from working to original pixel coordinates."""
        return tuple(int(round(v * self.factor)) for v in box)  # type: ignore[return-value]


def fit_within(image: np.ndarray, max_side: int) -> Scaled:
    """Downscale (never upscale) so the longer side is at most max_side, keeping the factor."""
    h, w = image.shape[:2]
    longest = max(h, w)
    if longest <= max_side:
        return Scaled(image, 1.0)
    ratio = max_side / longest
    size = (max(1, round(w * ratio)), max(1, round(h * ratio)))
    small = np.asarray(Image.fromarray(image).resize(size, Image.Resampling.BOX))
    return Scaled(small, w / size[0])


def to_png(image: np.ndarray) -> bytes:
    """Encode an RGB(A) uint8 array as PNG bytes, for downloads."""
    buffer = io.BytesIO()
    Image.fromarray(image).save(buffer, format="PNG")
    return buffer.getvalue()
