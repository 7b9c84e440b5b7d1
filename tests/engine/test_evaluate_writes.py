"""`python -m engine evaluate DEMO` rewrites no committed file unless given --write-cards."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from engine import cards, catalog
from engine.__main__ import main

ROOT = Path(__file__).resolve().parents[2]


def tiny() -> dict[str, list[str]]:
    """Each demo's evaluate on a tiny draw (its spec's quick_evaluate): seconds, not minutes."""
    return {d.key: list(d.quick_evaluate) for d in catalog.DEMOS}


def written() -> list[str]:
    """The demos whose headline card is a trained model's, with metrics --write-cards replaces.

    (Perception's is a findings card: its --write-cards reruns the ImageNet findings.)
    """
    return [d.key for d in catalog.DEMOS if (cards.read(d.card) or {}).get("kind") != "findings"]


def _status() -> str:
    out = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=all"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return out.stdout


def _in_git() -> bool:
    if shutil.which("git") is None:
        return False
    probe = subprocess.run(["git", "rev-parse"], cwd=ROOT, capture_output=True, check=False)
    return probe.returncode == 0


def test_every_demo_has_a_tiny_evaluate_with_seed_5():
    for key, args in tiny().items():
        assert args[:2] == ["--seed", "5"], key
    assert written() == ["guitar", "ufo", "hat"]


@pytest.mark.slow
@pytest.mark.skipif(not _in_git(), reason="needs a git checkout")
@pytest.mark.parametrize("demo", sorted(tiny()))
def test_evaluate_leaves_git_status_unchanged(demo):
    before = {p.name: p.read_bytes() for p in (ROOT / "models").iterdir()}
    status = _status()
    cmd = [sys.executable, "-m", "engine", "evaluate", demo, *tiny()[demo]]
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    assert _status() == status
    assert {p.name: p.read_bytes() for p in (ROOT / "models").iterdir()} == before


@pytest.mark.slow
@pytest.mark.parametrize("demo", written())
def test_write_cards_stores_the_measurement(demo, tmp_path, monkeypatch, capsys):
    """The one flag, the same for every demo, writes the measured metrics into the card."""
    shutil.copytree(ROOT / "models", tmp_path, dirs_exist_ok=True)
    monkeypatch.setattr(cards, "MODELS_DIR", tmp_path)
    name = catalog.demo(demo).card
    assert main(["evaluate", demo, *tiny()[demo], "--write-cards"]) == 0
    capsys.readouterr()
    card = cards.read(name, tmp_path)
    # Where the evaluation's seed lands: the card's eval run (hat) or its metrics (the rest).
    assert card.get("eval", {}).get("seed", card["metrics"].get("seed")) == 5
    assert card["headline"] and card["headline"] != cards.read(name, ROOT / "models")["headline"]
