"""Sorting hat in a real browser: uploads sorted, shared links rebuilt, the PNG download."""

import io
import re
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from engine import runtime
from engine.hat import explain, faces, groups
from engine.hat.lore import HOUSES
from engine.images import load_image, to_png
from tests.browser.conftest import assert_no_error, open_page, screenshot, upload, wait_idle

pytestmark = pytest.mark.browser
FOUND = re.compile(r"^\d+ faces? found$")


def settle(page, faces_found: int) -> None:
    """Wait until every face's four probability bars are on the page (the page's last output)."""
    page.wait_for_function(
        "n => document.querySelectorAll('[role=\"progressbar\"]').length === n",
        arg=4 * faces_found,
    )
    page.get_by_text("Download the sorted photo (PNG)").wait_for()


def tall_screenshot(page, name: str, height: int = 2400) -> None:
    """The whole page: the app scrolls inside its own container, so grow the window first."""
    page.set_viewport_size({"width": 1400, "height": height})
    page.wait_for_timeout(500)
    screenshot(page, name)


def test_sample_photo_is_sorted_on_open(page, app_url):
    open_page(page, app_url, "hat")
    heading = page.get_by_text(FOUND).first
    heading.wait_for()
    found = int(heading.inner_text().split()[0])
    settle(page, found)
    tallies = page.locator('[data-testid="stMetricValue"]').all_inner_texts()
    assert len(tallies) == 4 and sum(int(t) for t in tallies) == found
    page.get_by_text("What you're seeing, and the hat's lore").click()
    page.get_by_text("read by their tone").first.wait_for()  # the lore (lore.LORE_TEXT) is shown
    assert_no_error(page)
    tall_screenshot(page, "hat-sample")


def test_uploaded_group_photo_reports_its_faces(page, app_url):
    photo = groups.compose(np.random.default_rng(2026), 8, (1200, 900))
    buffer = io.BytesIO()
    Image.fromarray(photo.image).save(buffer, format="JPEG", quality=92)
    data = buffer.getvalue()
    expected = len(faces.detect(load_image(data)))  # what the server sees, decoded the same way
    assert expected >= 6  # the photo really shows most of its 8 faces to the cascade

    open_page(page, app_url, "hat")
    page.get_by_text(FOUND).first.wait_for()
    upload(page, "group.jpg", data, "image/jpeg")
    page.get_by_text(f"{expected} faces found").wait_for()
    settle(page, expected)
    tallies = page.locator('[data-testid="stMetricValue"]').all_inner_texts()
    assert sum(int(t) for t in tallies) == expected
    assert page.get_by_text("...or a sample group photo").count() == 0  # the upload replaced them
    page.wait_for_url(lambda u: "sample=" not in u)  # an upload never goes into the link
    assert_no_error(page)
    tall_screenshot(page, "hat-upload")


def test_photo_without_faces_gets_advice(page, app_url):
    buffer = io.BytesIO()
    Image.fromarray(np.full((300, 400, 3), 120, np.uint8)).save(buffer, format="PNG")
    open_page(page, app_url, "hat")
    page.get_by_text(FOUND).first.wait_for()
    upload(page, "wall.png", buffer.getvalue())
    page.get_by_text("0 faces found").wait_for()
    page.get_by_text("Try a higher sensitivity").wait_for()
    assert_no_error(page)


def shown(pg) -> dict[str, object]:
    """The numbers a person reads off the page: tallies, fingerprint, per-face and close-up text."""
    return {
        "tallies": pg.locator('[data-testid="stMetricValue"]').all_inner_texts(),
        "note": pg.get_by_text("Output fingerprint").first.inner_text(),
        "faces": pg.get_by_text(re.compile(r"steady \d+/\d+")).all_inner_texts(),
        "probe": pg.get_by_text(re.compile(r"\d+/\d+ jittered crops")).first.inner_text(),
    }


