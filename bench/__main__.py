"""`python -m bench [DEMO ...]`: run each demo's bench/<demo>.py and print one table."""

from __future__ import annotations

import importlib
import platform
import sys
from datetime import date

from engine.catalog import DEMOS

ROWS: list[tuple[str, str, str]] = []


def report(name: str, value: float | str, unit: str = "") -> None:
    """Record and print one measured figure; demos call this from their run(report)."""
    text = f"{value:.3g}" if isinstance(value, float) else str(value)
    ROWS.append((name, text, unit))
    print(f"  {name:<58} {text:>10} {unit}", flush=True)


def main(argv: list[str]) -> int:
    """Run the selected (default: all built) demo benchmarks."""
    wanted = argv or [*(d.key for d in DEMOS), "duel", "soak"]
    print(f"Perception Lab bench, {date.today()}, {platform.processor() or platform.machine()}")
    for key in wanted:
        try:
            mod = importlib.import_module(f"bench.{key}")
        except ModuleNotFoundError:
            print(f"[{key}] no benchmark yet")
            continue
        print(f"[{key}]", flush=True)
        mod.run(report)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
