"""The brief's layering rules, checked on the source and on a running app process."""

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def imported_roots(path: Path) -> set[str]:
    """Top-level package names a Python file imports."""
    tree = ast.parse(path.read_text())
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_engine_never_imports_streamlit():
    offenders = [p for p in ROOT.glob("engine/**/*.py") if "streamlit" in imported_roots(p)]
    assert offenders == []


def test_pages_import_no_numpy_cv2_or_models():
    banned = {"numpy", "cv2", "tensorflow", "keras", "PIL"}
    for p in [*ROOT.glob("pages/*.py"), ROOT / "streamlit_app.py"]:
        assert not imported_roots(p) & banned, p


def test_app_process_never_imports_tensorflow():
    """Render every page as the app would; TensorFlow must not be loaded afterwards."""
    script = (
        "import sys\n"
        "from streamlit.testing.v1 import AppTest\n"
        "from engine.catalog import DEMOS\n"
        "at = AppTest.from_file('streamlit_app.py', default_timeout=120).run()\n"
        "assert not at.exception, at.exception\n"
        "for page in [d.page for d in DEMOS]:\n"
        "    at.switch_page(page).run()\n"
        "    assert not at.exception, (page, at.exception)\n"
        "print('tensorflow' in sys.modules, 'keras' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=600
    )
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip().splitlines()[-1] == "False False"
