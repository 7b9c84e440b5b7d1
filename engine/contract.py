"""The demo contract: the spec each engine/<demo>/demo.py declares, and what its folder holds.

A demo is one folder, engine/<demo>/, with `demo.py` (`DEMO = Demo(...)`, light: no numpy),
`cli.py` (the `Cli` functions) and `thumbnail.py` (`make() -> RGB uint8`), plus its page.
`engine/catalog.py` finds every such folder; nothing else needs to list the demos.
"""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol, cast

if TYPE_CHECKING:
    import numpy as np

Card = dict[str, Any]


class Cli(Protocol):
    """engine/<demo>/cli.py: `python -m engine train|evaluate|predict DEMO`, each -> JSON-able."""

    def add_train_args(self, parser: argparse.ArgumentParser) -> None: ...
    def add_evaluate_args(self, parser: argparse.ArgumentParser) -> None: ...
    def add_predict_args(self, parser: argparse.ArgumentParser) -> None: ...
    def train(self, args: argparse.Namespace) -> dict[str, Any]: ...
    def evaluate(self, args: argparse.Namespace) -> dict[str, Any]: ...
    def predict(self, args: argparse.Namespace) -> dict[str, Any]: ...


@dataclass(frozen=True)
class Demo:
    """One demo: where its page and engine live, and the write-up's claim it reproduces."""

    key: str  # CLI name and URL path
    order: int  # place on Home, in the sidebar, the CLI and the bench
    package: str  # the folder's package (the spec's __package__): cli.py, thumbnail.py
    title: str  # navigation label
    page: str  # page file, relative to the repo root (or absolute)
    icon: str  # material icon for the navigation
    pitch: str  # one sentence of what a visitor can do
    claim: str  # what the original write-up claimed, in its own terms
    card: str  # the model card whose "headline" holds our measured number
    caption: str  # one line under the Home thumbnail: what the picture shows
    # The headline card -> the Home card's short form (under 40 words); None: the headline.
    brief: Callable[[Card], str] | None = None
    # The headline card -> a caption naming what the thumbnail shows; None: `caption`.
    describe: Callable[[Card], str | None] | None = None
    quick_evaluate: tuple[str, ...] = ()  # `evaluate` arguments for a seconds-long run (tests)
    bench: str = ""  # the module whose run(report) `python -m bench` runs; "": bench.<key>

    def cli(self) -> Cli:
        """The demo's command line module (imported on first use: no TensorFlow)."""
        return cast(Cli, importlib.import_module(f"{self.package}.cli"))

    def thumbnail(self) -> np.ndarray:
        """The demo's own Home picture, RGB uint8, from its thumbnail.py."""
        return importlib.import_module(f"{self.package}.thumbnail").make()

    def bench_module(self) -> str:
        """The benchmark module's name."""
        return self.bench or f"bench.{self.key}"
