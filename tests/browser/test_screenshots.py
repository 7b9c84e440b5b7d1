"""Every page at 1400x1000 and on a 390x844 phone, saved small: `make screenshots` keeps them.

The pictures go to artifacts/screenshots/pages (git-ignored) unless PERCEPTION_LAB_SHOTS names
another folder: `make screenshots` points it at docs/screenshots, then copies Home at 1400x1000
into docs/home.png, the README's picture.
"""

import io
import os
from pathlib import Path

import pytest
from PIL import Image

from tests.browser.conftest import ROOT, assert_no_error, wait_idle

pytestmark = pytest.mark.browser
SIZES = {"desktop": (1400, 1000), "phone": (390, 844)}
# Each page's own sign that its first output is on screen, beyond the script having run.
READY = {
    "home": "text=Open Perception engine",
    "guitar": "text=Plain model top-5:",
    "ufo": "text=Saucers found",
    "hat": "text=Download the sorted photo (PNG)",
    "perception": '[data-testid="stImage"] img',
}
LIMIT = 300_000  # bytes per committed screenshot
PICTURES_LOADED = """() => [...document.images].every(i => i.complete && i.naturalWidth > 0)"""


def shots_dir() -> Path:
    """Where the screenshots go: PERCEPTION_LAB_SHOTS, else under artifacts/."""
    folder = os.environ.get("PERCEPTION_LAB_SHOTS")
    out = (ROOT / folder) if folder else ROOT / "artifacts" / "screenshots" / "pages"
    out.mkdir(parents=True, exist_ok=True)
    return out


def small_png(png: bytes) -> bytes:
    """The screenshot in 256 colours, optimised: a page is flat colours and text."""
    picture = Image.open(io.BytesIO(png)).convert("RGB")
    few = picture.quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    out = io.BytesIO()
    few.save(out, format="PNG", optimize=True)
    return out.getvalue()


@pytest.mark.parametrize("size", list(SIZES), ids=list(SIZES))
@pytest.mark.parametrize("name", list(READY))
def test_every_page_is_saved_as_a_small_screenshot(browser, app_url, name, size):
    width, height = SIZES[size]
    phone = size == "phone"
    context = browser.new_context(viewport={"width": width, "height": height}, has_touch=phone)
    try:
        page = context.new_page()
        page.set_default_timeout(60_000)
        page.goto(f"{app_url}/{'' if name == 'home' else name}")
        wait_idle(page)
        page.locator(READY[name]).first.wait_for()
        page.wait_for_function(PICTURES_LOADED)
        page.wait_for_timeout(1_000)  # charts and tab underlines finish their transitions
        assert_no_error(page)
        data = small_png(page.screenshot())
        assert len(data) < LIMIT, f"{name} {size}: {len(data)} bytes"
        out = shots_dir() / f"{name}-{width}x{height}.png"
        out.write_bytes(data)
        assert Image.open(out).size == (width, height)
    finally:
        context.close()
