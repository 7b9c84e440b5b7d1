"""Browser: Start a search, watch the live score trace grow, Stop it, see the final picture."""

import pytest

from engine.perception import targets
from tests.browser.conftest import assert_no_error, open_page, screenshot, wait_idle

pytestmark = pytest.mark.browser

POINTS = """() => {
    const plots = [...document.querySelectorAll('.js-plotly-plot')];
    const live = plots.find(p => p.data && p.data[0] && p.data[0].name.startsWith('best'));
    return live ? live.data[0].x.length : 0;
}"""


def test_start_grows_the_trace_and_stop_keeps_the_best(page, app_url):
    if not targets.classifiers():
        pytest.skip("no classifier is trained yet (python -m engine train guitar)")
    open_page(page, app_url, "perception")
    page.get_by_role("heading", name="Perception engine").first.wait_for()
    page.get_by_role("button", name="Start").wait_for()
    wait_idle(page)
    assert_no_error(page)
    screenshot(page, "perception-ready")
    budget = page.get_by_role("slider").nth(1)  # time budget: to its maximum, so Stop ends it
    budget.focus()
    budget.press("End")
    wait_idle(page)
    assert page.locator('[data-testid="stSliderThumbValue"]').nth(1).inner_text() == "120"
    page.get_by_role("button", name="Start").click()
    page.wait_for_function(f"({POINTS})() >= 3", timeout=60_000)
    first = page.evaluate(POINTS)
    page.wait_for_function(f"({POINTS})() > {first}", timeout=60_000)
    assert page.locator('[data-testid="stImage"]').count() >= 1
    screenshot(page, "perception-running")
    other = page.context.browser.new_context(viewport={"width": 1400, "height": 1000})
    visitor = other.new_page()  # a second visitor's page opens while the search runs
    open_page(visitor, app_url, "perception")
    visitor.get_by_role("button", name="Start").wait_for()
    visitor.get_by_text("Pick a class and press").wait_for()  # their own, idle session
    assert_no_error(visitor)
    other.close()
    assert page.evaluate(POINTS) > first  # and the first search kept going meanwhile
    page.get_by_role("button", name="Stop").click()
    wait_idle(page)
    page.get_by_text("stopped:").first.wait_for()
    page.get_by_text("Download PNG").wait_for()
    page.get_by_text("Download ellipses (JSON)").wait_for()
    page.wait_for_timeout(1000)  # let the final plots draw before the screenshot
    screenshot(page, "perception-stopped")
    search_tab = page.get_by_role("tabpanel").first
    assert search_tab.locator('[data-testid="stImage"]').count() == 1
    assert_no_error(page)
    page.get_by_role("tab", name="Findings").click()
    page.get_by_text("We measured").or_(page.get_by_text("Findings are not measured")).wait_for()
    page.wait_for_timeout(1500)  # let the plots draw before the screenshot
    assert_no_error(page)
    screenshot(page, "perception-findings")
