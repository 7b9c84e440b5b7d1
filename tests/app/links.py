"""Shared AppTest steps for issue 9's links: open one in a fresh session, read the fingerprint."""

from streamlit.testing.v1 import AppTest


def open_link(page: str, link: dict[str, str], timeout: int = 60) -> AppTest:
    """A fresh session (nothing shared with the one that made the link) opened on it."""
    fresh = AppTest.from_file(page, default_timeout=timeout)
    fresh.query_params.update(link)
    fresh.run()
    assert not fresh.exception, fresh.exception
    return fresh


def fingerprint(at: AppTest) -> str:
    """The output fingerprint from the page's seed caption."""
    note = next(m.value for m in at.markdown if "Output fingerprint" in m.value)
    return note.split("`")[1]
