"""`python -m engine evaluate DEMO` rewrites no committed file unless given --write-cards."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from engine import cards, catalog
from engine.__main__ import main

ROOT = Path(__file__).resolve().parents[2]
# Each demo's evaluate on a tiny draw: seconds, not the card's minutes.
TINY = {
    "guitar": ["--seed", "5", "--n", "13", "--attention-n", "2", "--duel-n", "2"],
    "ufo": ["--seed", "5", "--n", "4"],
    "hat": ["--seed", "5", "--n", "8"],
    "perception": ["--seed", "5", "--n", "8", "--seconds", "1", "--iterations", "2"],
}
# The card whose metrics each demo's --write-cards must replace, and where its seed lands.
WRITTEN = {"guitar": ("guitar-dust", "seed"), "ufo": ("ufo-widened", "seed"), "hat": ("hat", None)}


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


def test_every_demo_has_a_tiny_evaluate():
    assert set(TINY) == {d.key for d in catalog.DEMOS}


@pytest.mark.slow
@pytest.mark.skipif(not _in_git(), reason="needs a git checkout")
@pytest.mark.parametrize("demo", sorted(TINY))
def test_evaluate_leaves_git_status_unchanged(demo):
    before = {p.name: p.read_bytes() for p in (ROOT / "models").iterdir()}
    status = _status()
    cmd = [sys.executable, "-m", "engine", "evaluate", demo, *TINY[demo]]
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    assert _status() == status
    assert {p.name: p.read_bytes() for p in (ROOT / "models").iterdir()} == before


@pytest.mark.slow
@pytest.mark.parametrize("demo", sorted(WRITTEN))
def test_write_cards_stores_the_measurement(demo, tmp_path, monkeypatch, capsys):
    """The one flag, the same for every demo, writes the measured metrics into the card."""
    shutil.copytree(ROOT / "models", tmp_path, dirs_exist_ok=True)
    monkeypatch.setattr(cards, "MODELS_DIR", tmp_path)
    name, seed_key = WRITTEN[demo]
    assert main(["evaluate", demo, *TINY[demo], "--write-cards"]) == 0
    capsys.readouterr()
    card = cards.read(name, tmp_path)
    if seed_key:
        assert card["metrics"][seed_key] == 5
    else:
        assert card["eval"] == {"seed": 5, "n": 8}
    assert card["headline"] and card["headline"] != cards.read(name, ROOT / "models")["headline"]
