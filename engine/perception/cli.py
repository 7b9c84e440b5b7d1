"""`python -m engine {train,evaluate,predict} perception`: findings card and single searches."""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import asdict
from typing import Any

from engine import cards
from engine.perception import findings, imagenet, imagenet_findings, lab, targets

CARD = "perception"


def add_evaluate_args(parser: argparse.ArgumentParser) -> None:
    """Budgets of evaluate (and train, which computes the same findings)."""
    default = findings.FindingsConfig()
    parser.add_argument("--seconds", type=float, default=default.seconds, help="per class")
    parser.add_argument("--iterations", type=int, default=default.iterations, help="per class")
    parser.add_argument("--models", nargs="*", default=None, help="default: every classifier")
    parser.add_argument(
        "--compare-background",
        nargs="*",
        default=list(default.compare_background),
        help="models searched again with a fixed white background (finding 3)",
    )
    parser.add_argument(
        "--skip-imagenet",
        action="store_true",
        help="leave out the ImageNet findings (they take ~20 min at the default budgets)",
    )


def add_train_args(parser: argparse.ArgumentParser) -> None:
    """Train computes the same findings as evaluate, with the same budgets."""
    add_evaluate_args(parser)


def evaluate(args: argparse.Namespace) -> dict[str, Any]:
    """Measure every finding on the shipped classifiers; the card is written only when asked."""
    available = [t.name for t in targets.classifiers()]
    names = args.models or [n for n in available if n != imagenet.NAME]
    missing = sorted(set(names) - set(available))
    if not names or missing:
        raise FileNotFoundError(f"no trained classifier to search against: {missing or 'none'}")
    config = findings.FindingsConfig(
        n_random=getattr(args, "n", None) or findings.FindingsConfig.n_random,
        seconds=args.seconds,
        iterations=args.iterations,
        compare_background=tuple(args.compare_background),
    )
    seed = 2024 if args.seed is None else args.seed
    began = time.monotonic()
    per_model, metrics = findings.measure([targets.load(n) for n in names], config, seed)
    card = cards.build(
        CARD,
        "perception",
        "findings",
        labels=[],
        config=asdict(config),
        seed=seed,
        data={
            "source": "synthetic: random ellipse images and searches against the shipped "
            "classifiers",
            "n": config.n_random,
        },
        training={"seconds": round(time.monotonic() - began, 1), "epochs": 0},
        metrics=metrics,
        headline=findings.headline(metrics, config),
        findings=per_model,
    )
    if imagenet.NAME in available and not getattr(args, "skip_imagenet", False):
        big = imagenet_findings.ImagenetConfig().capped(args.n, args.seconds, args.iterations)
        found = imagenet_findings.measure(targets.load(imagenet.NAME), big, seed, _log)
        card["metrics"][imagenet.NAME] = imagenet_findings.summary(found)
        card["imagenet"] = found
        card["headline"] = imagenet_findings.headline(card["metrics"][imagenet.NAME], asdict(big))
        card["training"]["seconds"] = round(time.monotonic() - began, 1)
    if getattr(args, "write_cards", False):
        cards.write(card)
    return card


def _log(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def train(args: argparse.Namespace) -> dict[str, Any]:
    """Nothing to train: the perception demo searches other demos' classifiers; writes the card."""
    args.write_cards = True
    return evaluate(args)


def add_predict_args(parser: argparse.ArgumentParser) -> None:
    """One search: which classifier and class, the budget and the seed."""
    parser.add_argument("--classifier", required=True, help="a shipped classifier's name")
    parser.add_argument("--target", required=True, help="a class label (or its index)")
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--iterations", type=int, default=100_000)
    parser.add_argument("--ellipses", type=int, default=8)
    parser.add_argument("--fixed-background", action="store_true", help="keep it white")
    parser.add_argument("--seed", type=int, default=0)


def predict(args: argparse.Namespace) -> dict[str, Any]:
    """Run one search and return its result, with the ellipses as JSON."""
    model = targets.load(args.classifier)
    labels = list(model.labels)
    if args.target in labels:
        index = labels.index(args.target)
    elif args.target.isdigit() and int(args.target) < len(labels):
        index = int(args.target)
    else:
        raise ValueError(f"unknown class '{args.target}' (known: {', '.join(labels)})")
    settings = lab.Settings(
        index,
        args.ellipses,
        not args.fixed_background,
        2,
        args.seconds,
        args.iterations,
        args.seed,
    )
    out = lab.run(model, settings)
    return {
        "score": round(out.score, 6),
        "top5": [[label, round(p, 6)] for label, p in out.top5],
        "iterations": out.iterations,
        "candidates": out.candidates,
        "seconds": round(out.seconds, 2),
        "stopped": out.stopped,
        "drawing": out.drawing(),
    }
