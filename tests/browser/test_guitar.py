"""Guitar page in a browser: drag the mouse across the canvas; the plain model changes its mind."""

import re
from pathlib import Path

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


def _fingerprint(pg) -> str:
    return pg.get_by_text("Output fingerprint").first.inner_text().split("fingerprint ")[1][:12]


def test_a_drawing_shared_by_link_reproduces_in_a_fresh_browser(page, app_url, browser):
    open_page(page, app_url, "guitar?guitar=Telecaster&seed=4")
    page.get_by_text("Plain model top-5:").first.wait_for()
    canvas = page.locator("canvas").last
    box = canvas.bounding_box()
    x0, y0, w, h = box["x"], box["y"], box["width"], box["height"]
    page.mouse.move(x0 + 0.2 * w, y0 + 0.3 * h)
    page.mouse.down()
    for i in range(1, 25):
        page.mouse.move(x0 + (0.2 + 0.025 * i) * w, y0 + (0.3 + 0.02 * i) * h + 8 * (i % 2))
    page.mouse.up()
    page.wait_for_url(lambda u: "drawing=" in u, timeout=60_000)
    wait_idle(page)
    link, shown, top5 = page.url, _fingerprint(page), _plain_top5(page)
    assert "guitar=Telecaster" in link and "seed=4" in link
    other = browser.new_context(viewport={"width": 1400, "height": 1000})
    try:
        fresh = other.new_page()
        fresh.set_default_timeout(60_000)
        fresh.goto(link)
        wait_idle(fresh)
        fresh.get_by_text("strokes on the canvas: 1").first.wait_for()
        assert _fingerprint(fresh) == shown
        assert _plain_top5(fresh) == top5
        assert_no_error(fresh)
        screenshot(fresh, "guitar-shared-link")
    finally:
        other.close()


def test_the_occlusion_curves_download_is_valid_csv(page, app_url):
    import csv
    import io

    open_page(page, app_url, "guitar?guitar=SG&seed=1")
    page.get_by_role("tab", name="Measured").click()
    with page.expect_download() as info:
        page.get_by_role("button", name="Download the curves (CSV)").click()
    text = Path(info.value.path()).read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 20
    assert {r["model"] for r in rows} == {"guitar-plain", "guitar-dust"}
    assert all(0.0 <= float(r["accuracy"]) <= 1.0 for r in rows)
    screenshot(page, "guitar-measured")


def test_attention_maps_and_the_duel_in_the_page(page, app_url):
    open_page(page, app_url, "guitar?guitar=SG&seed=2")
    page.get_by_text("Where each model looks").first.wait_for()
    page.get_by_text("Plain model: explains").first.wait_for()
    page.get_by_text("Dust-trained model: explains").first.wait_for()
    page.get_by_text("Difference: blue where").first.wait_for()
    assert "share of attention outside the top 10" in page.inner_text("body")
    page.get_by_role("tab", name="Occlusion duel").click()
    page.get_by_role("button", name="Find the smallest flip").click()
    page.get_by_text("flipped to").first.wait_for(timeout=90_000)
    wait_idle(page)
    body = page.inner_text("body")
    assert body.count("of the model's 64x64") + body.count("not flipped within") >= 1
    assert_no_error(page)
    screenshot(page, "guitar-duel")


def _scribble(page, fx: float = 0.2) -> None:
    """One freehand stroke across the canvas's middle (scrolled into view, as a person would)."""
    canvas = page.locator("canvas").last
    canvas.scroll_into_view_if_needed()
    box = canvas.bounding_box()
    x0, y0, w, h = box["x"], box["y"], box["width"], box["height"]
    page.mouse.move(x0 + fx * w, y0 + 0.4 * h)
    page.mouse.down()
    for i in range(1, 21):
        page.mouse.move(x0 + (fx + 0.03 * i) * w, y0 + (0.4 + 0.02 * i) * h + 6 * (i % 2))
    page.mouse.up()