def test_a_shared_link_reproduces_the_numbers_in_a_fresh_browser(page, app_url, browser):
    link = "hat?sample=group_2.jpg&sensitivity=60&seed=17&face=5"
    want = explain.inspect(groups.load_sample("group_2.jpg"), runtime.load_model("hat"), 0.6, 17)
    found = len(want.sorting.faces)
    open_page(page, app_url, link)
    page.get_by_text(f"{found} faces found").wait_for()
    settle(page, found)
    seen = shown(page)
    assert seen["tallies"] == [str(v) for v in want.sorting.tallies.values()]
    assert "Probe seed 17" in seen["note"] and want.fingerprint in seen["note"]
    assert len(seen["faces"]) == found
    probe = want.probes[5]
    assert f"{probe.kept}/{probe.n} jittered crops" in seen["probe"]
    assert_no_error(page)
    tall_screenshot(page, "hat-shared-link", 3400)

    # The download is the very PNG the engine draws for this link, and a valid picture.
    with page.expect_download() as info:
        page.get_by_role("button", name="Download the sorted photo (PNG)").click()
    data = Path(info.value.path()).read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data == to_png(want.sorting.annotated)
    assert Image.open(io.BytesIO(data)).size == (1600, 1200)

    # A fresh browser context (no cookies, no session) opening the link sees the same numbers.
    other = browser.new_context(viewport={"width": 1400, "height": 1000})
    try:
        again = other.new_page()
        again.set_default_timeout(60_000)
        open_page(again, app_url, link)
        again.get_by_text(f"{found} faces found").wait_for()
        settle(again, found)
        assert shown(again) == seen
        assert_no_error(again)
    finally:
        other.close()


def test_a_new_seed_goes_into_the_address_and_replays(page, app_url, browser):
    open_page(page, app_url, "hat")
    page.get_by_text("10 faces found").wait_for()
    settle(page, 10)
    box = page.get_by_label("Probe seed", exact=True)
    box.fill("5")
    box.press("Enter")
    page.wait_for_url("**seed=5**")
    wait_idle(page)
    page.get_by_role("button", name="Replay").click()
    page.get_by_text("identical to the output above").wait_for()
    seen = shown(page)
    assert "Probe seed 5" in seen["note"]
    assert seen["note"].split()[-1].strip(".") in page.get_by_text("identical to").inner_text()
    other = browser.new_context(viewport={"width": 1400, "height": 1000})
    try:
        again = other.new_page()
        again.set_default_timeout(60_000)
        open_page(again, app_url, page.url.split("/", 3)[3])
        settle(again, 10)
        assert shown(again) == seen
    finally:
        other.close()


# Every probability bar of the face grid as drawn in this very frame: its label and the share of
# its track that is filled (a bar still sliding from the previous photo's length reads wrong).
BARS_NOW = """() => [...document.querySelectorAll('[role="progressbar"]')].map(bar => {
    const track = bar.firstElementChild.getBoundingClientRect();
    const fill = bar.firstElementChild.firstElementChild.getBoundingClientRect();
    const shown = (Math.min(fill.right, track.right) - track.left) / track.width;
    return [bar.previousElementSibling.innerText.trim(), shown];
})"""


def test_bars_show_the_new_photo_lengths_the_moment_its_numbers_appear(page, app_url):
    want = explain.inspect(groups.load_sample("group_2.jpg"), runtime.load_model("hat"), 0.5, 1)
    probs = [(h, p) for f in want.sorting.faces for h, p in zip(HOUSES, f.probs, strict=True)]
    labels = [f"{h} {p:.0%}" for h, p in probs]
    open_page(page, app_url, "hat")
    page.get_by_text("10 faces found").wait_for()
    settle(page, 10)
    page.get_by_label("...or a sample group photo").click()
    page.get_by_role("option", name="group_2.jpg").click()
    # Polled every animation frame: the first frame in which the new photo's numbers are written.
    first = page.wait_for_function(
        f"want => {{ const bars = ({BARS_NOW})(); "
        "return JSON.stringify(bars.map(b => b[0])) === JSON.stringify(want) ? bars : null; }",
        arg=labels,
        polling="raf",
    ).json_value()
    drawn = zip(first, probs, strict=True)
    wrong = [(t, round(s, 2)) for (t, s), (_, p) in drawn if abs(s - min(1.0, max(0.0, p))) > 0.02]
    assert not wrong, wrong
    wait_idle(page)
    assert_no_error(page)
    tall_screenshot(page, "hat-switched-sample")


