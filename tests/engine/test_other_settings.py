"""The cross-implementation checks hold under the other kernel settings a machine may pick.

The suite itself runs with 2 LiteRT threads and TensorFlow's default (oneDNN on, on x86). Here
the same checks run again in a fresh process with 1 LiteRT thread and oneDNN off, so both
corners are proven on every run; see tests/agreement.py for what must agree and why.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHECKS = [
    "tests/engine/test_runtime.py::test_lite_matches_keras_in_output_order",
    "tests/engine/test_runtime.py::test_shipped_tflite_agrees_with_keras",
    "tests/engine/test_guitar_shipped.py::test_litert_matches_keras",
    "tests/engine/test_ufo_quality.py::test_litert_and_keras_draw_the_same_mask_on_composites",
]


@pytest.mark.slow
def test_agreement_with_one_thread_and_without_onednn():
    env = {**os.environ, "PERCEPTION_LAB_THREADS": "1", "TF_ENABLE_ONEDNN_OPTS": "0"}
    probe = [sys.executable, "-c", "from engine import runtime; print(runtime.NUM_THREADS)"]
    threads = subprocess.run(probe, cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    assert threads.stdout.strip() == "1"
    cmd = [sys.executable, "-m", "pytest", "-o", "addopts=-p no:cacheprovider", "-q", *CHECKS]
    done = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-3000:]
    assert " passed" in done.stdout and "skipped" not in done.stdout, done.stdout[-500:]
