"""Restore a real-photo set from local git copies of public repositories, checking sha256.

Real photos are never committed: a manifest names each file by repository, commit, path and
sha256, and `restore` copies it out of the git directory that the `fetch` tool left under
`MIRROR` (`<owner>+<name>/repo`) into a gitignored folder under `DATA`. The guitar, hat and
UFO sets use this module.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
# Where the git copies of public repositories live (the fetch tool's folder); overridable.
MIRROR = Path(os.environ.get("PERCEPTION_LAB_MIRROR", "/work/.mirror"))
# The gitignored folder restored sets go to: data/real/<set>/.
DATA = ROOT / "data" / "real"


@dataclass(frozen=True)
class Restored:
    """What a restore did: files written or already in place, and what could not be had."""

    folder: Path
    present: list[str]  # file names in the folder with the manifest's sha256
    missing: list[str]  # "name: why" for each file that could not be restored


def read_manifest(path: Path) -> dict[str, Any]:
    """A set's manifest (JSON with a list under 'photos')."""
    return json.loads(Path(path).read_text())


def git_dir(repository: str, mirror: Path = MIRROR) -> Path:
    """The local git directory of 'owner/name' under the mirror folder (bare or with .git)."""
    repo = mirror / repository.replace("/", "+") / "repo"
    return repo / ".git" if (repo / ".git").is_dir() else repo


def sha256(data: bytes) -> str:
    """Hex digest of bytes."""
    return hashlib.sha256(data).hexdigest()


def _blob(entry: dict[str, Any], mirror: Path) -> bytes:
    """The file's bytes at the manifest's commit, read with git show."""
    where = git_dir(entry["repository"], mirror)
    if not where.exists():
        raise FileNotFoundError(f"no git copy of {entry['repository']} at {where}")
    spec = f"{entry['commit']}:{entry['path']}"
    done = subprocess.run(
        ["git", f"--git-dir={where}", "show", spec], capture_output=True, check=False
    )
    if done.returncode != 0:
        raise FileNotFoundError(f"{spec} not in {where}")
    return done.stdout


def restore(manifest: Path, folder: Path, mirror: Path = MIRROR) -> Restored:
    """Copy every file of a manifest into folder, checking its sha256; keep good copies."""
    folder.mkdir(parents=True, exist_ok=True)
    present, missing = [], []
    for entry in read_manifest(manifest)["photos"]:
        target = folder / entry["file"]
        if target.exists() and sha256(target.read_bytes()) == entry["sha256"]:
            present.append(entry["file"])
            continue
        try:
            data = _blob(entry, mirror)
        except FileNotFoundError as exc:
            missing.append(f"{entry['file']}: {exc}")
            continue
        if sha256(data) != entry["sha256"]:
            missing.append(f"{entry['file']}: sha256 differs from the manifest")
            continue
        target.write_bytes(data)
        present.append(entry["file"])
    return Restored(folder, present, missing)


def complete(manifest: Path, folder: Path) -> bool:
    """True when every file of the manifest is in folder with the right sha256."""
    entries = read_manifest(manifest)["photos"]
    return all(
        (folder / e["file"]).exists() and sha256((folder / e["file"]).read_bytes()) == e["sha256"]
        for e in entries
    )


def report(done: Restored) -> str:
    """One line per missing file and a summary, for the command line."""
    lines = [f"{len(done.present)} files in {done.folder}"]
    lines += [f"missing {m}" for m in done.missing]
    return "\n".join(lines)
