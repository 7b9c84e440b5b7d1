"""The command line: help works, and errors exit non-zero with one clear line."""

import argparse
import subprocess
import sys
from pathlib import Path

import pytest

from engine import catalog

ROOT = Path(__file__).resolve().parents[2]


def image_demos() -> list[str]:
    """The catalog's demos whose predict command takes an image path (IMAGE)."""
    found = []
    for demo in catalog.DEMOS:
        parser = argparse.ArgumentParser()
        demo.cli().add_predict_args(parser)
        if any(a.dest == "image" and not a.option_strings for a in parser._actions):
            found.append(demo.key)
    return found


def engine(*args: str) -> subprocess.CompletedProcess:
    """Run `python -m engine ARGS` from the repo root."""
    cmd = [sys.executable, "-m", "engine", *args]
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=300)


def test_help_lists_the_commands():
    out = engine("--help")
    assert out.returncode == 0
    for word in ("train", "evaluate", "predict"):
        assert word in out.stdout
    assert "demos: guitar, ufo, hat, perception" in out.stdout


def test_demos_lists_the_catalog_one_a_line():
    out = engine("demos")
    assert out.returncode == 0
    assert out.stdout.split() == [d.key for d in catalog.DEMOS]


def test_the_image_demos_are_the_three_with_a_photo():
    assert image_demos() == ["guitar", "ufo", "hat"]


@pytest.mark.parametrize("demo", image_demos())
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
