"""Offline means offline: nothing the app serves makes the browser reach past 127.0.0.1."""

from urllib.parse import urlparse

import pytest

from engine.catalog import DEMOS
from tests.browser.conftest import open_page, wait_idle

pytestmark = pytest.mark.browser
# Schemes a page may use without any network at all.
LOCAL_SCHEMES = {"data", "blob", "about"}


def _outside(url: str) -> bool:
    parsed = urlparse(url)
    if parsed.scheme in LOCAL_SCHEMES:
        return False
    return parsed.hostname not in ("127.0.0.1", "localhost")


def test_no_request_leaves_the_machine_on_any_page(page, app_url):
    """Home and every demo, by address and through the sidebar: every request stays local."""
    seen: list[str] = []
    page.on("request", lambda r: seen.append(r.url))
    open_page(page, app_url)
    for demo in DEMOS:
        open_page(page, app_url, demo.key)
    open_page(page, app_url)
    for demo in DEMOS:  # the way a visitor moves: the sidebar, which swaps the favicon too
        page.locator('[data-testid="stSidebarNavItems"]').get_by_text(demo.title).click()
        page.get_by_role("heading", name=demo.title).first.wait_for()
        wait_idle(page)
    page.wait_for_timeout(1000)  # late favicon or font requests
    icon = page.evaluate("() => document.querySelector(\"link[rel='shortcut icon']\").href")
    assert seen and not _outside(icon), icon
    leaving = sorted({u for u in seen if _outside(u)})
    assert not leaving, leaving
