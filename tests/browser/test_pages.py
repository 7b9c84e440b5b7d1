"""Every page opens in a real browser with no error box and no traceback."""

import pytest

from engine.catalog import DEMOS
from tests.browser.conftest import assert_no_error, open_page, screenshot

pytestmark = pytest.mark.browser


def test_home_lists_every_demo(page, app_url):
    open_page(page, app_url)
    page.wait_for_selector("text=Perception Lab")
    for demo in DEMOS:
        page.get_by_role("heading", name=demo.title).first.wait_for()
    assert_no_error(page)
    screenshot(page, "home")


@pytest.mark.parametrize("demo", DEMOS, ids=[d.key for d in DEMOS])
def test_demo_page_opens(page, app_url, demo):
    open_page(page, app_url, demo.key)
    page.get_by_role("heading", name=demo.title).first.wait_for()
    assert_no_error(page)
    screenshot(page, demo.key)
