"""UFO page in a real browser: upload, shared links, the PNG download, the failure map."""

import io
from pathlib import Path

import pytest
from PIL import Image

from engine.images import to_png
from engine.ufo.composite import generated_sky
from tests.browser.conftest import assert_no_error, open_page, screenshot, wait_idle

pytestmark = pytest.mark.browser


def test_upload_a_generated_sky_and_read_the_box_count(page, app_url):
    # Start from a shared test-sky link, so the address holds a seed before the upload.
    open_page(page, app_url, "ufo?seed=3&saucer=1")
    page.get_by_role("heading", name="UFO masks").first.wait_for()
    page.get_by_text("Test sky seed").wait_for()
    assert "seed=3" in page.url
    payload = {"name": "sky.png", "mimeType": "image/png", "buffer": to_png(generated_sky(2))}
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(files=[payload])
    page.get_by_text("Saucers found").wait_for()
    wait_idle(page)
    count = page.locator('[data-testid="stMetricValue"]').first.inner_text()
    assert int(count) >= 1
    page.wait_for_url(lambda u: "seed" not in u)  # an upload never goes into the link
    page.get_by_text("Test sky seed").wait_for(state="detached")  # the rerun has replaced it
    page.locator("img").nth(2).wait_for()
    assert_no_error(page)
    screenshot(page, "ufo-upload")
    page.get_by_role("tab", name="Failure map").click()
    page.locator(".js-plotly-plot").first.wait_for()
    wait_idle(page)
    assert_no_error(page)
    screenshot(page, "ufo-failure-map")


def seed_note(pg) -> str:
    """The caption that names the test sky's seed and the output fingerprint."""
    return pg.get_by_text("Output fingerprint").first.inner_text()


def test_a_shared_link_reproduces_the_picture_in_a_fresh_browser(page, app_url):
    from engine import runtime
    from engine.ufo.unet import predict

    link = "ufo?model=ufo-seed-ranges&threshold=0.35&opacity=0.70&seed=23&saucer=1"
    open_page(page, app_url, link)
    page.get_by_text("Saucers found").wait_for()
    wait_idle(page)
    assert_no_error(page)
    model = runtime.load_model("ufo-seed-ranges")
    want = predict.panels(model, generated_sky(23, True), 0.35, 0.7)
    count = page.locator('[data-testid="stMetricValue"]').first.inner_text()
    assert int(count) == len(want.boxes)
    assert "seed 23" in seed_note(page) and want.fingerprint in seed_note(page)
    screenshot(page, "ufo-shared-link")

    # The download is the very PNG the engine draws for this link, and a valid picture.
    with page.expect_download() as info:
        page.get_by_role("button", name="Download annotated PNG").click()
    data = Path(info.value.path()).read_bytes()
    assert data == want.png
    assert Image.open(io.BytesIO(data)).size == (640, 480)

    # Nudge the opacity: the address bar follows, and that address opens the same page again.
    thumb = page.get_by_role("slider", name="Map opacity")
    thumb.focus()
    thumb.press("ArrowRight")
    page.wait_for_url("**opacity=0.75**")
    wait_idle(page)
    other = page.context.browser.new_context(viewport={"width": 1400, "height": 1000})
    try:
        again = other.new_page()
        again.set_default_timeout(60_000)
        open_page(again, app_url, page.url.split("/", 3)[3])
        again.get_by_text("Saucers found").wait_for()
        wait_idle(again)
        assert_no_error(again)
        assert (
            again.get_by_role("slider", name="Map opacity").get_attribute("aria-valuetext")
            == "0.75"
        )
        assert want.fingerprint in seed_note(again)
    finally:
        other.close()


def test_a_refused_file_clears_the_old_results_and_an_upload_disables_the_test_sky(page, app_url):
    from tests.browser.conftest import error_texts, upload

    open_page(page, app_url, "ufo?seed=1&saucer=1")
    page.get_by_text("Saucers found").wait_for()
    upload(page, "notes.png", b"this is not a picture")
    page.locator('[data-testid="stAlertContentError"]', has_text="notes.png").wait_for()
    wait_idle(page)
    assert any("notes.png" in e for e in error_texts(page))
    # Under the error: no boxes, count or download left over from the test sky before it.
    assert page.get_by_text("Saucers found").count() == 0
    assert page.get_by_text("Test sky seed").count() == 0
    generate = page.get_by_role("button", name="Generate a test sky")
    assert generate.is_disabled()
    assert page.get_by_text("Remove the uploaded file").count() == 1
    upload(page, "sky.png", to_png(generated_sky(2)))
    page.get_by_text("Saucers found").wait_for()
    assert generate.is_disabled()  # an upload in place: pressing it would be ignored, so say so
    assert_no_error(page)
    screenshot(page, "ufo-upload-disables-test-sky")
