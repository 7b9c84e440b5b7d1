"""Command line: `python -m engine {train,evaluate,predict} DEMO ...`, the code the pages call."""

from __future__ import annotations

import argparse
import json
import sys

from engine import catalog
from engine.images import ImageError


def _parser() -> argparse.ArgumentParser:
    names = ", ".join(d.key for d in catalog.DEMOS)
    parser = argparse.ArgumentParser(
        prog="python -m engine", description=__doc__, epilog=f"demos: {names}"
    )
    sub = parser.add_subparsers(dest="command", required=True)
    train = sub.add_parser("train", help="train a demo's models and write them to models/")
    evaluate = sub.add_parser("evaluate", help="measure a demo's metrics on fresh data (JSON)")
    predict = sub.add_parser("predict", help="run a demo on one image file (JSON)")
    sub.add_parser("demos", help="list the demos' names, one a line, in the catalog's order")
    train_sub = train.add_subparsers(dest="demo", required=True)
    eval_sub = evaluate.add_subparsers(dest="demo", required=True)
    predict_sub = predict.add_subparsers(dest="demo", required=True)
    for demo in catalog.DEMOS:
        cli = demo.cli()
        t = train_sub.add_parser(demo.key, help=demo.title)
        t.add_argument("--seed", type=int, default=None, help="default: the config's seed")
        cli.add_train_args(t)
        e = eval_sub.add_parser(demo.key, help=demo.title)
        e.add_argument("--seed", type=int, default=2024, help="seed of the fresh data")
        e.add_argument("--n", type=int, default=None, help="how many fresh samples")
        e.add_argument(
            "--write-cards",
            action="store_true",
            help="store the result in the demo's model cards (rewrites committed files)",
        )
        cli.add_evaluate_args(e)
        p = predict_sub.add_parser(demo.key, help=demo.title)
        cli.add_predict_args(p)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Parse, dispatch, print JSON; errors are one line on stderr and exit code 2."""
    args = _parser().parse_args(argv)
    if args.command == "demos":  # plain lines, for `make train`'s loop
        print("\n".join(d.key for d in catalog.DEMOS))
        return 0
    cli = catalog.demo(args.demo).cli()
    try:
        result = getattr(cli, args.command)(args)
    except (ImageError, FileNotFoundError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
