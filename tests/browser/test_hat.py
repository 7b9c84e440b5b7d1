"""Sorting hat in a real browser: a composed group photo uploaded, its faces counted and sorted."""

import io
import re

import numpy as np
import pytest
from PIL import Image

from engine.hat import faces, groups
from engine.images import load_image
from tests.browser.conftest import assert_no_error, open_page, screenshot, upload

pytestmark = pytest.mark.browser
FOUND = re.compile(r"^\d+ faces? found$")


def settle(page, faces_found: int) -> None:
    """Wait until every face's four probability bars are on the page (the page's last output)."""
    page.wait_for_function(
        "n => document.querySelectorAll('[data-testid=\"stProgress\"]').length === n",
        arg=4 * faces_found,
    )
    page.get_by_text("Download the sorted photo (PNG)").wait_for()


def tall_screenshot(page, name: str) -> None:
    """The whole page: the app scrolls inside its own container, so grow the window first."""
    page.set_viewport_size({"width": 1400, "height": 2400})
    page.wait_for_timeout(500)
    screenshot(page, name)


def test_sample_photo_is_sorted_on_open(page, app_url):
    open_page(page, app_url, "hat")
    heading = page.get_by_text(FOUND).first
    heading.wait_for()
    found = int(heading.inner_text().split()[0])
    settle(page, found)
    tallies = page.locator('[data-testid="stMetricValue"]').all_inner_texts()
    assert len(tallies) == 4 and sum(int(t) for t in tallies) == found
    page.get_by_text("What you're seeing, and the hat's lore").click()
    page.get_by_text("the house that takes the lot").wait_for()  # the lore is on the page
    assert_no_error(page)
    tall_screenshot(page, "hat-sample")


def test_uploaded_group_photo_reports_its_faces(page, app_url):
    photo = groups.compose(np.random.default_rng(2026), 8, (1200, 900))
    buffer = io.BytesIO()
    Image.fromarray(photo.image).save(buffer, format="JPEG", quality=92)
    data = buffer.getvalue()
    expected = len(faces.detect(load_image(data)))  # what the server sees, decoded the same way
    assert expected >= 6  # the photo really shows most of its 8 faces to the cascade

    open_page(page, app_url, "hat")
    page.get_by_text(FOUND).first.wait_for()
    upload(page, "group.jpg", data, "image/jpeg")
    page.get_by_text(f"{expected} faces found").wait_for()
    settle(page, expected)
    tallies = page.locator('[data-testid="stMetricValue"]').all_inner_texts()
    assert sum(int(t) for t in tallies) == expected
    assert page.locator('[data-testid="stSelectbox"]').count() == 0  # the upload replaced samples
    assert_no_error(page)
    tall_screenshot(page, "hat-upload")


def test_photo_without_faces_gets_advice(page, app_url):
    buffer = io.BytesIO()
    Image.fromarray(np.full((300, 400, 3), 120, np.uint8)).save(buffer, format="PNG")
    open_page(page, app_url, "hat")
    page.get_by_text(FOUND).first.wait_for()
    upload(page, "wall.png", buffer.getvalue())
    page.get_by_text("0 faces found").wait_for()
    page.get_by_text("Try a higher sensitivity").wait_for()
    assert_no_error(page)
