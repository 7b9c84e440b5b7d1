"""The command line: help works, and errors exit non-zero with one clear line."""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
IMAGE_DEMOS = ["guitar", "ufo", "hat"]  # the demos whose predict command takes an image path


def engine(*args: str) -> subprocess.CompletedProcess:
    """Run `python -m engine ARGS` from the repo root."""
    cmd = [sys.executable, "-m", "engine", *args]
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=300)


def test_help_lists_the_commands():
    out = engine("--help")
    assert out.returncode == 0
    for word in ("train", "evaluate", "predict"):
        assert word in out.stdout


@pytest.mark.parametrize("demo", IMAGE_DEMOS)
def test_predict_errors_are_one_line(demo, tmp_path):
    missing = engine("predict", demo, str(tmp_path / "missing.png"))
    assert missing.returncode == 2
    assert missing.stderr.strip().splitlines() == [
        "error: No such file: " + str(tmp_path / "missing.png")
    ]
    text = tmp_path / "notes.png"
    text.write_text("not pixels")
    bad = engine("predict", demo, str(text))
    assert bad.returncode == 2
    lines = bad.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: This file is not an image")
