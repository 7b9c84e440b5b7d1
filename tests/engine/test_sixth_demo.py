"""The demo contract: a throwaway sixth demo, one folder, shows up everywhere the demos are listed.

The folder (spec, CLI, thumbnail, page, bench) is written to a temporary directory that is
added to engine.__path__; no other file is touched. Catalog, CLI, Home, bench and the tests'
parametrisation must all see it.
"""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import engine
from engine import cards, catalog, images

ROOT = Path(__file__).resolve().parents[2]

FILES = {
    "__init__.py": "",
    "demo.py": """
from pathlib import Path

from engine.contract import Demo

DEMO = Demo(
    key="sixth",
    order=60,
    package=__package__,
    title="Sixth sense",
    page=str(Path(__file__).with_name("page.py")),
    icon=":material/star:",
    pitch="A throwaway demo that only proves the contract.",
    claim="One folder is enough to add a demo.",
    card="sixth",
    caption="A grey ramp, drawn by the sixth demo's own thumbnail.py.",
    quick_evaluate=("--seed", "5"),
    bench=f"{__package__}.bench",
)
""",
    "cli.py": '''
import argparse

from engine import cards, images


def add_train_args(parser: argparse.ArgumentParser) -> None:
    """Nothing beyond --seed."""


def add_evaluate_args(parser: argparse.ArgumentParser) -> None:
    """Nothing beyond --seed and --n."""


def add_predict_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("image")


def train(args: argparse.Namespace) -> dict:
    card = cards.build(
        "sixth", "sixth", "findings", labels=[], config={}, seed=args.seed,
        data={"source": "none"}, training={"seconds": 0, "epochs": 0},
        headline="We measured that one folder is enough.",
    )
    cards.write(card)
    return {"written": card["name"]}


def evaluate(args: argparse.Namespace) -> dict:
    return {"seed": args.seed}


def predict(args: argparse.Namespace) -> dict:
    image = images.load_file(args.image)
    return {"height": int(image.shape[0])}
''',
    "thumbnail.py": """
import numpy as np


def make() -> np.ndarray:
    ramp = np.linspace(0, 255, 160, dtype=np.uint8)
    return np.repeat(np.repeat(ramp[None, :, None], 90, axis=0), 3, axis=2)
""",
    "page.py": """
import streamlit as st

from engine import cards
from pages import _ui

_ui.header("sixth")
_ui.require("sixth", cards.read("sixth") is not None, "The sixth demo is not trained yet")
st.write("Nothing to poke at: the contract is the demo.")
""",
    "bench.py": """
def run(report) -> None:
    report("sixth: one folder", 1.0, "folder")
""",
}


@pytest.fixture
def sixth(tmp_path, monkeypatch):
    """The sixth demo's folder on engine's path, its card's home a scratch models/."""
    folder = tmp_path / "engine" / "sixth"
    folder.mkdir(parents=True)
    for name, text in FILES.items():
        (folder / name).write_text(text.lstrip())
    models = tmp_path / "models"
    models.mkdir()
    for name in ("guitar-dust", "ufo-widened", "hat", "perception"):  # the four headlines
        (models / f"{name}.json").write_bytes(cards.path(name).read_bytes())
    monkeypatch.setattr(cards, "MODELS_DIR", models)
    monkeypatch.setattr(engine, "__path__", [*engine.__path__, str(tmp_path / "engine")])
    importlib.invalidate_caches()
    monkeypatch.setattr(catalog, "DEMOS", catalog.discover())
    yield folder
    for name in [m for m in sys.modules if m.startswith("engine.sixth")]:
        del sys.modules[name]


def test_the_catalog_and_the_command_line_find_it(sixth, capsys, tmp_path):
    from engine.__main__ import main

    assert [d.key for d in catalog.DEMOS] == ["guitar", "ufo", "hat", "perception", "sixth"]
    assert catalog.thumbnail("sixth").shape == (270, 480, 3)
    assert catalog.headline("sixth") is None  # not trained yet
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "demos: guitar, ufo, hat, perception, sixth" in capsys.readouterr().out
    assert main(["demos"]) == 0 and capsys.readouterr().out.split()[-1] == "sixth"
    assert main(["train", "sixth", "--seed", "3"]) == 0
    assert json.loads(capsys.readouterr().out) == {"written": "sixth"}
    assert catalog.brief("sixth") == "We measured that one folder is enough."
    assert main(["evaluate", "sixth", *catalog.demo("sixth").quick_evaluate]) == 0
    assert json.loads(capsys.readouterr().out) == {"seed": 5}
    photo = tmp_path / "ramp.png"
    photo.write_bytes(images.to_png(catalog.demo("sixth").thumbnail()))
    assert main(["predict", "sixth", str(photo)]) == 0
    assert json.loads(capsys.readouterr().out) == {"height": 90}


def test_bench_and_test_parametrisation_list_it(sixth, capsys):
    import bench.__main__ as bench
    from bench import load
    from tests.engine import test_cli, test_evaluate_writes

    assert list(bench.benches())[:5] == ["guitar", "ufo", "hat", "perception", "sixth"]
    assert bench.main(["sixth"]) == 0 and "sixth: one folder" in capsys.readouterr().out
    assert load.visits()[-1] == "sixth"
    assert test_cli.image_demos() == ["guitar", "ufo", "hat", "sixth"]
    assert test_evaluate_writes.tiny()["sixth"] == ["--seed", "5"]


def test_home_and_its_page_show_it(sixth):
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60).run()
    assert not at.exception
    assert [s.value for s in at.subheader][-1] == "Sixth sense"
    text = " ".join(m.value for m in at.markdown)
    assert "One folder is enough to add a demo." in text and "_not trained yet_" in text
    at.switch_page(catalog.demo("sixth").page).run()
    assert not at.exception
    assert at.title[0].value == "Sixth sense"
    assert "python -m engine train sixth" in at.info[0].value
