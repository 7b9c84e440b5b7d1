"""The bad-input corpus through every upload page in a real browser: words, never a traceback."""

import os
from pathlib import Path

import pytest

from tests.browser.conftest import (
    ROOT,
    assert_no_error,
    error_texts,
    open_page,
    screenshot,
    upload,
)
from tests.corpus import corpus

pytestmark = pytest.mark.browser

# Every page with an uploader, and the expander to open first when the uploader sits in one.
UPLOAD_PAGES = {"ufo": None, "hat": None, "guitar": "Use your own guitar photo"}
# Text each page shows once it has worked on an accepted upload.
RESULT = {"ufo": "Saucers found", "hat": "found", "guitar": "your photo"}
SKIP_DIRS = {".git", ".venv", "artifacts", "__pycache__", ".pytest_cache", ".ruff_cache"}


def tree(root: Path) -> set[str]:
    """Every file under root, minus caches and the test outputs."""
    found = set()
    for base, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if d not in SKIP_DIRS]
        found |= {os.path.join(base, f) for f in files}
    return found


@pytest.mark.parametrize("key", UPLOAD_PAGES)
def test_every_bad_upload_gets_words(page, app_url, server_tmpdir, key):
    before_project, before_tmp = tree(ROOT), tree(server_tmpdir)
    open_page(page, app_url, key)
    if UPLOAD_PAGES[key]:
        page.get_by_text(UPLOAD_PAGES[key]).first.click()
    for case in corpus():
        upload(page, case.name, case.data)
        if case.error:  # under load the rerun can start after upload()'s short wait
            page.locator('[data-testid="stAlertContentError"]', has_text=case.name).wait_for()
        errors = " ".join(error_texts(page))
        if case.error:
            assert case.error in errors, (case.name, errors)
        else:
            assert case.name not in errors, (case.name, errors)
            page.get_by_text(RESULT[key]).first.wait_for()  # the accepted upload was used
        assert_no_error(page)
    screenshot(page, f"{key}-bad-input")
    assert tree(ROOT) == before_project, "an upload left a file in the project"
    assert tree(server_tmpdir) == before_tmp, "an upload left a file in the server's TMPDIR"
