"""`python -m bench [DEMO ...]`: run each demo's benchmark and print one table."""

from __future__ import annotations

import importlib
import platform
import sys
from datetime import date

from engine import catalog

ROWS: list[tuple[str, str, str]] = []
# Benchmarks beyond one per demo: the guitar's occlusion duel and the memory soak.
EXTRAS = {"duel": "bench.duel", "soak": "bench.soak"}


def report(name: str, value: float | str, unit: str = "") -> None:
    """Record and print one measured figure; demos call this from their run(report)."""
    text = f"{value:.3g}" if isinstance(value, float) else str(value)
    ROWS.append((name, text, unit))
    print(f"  {name:<58} {text:>10} {unit}", flush=True)


def benches() -> dict[str, str]:
    """Every benchmark's name and module: one per demo (catalog order), then the extras."""
    return {d.key: d.bench_module() for d in catalog.DEMOS} | EXTRAS | {"load": "bench.load"}


def main(argv: list[str]) -> int:
    """Run the selected (default: every demo's and the extras, not load) benchmarks."""
    known = benches()
    wanted = argv or [k for k in known if k != "load"]
    print(f"Perception Lab bench, {date.today()}, {platform.processor() or platform.machine()}")
    for key in wanted:
        if key not in known:
            print(f"[{key}] no such benchmark (known: {', '.join(known)})")
            continue
        try:
            mod = importlib.import_module(known[key])
        except ModuleNotFoundError as exc:
            if exc.name != known[key]:
                raise
            print(f"[{key}] no benchmark yet")
            continue
        print(f"[{key}]", flush=True)
        mod.run(report)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
