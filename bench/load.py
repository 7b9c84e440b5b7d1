"""Load: 20 concurrent browser sessions against one `streamlit run`, each doing its page's action.

Loopback only, bounded in count (SESSIONS x ROUNDS actions) and time (DEADLINE_S). Reports
errors, p50/p95 seconds from action to result, and the server's peak RSS. Run it alone:
`python -m bench load` (it is not part of the default bench run, which measures latency).
"""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

SESSIONS = 20  # concurrent browser contexts, spread over the catalog's demos
ROUNDS = 3  # main actions per session
DEADLINE_S = 540  # the whole run stops by itself after this

IDLE = """() => {
    const w = document.querySelector('[data-testid="stStatusWidget"]');
    return !w || !/Running|Stop/i.test(w.innerText);
}"""


async def settle(page, timeout: float = 120_000) -> None:
    """Wait for the first render and for no script run in progress."""
    await page.wait_for_selector('[data-testid="stSidebarNavItems"]', timeout=timeout)
    await page.wait_for_timeout(300)
    await page.wait_for_function(IDLE, timeout=timeout)


async def guitar(page, round_: int) -> None:
    """Draw one stroke across the canvas; done when the stroke count shows it."""
    canvas = page.locator("canvas").last
    box = await canvas.bounding_box()
    x, y, w, h = box["x"], box["y"], box["width"], box["height"]
    await page.mouse.move(x + 0.2 * w, y + (0.3 + 0.2 * round_) * h)
    await page.mouse.down()
    for i in range(1, 16):
        await page.mouse.move(x + (0.2 + 0.04 * i) * w, y + (0.3 + 0.2 * round_) * h + 5 * (i % 2))
    await page.mouse.up()
    await page.wait_for_function(
        f"() => /strokes on the canvas: {round_ + 1}\\b/.test(document.body.innerText)",
        timeout=120_000,
    )
    await settle(page)


async def ufo(page, round_: int) -> None:
    """Generate a test sky; done when the saucer count is shown."""
    await page.get_by_role("button", name="Generate a test sky").click()
    await page.wait_for_timeout(200)
    await settle(page)
    await page.get_by_text("Saucers found").first.wait_for(timeout=120_000)


async def hat(page, round_: int) -> None:
    """Nudge the sensitivity slider; done when the faces are sorted again."""
    slider = page.get_by_role("slider").first
    await slider.focus()
    await slider.press("ArrowLeft" if round_ % 2 else "ArrowRight")
    await page.wait_for_timeout(200)
    await settle(page)
    await page.get_by_text("found").first.wait_for(timeout=120_000)


async def perception(page, round_: int) -> None:
    """Run a 5 s search (time budget slider moved to 5); done when it reports its end."""
    budget = page.get_by_role("slider").nth(1)
    await budget.focus()
    await budget.press("Home")
    for _ in range(3):
        await budget.press("ArrowRight")
    await settle(page)
    await page.get_by_role("button", name="Start").click()
    # The previous round's "time budget used" stays until the new run replaces it.
    await page.wait_for_function("() => !document.body.innerText.includes('time budget used')")
    await page.get_by_text("time budget used").first.wait_for()
    await settle(page)


async def visit(page, round_: int) -> None:
    """A demo with no action of its own here: reload its page; done when it has settled."""
    await page.reload()
    await settle(page)


# Each demo's main action; a demo not named here (a new one) is visited, reloaded each round.
ACTIONS = {"guitar": guitar, "ufo": ufo, "hat": hat, "perception": perception}


def visits() -> list[str]:
    """The demos the sessions are spread over: every demo in the catalog."""
    from engine import catalog

    return [d.key for d in catalog.DEMOS]


async def warm_up(browser, url: str) -> None:
    """One visit to Home first, as a hosted app's first visitor would (not timed)."""
    page = await browser.new_page()
    await page.goto(url, timeout=120_000)
    await settle(page)
    await page.close()


async def session(
    browser, url: str, key: str, times: list[tuple[str, float]], errors: list[str]
) -> None:
    """One visitor: open the page, do its action ROUNDS times, record each duration."""
    context = await browser.new_context(viewport={"width": 1400, "height": 1000})
    page = await context.new_page()
    page.set_default_timeout(120_000)  # 20 browsers share 2 cores with the server: be patient
    try:
        await page.goto(f"{url}/{key}", timeout=120_000)
        await settle(page)
        for round_ in range(ROUNDS):
            start = time.perf_counter()
            await ACTIONS.get(key, visit)(page, round_)
            if await page.locator('[data-testid="stException"]').count():
                errors.append(f"{key}: exception box")
            times.append((key, time.perf_counter() - start))
    except Exception as exc:  # every failure counts as an error, the run goes on
        errors.append(f"{key}: {type(exc).__name__}: {str(exc).splitlines()[0][:120]}")
    finally:
        await context.close()


def peak_rss_mb(pid: int) -> float:
    """The process's peak resident set size (VmHWM) in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


async def drive(url: str) -> tuple[list[tuple[str, float]], list[str]]:
    """All sessions at once in one chromium, bounded by DEADLINE_S."""
    from playwright.async_api import async_playwright

    from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS

    times: list[tuple[str, float]] = []
    errors: list[str] = []
    keys = visits()
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        await warm_up(browser, url)
        jobs = [session(browser, url, keys[i % len(keys)], times, errors) for i in range(SESSIONS)]
        try:
            await asyncio.wait_for(asyncio.gather(*jobs), DEADLINE_S)
        except TimeoutError:
            errors.append(f"deadline of {DEADLINE_S} s reached")
        await browser.close()
    return times, errors


def run(report) -> None:
    """Start the app on loopback, drive the sessions, report the figures."""
    import tempfile

    from tests.browser.conftest import serve

    log = Path(tempfile.mkdtemp()) / "server.log"
    with serve(log=log) as (url, server):
        start = time.perf_counter()
        times, errors = asyncio.run(drive(url))
        wall = time.perf_counter() - start
        rss = peak_rss_mb(server.pid)
    report(f"load: sessions x actions ({SESSIONS} x {ROUNDS})", f"{len(times)} done", "")
    report("load: errors", len(errors), "")
    report("load: exceptions in the server log", log.read_text().count("Traceback"), "")
    for e in errors[:10]:
        print(f"    {e}")
    for key in ["all", *visits()]:
        got = sorted(t for k, t in times if key in ("all", k))
        if got:
            p95 = got[min(len(got) - 1, int(0.95 * len(got)))]
            report(
                f"load: {key} time to result p50 / p95",
                f"{got[len(got) // 2]:.2f} / {p95:.2f}",
                "s",
            )
    report("load: wall time", wall, "s")
    report("load: server peak RSS", rss, "MB")
