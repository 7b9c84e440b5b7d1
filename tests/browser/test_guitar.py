"""Guitar page in a browser: drag the mouse across the canvas; the plain model changes its mind."""

import re

import pytest

from engine import cards
from tests.browser.conftest import assert_no_error, open_page, screenshot, wait_idle

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(len(cards.available("guitar")) < 2, reason="guitar models not trained"),
]


def _plain_top5(page) -> str:
    text = page.inner_text("body")
    found = re.search(r"Plain model top-5: [^\n]+", text)
    assert found, "no plain-model probabilities on the page"
    return found.group(0)


def test_dragging_across_the_canvas_changes_plain_probabilities(page, app_url):
    open_page(page, app_url, "guitar")
    page.get_by_role("heading", name="Guitar occlusion").first.wait_for()
    page.get_by_text("Plain model top-5:").first.wait_for()
    before = _plain_top5(page)
    canvas = page.locator("canvas").last  # Fabric's upper canvas takes the pointer
    canvas.wait_for()
    box = canvas.bounding_box()
    assert box and box["width"] > 100
    x0, y0 = box["x"], box["y"]
    w, h = box["width"], box["height"]
    page.mouse.move(x0 + 0.15 * w, y0 + 0.9 * h)
    page.mouse.down()
    for i in range(1, 31):
        t = i / 30
        page.mouse.move(x0 + (0.15 + 0.7 * t) * w, y0 + (0.9 - 0.75 * t) * h + 30 * (i % 2))
    page.mouse.up()
    page.mouse.move(x0 + 0.5 * w, y0 + 0.6 * h)
    page.mouse.down()
    for i in range(1, 21):
        page.mouse.move(x0 + (0.85 - 0.035 * i) * w, y0 + 0.6 * h + 15 * (i % 3))
    page.mouse.up()
    page.wait_for_function(
        "() => /strokes on the canvas: [1-9]/.test(document.body.innerText)", timeout=60_000
    )
    wait_idle(page)
    after = _plain_top5(page)
    assert after != before, before
    assert_no_error(page)
    screenshot(page, "guitar-drawn")