def test_clear_drawing_empties_the_canvas_itself(page, app_url):
    open_page(page, app_url, "guitar?guitar=Telecaster&seed=4")
    page.get_by_text("Plain model top-5:").first.wait_for()
    clean = _plain_top5(page)
    _scribble(page)
    page.get_by_text("strokes on the canvas: 1").first.wait_for()
    page.wait_for_url(lambda u: "drawing=" in u)
    wait_idle(page)
    assert _plain_top5(page) != clean
    page.get_by_role("button", name="Clear drawing").click()
    page.get_by_text("strokes on the canvas: 0").first.wait_for()
    page.wait_for_url(lambda u: "drawing=" not in u)
    wait_idle(page)
    assert _plain_top5(page) == clean
    # The strokes are gone from the canvas too, not only from the scores: one new stroke is 1.
    _scribble(page, 0.3)
    page.get_by_text("strokes on the canvas: 1").first.wait_for()
    wait_idle(page)
    assert page.get_by_text("strokes on the canvas: 1").count() >= 1
    assert_no_error(page)
    screenshot(page, "guitar-cleared-and-redrawn")


def test_surprise_reveal_says_when_neither_model_knows_the_guitar(page, app_url):
    open_page(page, app_url, "guitar?seed=2")  # "Surprise me", render seed 2: the Duo-Sonic
    page.get_by_text("hidden (pick a guitar to know)").first.wait_for()
    assert "Duo-Sonic" not in page.inner_text("body")
    page.get_by_role("button", name="Reveal").click()
    page.get_by_text("not among the 13 classes").wait_for()
    page.keyboard.press("Escape")
    page.get_by_role("tab", name="Occlusion duel").click()
    page.get_by_text("Pick another guitar").wait_for()  # a rendered one is picked already
    assert page.get_by_text("Pick a rendered guitar").count() == 0
    page.wait_for_timeout(500)  # the tab's underline has finished sliding
    assert_no_error(page)
    screenshot(page, "guitar-surprise-revealed")


def _away_and_back(page, title: str) -> None:
    """Leave for Home through the sidebar, then come back to `title` the same way."""
    nav = page.locator('[data-testid="stSidebarNavItems"]')
    nav.get_by_text("Home", exact=True).click()
    page.get_by_text("The write-up claimed").first.wait_for()
    wait_idle(page)
    nav.get_by_text(title, exact=True).click()
    wait_idle(page)


def test_the_picked_guitar_and_the_drawing_survive_a_visit_to_another_page(page, app_url):
    open_page(page, app_url, "guitar")
    page.get_by_text("Plain model top-5:").first.wait_for()
    page.get_by_label("Guitar", exact=True).click()
    page.get_by_role("option", name="Telecaster", exact=True).click()
    page.get_by_text("Rendered guitar: Telecaster").first.wait_for()
    page.get_by_role("button", name="New render").click()
    page.get_by_text("Render seed 2").first.wait_for()
    _scribble(page)
    page.get_by_text("strokes on the canvas: 1").first.wait_for()
    wait_idle(page)
    shown, top5 = _fingerprint(page), _plain_top5(page)
    _away_and_back(page, "Guitar occlusion")
    page.get_by_text("Rendered guitar: Telecaster").first.wait_for()
    page.get_by_text("strokes on the canvas: 1").first.wait_for()
    wait_idle(page)
    assert _fingerprint(page) == shown and _plain_top5(page) == top5
    assert_no_error(page)
    screenshot(page, "guitar-after-a-visit-home")