def test_sample_sensitivity_seed_and_face_survive_a_visit_to_another_page(page, app_url):
    open_page(page, app_url, "hat")
    page.get_by_text("10 faces found").wait_for()
    page.get_by_label("...or a sample group photo").click()
    page.get_by_role("option", name="group_2.jpg").click()
    page.wait_for_url("**sample=group_2.jpg**")
    wait_idle(page)
    slider = page.get_by_role("slider", name="Sensitivity")
    slider.focus()
    slider.press("ArrowRight")
    page.wait_for_url(lambda u: "sensitivity=50" not in u)
    wait_idle(page)
    box = page.get_by_label("Probe seed", exact=True)
    box.fill("7")
    box.press("Enter")
    page.wait_for_url("**seed=7**")
    wait_idle(page)
    page.get_by_text("Why this house, and how firmly?").wait_for()
    wait_idle(page)
    face = re.compile(r"^Face")  # not the sample picker, whose label says "faces"
    picker = page.locator('[data-testid="stSelectbox"]').filter(has_text=face).first
    picker.scroll_into_view_if_needed()
    picker.click()
    page.get_by_role("option", name=re.compile(r"^4\. ")).click()
    page.wait_for_url("**face=3**")
    wait_idle(page)
    before, link = shown(page), page.url.split("?", 1)[1]
    nav = page.locator('[data-testid="stSidebarNavItems"]')
    nav.get_by_text("Home", exact=True).click()
    page.get_by_text("The write-up claimed").first.wait_for()
    wait_idle(page)
    nav.get_by_text("Sorting hat", exact=True).click()
    page.get_by_text(FOUND).first.wait_for()
    wait_idle(page)
    page.wait_for_url(lambda u: u.endswith("?" + link))  # the address names it again
    assert shown(page) == before
    assert page.get_by_label("Probe seed", exact=True).input_value() == "7"
    assert_no_error(page)


def _face_picker(page):
    """The close-up's face picker (not the sample picker, whose label says "faces")."""
    return page.locator('[data-testid="stSelectbox"]').filter(has_text=re.compile(r"^Face")).first


def _picker_shows(page) -> tuple[str, list[str]]:
    """What the face picker shows, and the labels it offers when opened."""
    picker = _face_picker(page)
    picker.scroll_into_view_if_needed()
    value = picker.locator("input").input_value()
    picker.locator('button[aria-label="Open"]').click()
    options = page.get_by_role("option").all_inner_texts()
    page.keyboard.press("Escape")
    return value, options


def test_the_face_picker_labels_come_from_the_current_photo(page, app_url):
    model = runtime.load_model("hat")
    photo = groups.compose(np.random.default_rng(2026), 8, (1200, 900))
    buffer = io.BytesIO()
    Image.fromarray(photo.image).save(buffer, format="JPEG", quality=92)
    upload_faces = explain.inspect(load_image(buffer.getvalue()), model, 0.5, 1).sorting.faces

    def labels(faces) -> list[str]:
        return [f"{i + 1}. {f.house}" for i, f in enumerate(faces)]

    open_page(page, app_url, "hat")
    page.get_by_text("10 faces found").wait_for()
    first = labels(explain.inspect(groups.load_sample("group_1.jpg"), model, 0.5, 1).sorting.faces)
    _face_picker(page).scroll_into_view_if_needed()
    _face_picker(page).locator('button[aria-label="Open"]').click()
    page.get_by_role("option", name=first[1], exact=True).first.click()
    page.wait_for_url("**face=1**")
    wait_idle(page)
    assert _picker_shows(page) == (first[1], first)

    second = labels(explain.inspect(groups.load_sample("group_2.jpg"), model, 0.5, 1).sorting.faces)
    sample = page.locator('[data-testid="stSelectbox"]').filter(has_text="sample group photo")
    sample.scroll_into_view_if_needed()
    sample.locator('button[aria-label="Open"]').click()
    page.get_by_role("option", name="group_2.jpg").click()
    page.wait_for_url("**sample=group_2.jpg**")
    wait_idle(page)
    assert _picker_shows(page) == (second[1], second)

    upload(page, "group.jpg", buffer.getvalue(), "image/jpeg")
    page.get_by_text(f"{len(upload_faces)} faces found").wait_for()
    wait_idle(page)
    assert _picker_shows(page) == (labels(upload_faces)[1], labels(upload_faces))
    assert_no_error(page)
    tall_screenshot(page, "hat-picker-after-upload")
