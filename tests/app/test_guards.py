"""AppTest: with no model trained, every demo page says so in one shared notice, no traceback."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from engine import cards, catalog

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("demo", catalog.DEMOS, ids=[d.key for d in catalog.DEMOS])
def test_an_untrained_demo_page_names_the_command_that_trains_it(demo, tmp_path, monkeypatch):
    monkeypatch.setattr(cards, "MODELS_DIR", tmp_path)  # an empty models/: nothing trained
    at = AppTest.from_file(str(ROOT / demo.page), default_timeout=60).run()
    assert not at.exception
    assert at.title[0].value == demo.title
    notices = [i.value for i in at.info]
    assert len(notices) == 1 and "trained yet" in notices[0], notices
    assert "`python -m engine train " in notices[0] and "then reload this page" in notices[0]
