"""Browser fixtures: one `streamlit run` on loopback, Debian's chromium via Playwright."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "artifacts" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
# Chromium on a machine with no network: no background calls home, no GPU, root-safe sandbox.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_healthy(url: str, proc: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited early with code {proc.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise TimeoutError("streamlit did not become healthy in time")


@pytest.fixture(scope="session")
def server_tmpdir(tmp_path_factory) -> Path:
    """The app server's TMPDIR: tests check that uploads never land there."""
    return tmp_path_factory.mktemp("server-tmp")


@contextmanager
def serve(
    tmpdir: Path | None = None, log: Path | None = None
) -> Iterator[tuple[str, subprocess.Popen]]:
    """Run `streamlit run streamlit_app.py` on a free loopback port; yield (URL, process)."""
    port = _free_port()
    cmd = [sys.executable, "-m", "streamlit", "run", str(ROOT / "streamlit_app.py")]
    cmd += ["--server.address", "127.0.0.1", "--server.port", str(port)]
    cmd += ["--server.headless", "true", "--browser.gatherUsageStats", "false"]
    env = {**os.environ, **({"TMPDIR": str(tmpdir)} if tmpdir else {})}
    sink = open(log, "wb") if log else subprocess.DEVNULL  # noqa: SIM115 (closed below)
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=sink, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(url, proc)
        yield url, proc
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        if log:
            sink.close()


@pytest.fixture(scope="session")
def app_url(server_tmpdir):
    """Start the real app on 127.0.0.1 and yield its base URL."""
    with serve(server_tmpdir) as (url, _):
        yield url


@pytest.fixture(scope="session")
def browser():
    """Debian's chromium driven by the pip playwright package (never `playwright install`)."""
    if not (os.path.exists(CHROMIUM) and shutil.which(CHROMIUM)):
        message = f"{CHROMIUM} is missing (apt-get install chromium)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser):
    """A fresh browser context per test, so no state leaks between tests."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    pg = context.new_page()
    pg.set_default_timeout(60_000)
    yield pg
    context.close()


def wait_idle(pg, timeout: float = 60_000) -> None:
    """Wait until the app has rendered and no script run is in progress."""
    # The navigation renders only once the script has run; the skeleton shows until then.
    # Attached, not visible: on a phone the sidebar (and its navigation) starts collapsed.
    pg.wait_for_selector('[data-testid="stSidebarNavItems"]', state="attached", timeout=timeout)
    pg.wait_for_selector('[data-testid="stAppSkeleton"]', state="detached", timeout=timeout)
    pg.wait_for_function(
        """() => {
            const w = document.querySelector('[data-testid="stStatusWidget"]');
            return !w || !/Running|Stop/i.test(w.innerText);
        }""",
        timeout=timeout,
    )
    pg.wait_for_timeout(300)


def open_page(pg, app_url: str, path: str = "") -> None:
    """Navigate to an app page and wait for it to settle."""
    pg.goto(f"{app_url}/{path}")
    wait_idle(pg)


def assert_no_error(pg) -> None:
    """No exception box and no traceback text anywhere on the page."""
    assert pg.locator('[data-testid="stException"]').count() == 0
    body = pg.inner_text("body")
    assert "Traceback" not in body
    assert "Error running app" not in body


def screenshot(pg, name: str) -> Path:
    """Save a full-page screenshot under artifacts/screenshots (git-ignored)."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    out = SHOTS / f"{name}.png"
    pg.screenshot(path=str(out), full_page=True)
    return out


def upload(pg, name: str, data: bytes, mime: str = "image/png") -> None:
    """Put bytes into the page's file uploader as if a person chose that file, then settle."""
    pg.locator('[data-testid="stFileUploader"] input[type="file"]').first.set_input_files(
        files=[{"name": name, "mimeType": mime, "buffer": data}]
    )
    pg.wait_for_timeout(500)
    wait_idle(pg)


def error_texts(pg) -> list[str]:
    """Texts of the red error alerts currently on the page."""
    return pg.locator('[data-testid="stAlertContentError"]').all_inner_texts()
