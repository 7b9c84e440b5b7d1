"""Sorting hat in a real browser: a composed group photo uploaded, its faces counted and sorted."""

import io
import re

import numpy as np
import pytest
from PIL import Image

from engine.hat import faces, groups
from engine.images import load_image
from tests.browser.conftest import assert_no_error, open_page, screenshot, upload, wait_idle

pytestmark = pytest.mark.browser


def test_sample_photo_is_sorted_on_open(page, app_url):
    open_page(page, app_url, "hat")
    page.get_by_text(re.compile(r"\d+ faces? found")).first.wait_for()
    assert page.locator('[data-testid="stMetric"]').count() == 4
    assert page.get_by_text("Download the sorted photo (PNG)").count() == 1
    assert_no_error(page)
    screenshot(page, "hat-sample")


def test_uploaded_group_photo_reports_its_faces(page, app_url):
    photo = groups.compose(np.random.default_rng(2026), 8, (1200, 900))
    buffer = io.BytesIO()
    Image.fromarray(photo.image).save(buffer, format="JPEG", quality=92)
    data = buffer.getvalue()
    expected = len(faces.detect(load_image(data)))  # what the server sees, decoded the same way
    assert expected >= 6  # the photo really shows most of its 8 faces to the cascade

    open_page(page, app_url, "hat")
    upload(page, "group.jpg", data, "image/jpeg")
    heading = page.get_by_text(re.compile(r"\d+ faces? found")).first
    heading.wait_for()
    wait_idle(page)
    assert int(heading.inner_text().split()[0]) == expected
    tallies = page.locator('[data-testid="stMetricValue"]').all_inner_texts()
    assert sum(int(t) for t in tallies) == expected
    assert (
        page.get_by_text(re.compile(r"^(Gryffindor|Hufflepuff|Ravenclaw|Slytherin) \d+%$")).count()
        == 4 * expected
    )
    assert_no_error(page)
    screenshot(page, "hat-upload")

    page.get_by_label("Sensitivity").focus()
    page.keyboard.press("Home")  # sensitivity 0: the strictest cascade
    wait_idle(page)
    assert_no_error(page)
