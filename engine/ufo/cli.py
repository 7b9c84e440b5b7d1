"""`python -m engine train|evaluate|predict ufo`: no TensorFlow at import time."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from engine import cards, images, runtime
from engine.ufo.unet.model import CONFIGS, UNetConfig

# The model the command line and the page use unless told otherwise.
DEFAULT_MODEL = "ufo-widened"
# Evaluation size used by train, so the card's metrics match `evaluate --n 500`.
EVAL_N = 500


def add_predict_args(parser: argparse.ArgumentParser) -> None:
    """IMAGE, --model, --threshold."""
    parser.add_argument("image", help="a sky photo (PNG, JPEG, ...)")
    parser.add_argument("--model", default=DEFAULT_MODEL, choices=sorted(CONFIGS))
    parser.add_argument("--threshold", type=float, default=None, help="default: the card's")


def add_evaluate_args(parser: argparse.ArgumentParser) -> None:
    """Nothing beyond --seed and --n; n defaults to EVAL_N."""


def add_train_args(parser: argparse.ArgumentParser) -> None:
    """--only NAME trains one model and keeps the other's files as they are."""
    parser.add_argument("--only", choices=sorted(CONFIGS), default=None, help="default: both")


def _card(config: UNetConfig, seconds: float, losses: tuple[float, ...], seed: int) -> dict:
    """The card of a freshly trained model (metrics are added after evaluation)."""
    from engine.ufo.unet.evaluate import ranges_note

    size = config.ranges.size
    return cards.build(
        config.name,
        "ufo",
        "segmenter",
        labels=["sky", "saucer"],
        input={"height": size, "width": size, "channels": 3},
        config=config.to_dict(),
        seed=seed,
        data={
            "source": f"{config.samples} composites of the cut-out saucer "
            f"(engine/ufo/assets/saucer.png) on procedural skies and scikit-image's outdoor "
            f"photos ({config.ranges.photo_share:.0%}); {ranges_note(config.ranges)}"
            + _extras_note(config.ranges),
            "evaluate": {"seed": seed, "n": EVAL_N},
        },
        training={
            "seconds": round(seconds, 1),
            "epochs": len(losses),
            "losses": [round(v, 4) for v in losses],
        },
    )


def _extras_note(r: Any) -> str:
    """What issue 18 added to a model's training data, and whether it was on this machine."""
    from engine.ufo import saucer, skies

    if not (r.real_sky_share or r.writeup_cutout or r.clutter or r.grey or r.dark):
        return ""
    real = len(skies.real_skies())
    cut = "restored" if saucer.writeup() is not None else "missing, ours instead"
    return (
        f"; the write-up's {real} real sky photos ({r.real_sky_share:.0%} of skies) and its "
        f"cut-out ({r.writeup_cutout:.0%} of saucers, {cut}); scikit-image textures "
        f"({r.texture_share:.0%} of backgrounds); hard negatives (birds, aircraft, "
        f"lamps, wires, poles, bright metal, photo borders) on {r.clutter:.0%} of skies; "
        f"{r.dark:.0%} of saucers dark; {r.grey:.0%} black and white with grain"
    )


def train(args: argparse.Namespace) -> dict[str, Any]:
    """Train both models on the same number of composites, save, evaluate, store metrics."""
    from dataclasses import replace

    from engine.ufo.unet.train import train as fit

    only = getattr(args, "only", None)
    for config in CONFIGS.values():
        if only and config.name != only:
            continue
        cfg = config if args.seed is None else replace(config, seed=args.seed)
        _say_what_is_missing(cfg)
        print(f"training {cfg.name} ...", file=sys.stderr, flush=True)
        trained = fit(cfg, on_step=lambda s: print(f"  {s}", file=sys.stderr, flush=True))
        runtime.save_model(trained.model, _card(cfg, trained.seconds, trained.losses, cfg.seed))
    seed = next(iter(CONFIGS.values())).seed if args.seed is None else args.seed
    metrics = _evaluate(seed, EVAL_N)
    _store(metrics)
    return metrics


def _say_what_is_missing(config: UNetConfig) -> None:
    """Training without the write-up's restored material works, but says what it lacks."""
    from engine.ufo import saucer, skies

    r = config.ranges
    if r.real_sky_share > 0 and not skies.real_skies():
        print(
            "  no real sky photos restored (python -m engine.ufo.real): procedural instead",
            file=sys.stderr,
        )
    if r.writeup_cutout > 0 and saucer.writeup() is None:
        print("  the write-up's cut-out is not restored: our cut-out instead", file=sys.stderr)


def _store(metrics: dict[str, Any]) -> None:
    """Write each model's metrics into its card, and the headline into the default model's."""
    from engine.ufo.unet.evaluate import headline

    for name, values in metrics.items():
        card = cards.update_metrics(name, values)
        card["real_photos"] = real_sentence(values["real"])
        if name == DEFAULT_MODEL:
            card["headline"] = headline(values)
        cards.write(card)


def real_sentence(real: dict[str, Any]) -> str:
    """The card's 'On N real photos: ...' sentence (engine.ufo.real.sentence) for one model."""
    from engine.ufo.real import sentence

    return sentence(real)


def _evaluate(seed: int, n: int) -> dict[str, Any]:
    """Metrics of both shipped models (served through LiteRT) on fresh data."""
    from engine.ufo import real
    from engine.ufo.unet.evaluate import evaluate as run

    models, served = {}, {}
    for name in CONFIGS:
        lite = served[name] = runtime.load_model(name)
        models[name] = (lite.predict, UNetConfig.from_dict(lite.card["config"]))
    metrics = run(models, seed, n)
    photos = real.measure(served)  # says so (available: false) when the set is absent
    for name in metrics:
        figures = photos.get(name, {"why": photos.get("why")})
        metrics[name]["real"] = {"available": photos["available"], **figures}
    return metrics


def evaluate(args: argparse.Namespace) -> dict[str, Any]:
    """Print what the cards store when called with a card's seed and n; --write-cards stores it."""
    metrics = _evaluate(args.seed, args.n or EVAL_N)
    if getattr(args, "write_cards", False):
        _store(metrics)
    return metrics


def predict(args: argparse.Namespace) -> dict[str, Any]:
    """Boxes (original pixel coordinates) of saucers in one image file."""
    from engine.ufo.unet.predict import detect_with

    image = images.load_file(args.image)
    model = runtime.load_model(args.model)
    found = detect_with(model, image, args.threshold)
    return {
        "model": args.model,
        "width": int(image.shape[1]),
        "height": int(image.shape[0]),
        "threshold": found.threshold,
        "boxes": [b.as_dict() for b in found.boxes],
    }
