"""engine.images: every odd upload gets RGB uint8 or a clear ImageError, and nothing else."""

import contextlib
import io

import numpy as np
import pytest
from PIL import Image

from engine import images
from tests.corpus import corpus

CASES = corpus()


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_corpus_case(case):
    if case.error:
        with pytest.raises(images.ImageError) as info:
            images.load_image(case.data)
        message = str(info.value)
        assert case.error in message
        assert "Traceback" not in message and "\n" not in message
    else:
        rgb = images.load_image(case.data)
        assert rgb.dtype == np.uint8 and rgb.ndim == 3 and rgb.shape[2] == 3
        assert rgb.shape[:2] == case.shape


def decode(name):
    return images.load_image(next(c for c in CASES if c.name == name).data)


def test_sixteen_bit_keeps_its_range():
    gray = decode("sixteen.png")[:, :, 0]
    assert gray.min() == 0 and gray.max() == 255
    assert np.all(np.diff(gray.astype(int).ravel()) >= 0)  # a ramp stays a ramp


def test_transparency_is_composited_on_white():
    alpha = decode("alpha.png")
    assert tuple(alpha[5, 5]) == (0, 0, 255)
    assert tuple(alpha[5, 25]) == (255, 255, 255)
    palette = decode("palette.png")
    assert tuple(palette[5, 5]) == (255, 0, 0) and tuple(palette[5, 25]) == (255, 255, 255)


def test_animation_gives_first_frame():
    frame = decode("animated.gif")
    assert frame[..., 0].mean() > 200 and frame[..., 2].mean() < 50


def test_exif_orientation_is_applied():
    upright = decode("rotated.jpg")
    # The stored 64x32 gradient runs left to right; rotated 90 degrees it runs top to bottom.
    assert upright[2, :, 0].std() < upright[:, 2, 0].std()


def test_cmyk_becomes_similar_rgb():
    source = np.asarray(Image.open(io.BytesIO(next(c.data for c in CASES if c.name == "cmyk.jpg"))))
    assert source.shape[2] == 4
    assert decode("cmyk.jpg").mean() > 20


def test_oversized_bytes_refused_before_decoding():
    with pytest.raises(images.ImageError, match="limit is 10 MB"):
        images.load_image(b"\0" * (images.MAX_BYTES + 1))


def test_fit_within_maps_boxes_back():
    big = np.zeros((750, 1000, 3), np.uint8)
    scaled = images.fit_within(big, 500)
    assert scaled.image.shape == (375, 500, 3)
    assert scaled.to_original((10, 20, 110, 220)) == (20, 40, 220, 440)
    small = images.fit_within(big[:100, :100], 500)
    assert small.factor == 1.0 and small.image.shape == (100, 100, 3)


def test_png_round_trip():
    rgb = decode("gray.png")
    assert np.array_equal(images.load_image(images.to_png(rgb)), rgb)


def test_load_file_refuses_missing_path(tmp_path):
    with pytest.raises(images.ImageError, match="No such file"):
        images.load_file(tmp_path / "nope.png")


def test_intake_never_writes_to_disk(tmp_path, monkeypatch):
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    for case in CASES:
        with contextlib.suppress(images.ImageError):
            images.load_image(case.data)
    assert list(tmp_path.iterdir()) == []
