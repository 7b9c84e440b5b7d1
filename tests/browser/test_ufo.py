"""UFO page in a real browser: upload a generated sky, read the box count, see the failure map."""

import pytest

from engine.images import to_png
from engine.ufo.composite import generated_sky
from tests.browser.conftest import assert_no_error, open_page, screenshot, wait_idle

pytestmark = pytest.mark.browser


def test_upload_a_generated_sky_and_read_the_box_count(page, app_url):
    open_page(page, app_url, "ufo")
    page.get_by_role("heading", name="UFO masks").first.wait_for()
    payload = {"name": "sky.png", "mimeType": "image/png", "buffer": to_png(generated_sky(2))}
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(files=[payload])
    page.get_by_text("Saucers found").wait_for()
    wait_idle(page)
    count = page.locator('[data-testid="stMetricValue"]').first.inner_text()
    assert int(count) >= 1
    page.locator("img").nth(2).wait_for()
    assert_no_error(page)
    screenshot(page, "ufo-upload")
    page.get_by_role("tab", name="Failure map").click()
    page.locator(".js-plotly-plot").first.wait_for()
    wait_idle(page)
    assert_no_error(page)
    screenshot(page, "ufo-failure-map")