def test_new_render_and_a_photo_start_clean_and_say_what_they_are(page, app_url):
    from engine.guitar.predict import scene
    from engine.images import to_png
    from tests.browser.conftest import upload

    open_page(page, app_url, "guitar?guitar=Telecaster&seed=4")
    page.get_by_text("Plain model top-5:").first.wait_for()
    _scribble(page)
    page.get_by_text("strokes on the canvas: 1").first.wait_for()
    wait_idle(page)
    page.get_by_role("button", name="New render").click()
    page.get_by_text("Render seed 5").first.wait_for()
    page.get_by_text("strokes on the canvas: 0").first.wait_for()  # not the last guitar's lines
    wait_idle(page)
    _scribble(page)
    page.get_by_text("strokes on the canvas: 1").first.wait_for()
    wait_idle(page)
    page.get_by_text("Use your own guitar photo instead").click()
    upload(page, "my-guitar.png", to_png(scene("SG", 9).image))
    page.get_by_text("Your photo · strokes on the canvas: 0").first.wait_for()
    assert page.get_by_text("Rendered guitar: your photo").count() == 0
    wait_idle(page)
    _scribble(page, 0.3)  # the render's stroke is gone from the canvas itself: one new one is 1
    page.get_by_text("Your photo · strokes on the canvas: 1").first.wait_for()
    wait_idle(page)
    page.get_by_role("tab", name="Occlusion duel").click()
    page.get_by_text("your uploaded photo has taken its place").wait_for()
    assert page.get_by_text("Pick a rendered guitar").count() == 0
    assert_no_error(page)
    screenshot(page, "guitar-photo-clean")


def test_a_photo_without_a_guitar_is_told_so_instead_of_a_guitar_name(page, app_url):
    skdata = pytest.importorskip("skimage.data")
    from engine.images import to_png
    from tests.browser.conftest import upload

    open_page(page, app_url, "guitar")
    page.get_by_text("Plain model top-5:").first.wait_for()
    page.get_by_text("Use your own guitar photo instead").click()
    upload(page, "portrait.png", to_png(skdata.astronaut()))
    page.get_by_text("No guitar here").first.wait_for()
    strip = page.locator(".st-key-guitar_answers").inner_text()
    assert "No guitar here" in strip and "Plain model" not in strip, strip
    assert page.get_by_text("No guitar found").count() == 2  # both score columns disown theirs
    assert_no_error(page)
    screenshot(page, "guitar-no-guitar")


PHONE = {"width": 390, "height": 844}
TABS_FIT = """() => [...document.querySelectorAll('[role="tab"]')].map(t => {
    const box = t.getBoundingClientRect(), list = t.closest('[role="tablist"]');
    const bar = list.getBoundingClientRect();
    return {name: t.innerText.trim(), cut: t.scrollWidth > t.clientWidth,
            inside: box.left >= bar.left - 1 && box.right <= bar.right + 1,
            scrolls: list.scrollWidth > list.clientWidth};
})"""


def test_on_a_phone_the_canvas_and_both_answers_fit_one_screen(browser, app_url):
    """390x844: draw, then the canvas and both top answers are in view together; tabs fit."""
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
    try:
        page = context.new_page()
        page.set_default_timeout(60_000)
        page.goto(f"{app_url}/guitar?guitar=Telecaster&seed=4")
        page.get_by_text("Plain model top-5:").first.wait_for()
        canvas = page.locator("canvas").last
        _scribble(page)
        page.get_by_text("strokes on the canvas: 1").first.wait_for()
        page.wait_for_timeout(500)
        canvas.evaluate("c => c.scrollIntoView({block: 'start'})")
        page.wait_for_timeout(300)
        strip = page.locator(".st-key-guitar_answers")
        for title in ("Plain model", "Dust-trained model"):
            assert title in strip.inner_text()
        assert strip.inner_text().count("%") == 2
        drawn, answers = canvas.bounding_box(), strip.bounding_box()
        assert drawn["width"] <= PHONE["width"] and drawn["x"] >= 0
        top, bottom = drawn["y"], answers["y"] + answers["height"]
        # Within a pixel: scrollIntoView may leave the canvas a sub-pixel above the top.
        assert top >= -1 and bottom <= PHONE["height"], (drawn, answers)
        tabs = page.evaluate(TABS_FIT)
        assert len(tabs) == 3 and not any(t["cut"] or t["scrolls"] for t in tabs), tabs
        assert all(t["inside"] for t in tabs), tabs
        body = page.inner_text("body")
        for words in ("on the left", "on the right", "with the mouse", "hover over the canvas"):
            assert words not in body, words
        assert "finger or the mouse" in body
        assert_no_error(page)
        screenshot(page, "guitar-phone")
    finally:
        context.close()
