"""Every page opens in a real browser with no error box and no traceback."""

import pytest

from engine.catalog import DEMOS
from tests.browser.conftest import assert_no_error, open_page, screenshot, serve

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


def test_first_visit_by_deep_link_gets_the_titled_navigation(page):
    """A fresh server whose first visitor opens /hat still runs through streamlit_app.py."""
    with serve() as (url, _):
        open_page(page, url, "hat")
        page.get_by_role("heading", name="Sorting hat").first.wait_for()
        page.wait_for_function(
            """() => /Perception engine/.test(
                document.querySelector('[data-testid="stSidebarNavItems"]').innerText)""",
            timeout=30_000,
        )
        nav = page.locator('[data-testid="stSidebarNavItems"]').inner_text()
        assert "Sorting hat" in nav and "Perception engine" in nav
        assert "streamlit app" not in nav
        assert_no_error(page)
