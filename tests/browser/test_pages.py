"""Every page opens in a real browser with no error box and no traceback."""

from urllib.parse import urlsplit

import pytest

from engine.catalog import DEMOS
from tests.browser.conftest import assert_no_error, open_page, screenshot, serve, wait_idle

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


# Each demo card on Home: its title, where its heading sits, and its bordered box's height.
CARDS = """() => [...document.querySelectorAll('h3')].map(h => {
    let box = h;
    while (box && !(getComputedStyle(box).borderTopStyle === 'solid'
                    && box.getBoundingClientRect().height > 200)) box = box.parentElement;
    const at = h.getBoundingClientRect(), card = box.getBoundingClientRect();
    return {title: h.innerText.trim(), x: at.x, y: at.y, top: card.top, height: card.height};
})"""


def _reading_order(cards: list[dict]) -> list[str]:
    return [c["title"] for c in sorted(cards, key=lambda c: (round(c["y"]), c["x"]))]


def test_home_cards_follow_the_sidebar_line_up_and_caption_their_pictures(page, app_url):
    open_page(page, app_url)
    page.get_by_role("heading", name=DEMOS[-1].title).first.wait_for()
    nav = page.locator('[data-testid="stSidebarNavItems"]').inner_text().splitlines()
    sidebar = [t.strip() for t in nav if t.strip() in {d.title for d in DEMOS}]
    assert sidebar == [d.title for d in DEMOS]
    cards = [c for c in page.evaluate(CARDS) if c["title"] in sidebar]
    assert _reading_order(cards) == sidebar
    rows: dict[int, list[dict]] = {}
    for c in cards:
        rows.setdefault(round(c["top"]), []).append(c)
    assert len(rows) == 2 and all(len(r) == 2 for r in rows.values())
    for row in rows.values():  # side by side: the same top and the same height
        assert abs(row[0]["height"] - row[1]["height"]) <= 2, row
    captions = page.locator('[data-testid="stImageCaption"]').all_inner_texts()
    assert len(captions) == len(DEMOS) and all(captions)
    assert any("ellipses" in c and "scores" in c for c in captions)  # the coloured blobs
    screenshot(page, "home")
    page.set_viewport_size({"width": 560, "height": 1000})  # phone-ish: the cards stack
    page.wait_for_timeout(800)
    stacked = [c for c in page.evaluate(CARDS) if c["title"] in sidebar]
    assert len({round(c["x"]) for c in stacked}) == 1
    assert _reading_order(stacked) == sidebar
    assert_no_error(page)


@pytest.mark.parametrize("demo", DEMOS, ids=[d.key for d in DEMOS])
def test_the_claim_strip_is_above_the_fold(page, app_url, demo):
    """At 1400x1000 the write-up's claim, our number and any real-photo figure show at once."""
    from engine import catalog

    open_page(page, app_url, demo.key)
    strip = page.locator(f".st-key-claim_strip_{demo.key}")
    strip.wait_for()
    box = strip.bounding_box()
    assert box and box["y"] >= 0 and box["y"] + box["height"] < 1000, box
    text = " ".join(strip.inner_text().split())
    assert "The write-up" in text and "We measured" in text
    for words in (demo.claim, catalog.headline(demo.key), catalog.real_photos(demo.key)):
        if words:
            assert words[:60] in text, (words, text)
    title = page.evaluate("() => document.querySelector('h1').getBoundingClientRect().top")
    assert title < box["y"]  # right under the title
    assert_no_error(page)


@pytest.mark.parametrize("demo", DEMOS, ids=[d.key for d in DEMOS])
def test_each_home_card_ends_in_a_button_that_opens_its_demo(page, app_url, demo):
    """The next step looks like one: a primary button in the card, not a small grey link."""
    open_page(page, app_url)
    card = page.locator(f".st-key-home_card_{demo.key}")
    button = card.get_by_role("button", name=f"Open {demo.title}")
    button.wait_for()
    assert button.is_visible() and button.is_enabled()
    assert card.locator('[data-testid="stBaseButton-primary"]').count() == 1
    box, frame = button.bounding_box(), card.bounding_box()
    assert box and frame and box["width"] > 0.8 * frame["width"], (box, frame)  # full width
    assert box["height"] >= 36  # a button's height, not a line of small text
    button.click()
    # The path, whatever query the page then writes (UFO puts its first test sky there).
    page.wait_for_url(lambda url: urlsplit(url).path.endswith(f"/{demo.key}"))
    wait_idle(page)
    page.locator(f".st-key-claim_strip_{demo.key}").wait_for()  # the demo page, not Home
    assert_no_error(page)
