"""`python -m engine train|evaluate|predict guitar`: the guitar demo's command line.

No TensorFlow at import time: predict runs through LiteRT, train imports Keras when it starts.
"""

from __future__ import annotations

import argparse
from dataclasses import replace


def add_train_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--n-train", type=int, default=None, help="training renders")
    parser.add_argument("--epochs", type=int, default=None, help="epochs per model")
    parser.add_argument("--verbose", action="store_true", help="show Keras progress")


def add_evaluate_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--render-size", type=int, default=None, help="render side before shrinking"
    )
    parser.add_argument(
        "--attention-n", type=int, default=500, help="renders for the attention spread (0: skip)"
    )
    parser.add_argument(
        "--duel-n", type=int, default=100, help="renders for the occlusion duel (0: skip)"
    )


def add_predict_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("image", help="an image file (PNG, JPEG, ...)")
    parser.add_argument("--top", type=int, default=5, help="how many classes to list")


def train(args: argparse.Namespace) -> dict:
    from engine.guitar import train as training
    from engine.guitar.model import GuitarConfig

    config = GuitarConfig()
    changes = {}
    if args.seed is not None:
        changes["seed"] = args.seed
    if getattr(args, "n_train", None):
        changes["n_train"] = args.n_train
    if getattr(args, "epochs", None):
        changes["epochs"] = args.epochs
    config = replace(config, **changes)
    return training.train(config, verbose=2 if getattr(args, "verbose", False) else 0)


def evaluate(args: argparse.Namespace) -> dict:
    from engine import cards
    from engine.guitar import train as training
    from engine.guitar.model import NAMES, GuitarConfig

    card = cards.read(NAMES["dust"])
    if card is None:
        raise FileNotFoundError(
            "the guitar models are not trained yet (python -m engine train guitar)"
        )
    config = card.get("config", {})
    n = args.n or config.get("eval_n", GuitarConfig.eval_n)
    render_size = getattr(args, "render_size", None) or config.get("render_size", 128)
    metrics = training.measure_shipped(
        args.seed,
        n,
        render_size=render_size,
        attention_n=getattr(args, "attention_n", 0),
        duel_n=getattr(args, "duel_n", 0),
    )
    from engine.guitar import predict, real

    metrics["real"] = real.measure(predict.load_models())  # reported, present or not
    if getattr(args, "write_cards", False):
        training.store_metrics(metrics)
    return metrics


def predict(args: argparse.Namespace) -> dict:
    from engine.guitar import predict as prediction
    from engine.images import load_file

    image = load_file(args.image)
    return prediction.predict_image(image, top=args.top)
