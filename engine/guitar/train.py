"""Train the plain and the dust model from scratch: same config, seed, data; dust differs only.

Data are rendered once in memory; each epoch the dust model sees a freshly dusted copy (the
write-up's `noised_train_flow`), the plain model the clean one.
"""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path

import numpy as np

from engine import cards, runtime
from engine.guitar import data, dust, evaluate
from engine.guitar.model import NAMES, GuitarConfig, build, macs


def fit(config: GuitarConfig, x: np.ndarray, y: np.ndarray, dusted: bool, verbose: int = 0):
    """Train one model on uint8 inputs x and labels y; returns (keras model, seconds)."""
    import keras

    model = build(config)
    steps = config.epochs * int(np.ceil(len(x) / config.batch_size))
    schedule = keras.optimizers.schedules.CosineDecay(config.learning_rate, steps, alpha=0.02)
    model.compile(
        optimizer=keras.optimizers.Adam(schedule),
        loss=keras.losses.CategoricalCrossentropy(label_smoothing=config.label_smoothing),
        metrics=["accuracy"],
    )
    onehot = np.eye(len(config.labels), dtype=np.float32)[y]
    rng = np.random.default_rng([config.seed, 17])  # the dust's own random source
    order_rng = np.random.default_rng([config.seed, 23])  # batch order, same for both models
    start = time.perf_counter()
    for epoch in range(config.epochs):
        xb = x.astype(np.float32) / 255.0
        if dusted:
            dust.add_dust(xb, rng, reference=config.dust_reference)
        order = order_rng.permutation(len(x))
        model.fit(
            xb[order],
            onehot[order],
            batch_size=config.batch_size,
            epochs=epoch + 1,
            initial_epoch=epoch,
            shuffle=False,
            verbose=verbose,
        )
    return model, time.perf_counter() - start


def headline(metrics: dict) -> str:
    """One sentence with our measured numbers for the Home page."""
    p, d = metrics[NAMES["plain"]], metrics[NAMES["dust"]]
    return (
        f"With 30 % of the guitar scribbled over, the dust-trained model names "
        f"{d['scribble_30']:.0%} of {metrics['n']} fresh renders right vs {p['scribble_30']:.0%} "
        f"for the plain one (clean: {d['scribble_0']:.0%} vs {p['scribble_0']:.0%})."
    ) + _seed_clause(metrics.get("seeds"))


def _seed_clause(seeds: dict | None) -> str:
    """' Lead on seed 2025: +18 points.' for the other render seeds (short: a Home card)."""
    rows = list(((seeds or {}).get("by_seed") or {}).items())[1:]  # the first is the headline's
    leads = [f"{100 * r['gap']:+.0f} points" for _, r in rows]
    return f" Lead on seed {', '.join(s for s, _ in rows)}: {', '.join(leads)}." if rows else ""


def _card(
    config: GuitarConfig, variant: str, dusted: bool, render_s: float, seconds: float, val: float
) -> dict:
    """The model card of one trained variant, metrics still empty."""
    return cards.build(
        NAMES[variant],
        "guitar",
        "classifier",
        labels=list(config.labels),
        input={"height": config.input_size, "width": config.input_size, "channels": 3},
        config=config.to_dict(),
        seed=config.seed,
        data={
            "train": config.n_train,
            "val": config.n_val,
            "source": "procedural renders (engine/guitar/render.py), class i mod 13, "
            f"rendered at {config.render_size} px and shrunk to {config.input_size} px",
            "augmentation": "write-up's dust, fresh every epoch" if dusted else "none",
            "render_seconds": round(render_s, 1),
        },
        training={
            "seconds": round(seconds, 1),
            "epochs": config.epochs,
            "val_accuracy": round(val, 4),
        },
        macs_per_image=macs(config),
    )


def _accuracy(model, x: np.ndarray, y: np.ndarray) -> float:
    """Share of uint8 inputs x a Keras model labels as y."""
    return float(np.mean(model.predict(x.astype(np.float32) / 255.0, verbose=0).argmax(1) == y))


def train(config: GuitarConfig | None = None, root: Path | None = None, verbose: int = 0) -> dict:
    """Render, train both models, save them with cards, measure and store the metrics."""
    config = config or GuitarConfig()
    t0 = time.perf_counter()
    x, y = data.dataset(
        config.seed, config.n_train + config.n_val, config.render_size, config.input_size
    )
    render_s = time.perf_counter() - t0
    xt, yt = x[: config.n_train], y[: config.n_train]
    xv, yv = x[config.n_train :], y[config.n_train :]
    written = {}
    for variant, dusted in (("plain", False), ("dust", True)):
        cfg = replace(config, dust=dusted)  # same seed, data and config but the dust switch
        model, seconds = fit(cfg, xt, yt, cfg.dust, verbose)
        card = _card(cfg, variant, cfg.dust, render_s, seconds, _accuracy(model, xv, yv))
        runtime.save_model(model, card, root)
        written[variant] = card
    metrics = measure_shipped(config.eval_seed, config.eval_n, root, config.render_size)
    for variant, card in written.items():
        card["metrics"] = metrics
        if variant == "dust":
            card["headline"] = headline(metrics)
        cards.write(card, root)
    return {
        "models": [c["name"] for c in written.values()],
        "metrics": metrics,
        "training_seconds": {k: c["training"]["seconds"] for k, c in written.items()},
    }


def measure_shipped(
    seed: int,
    n: int,
    root: Path | None = None,
    render_size: int = 128,
    attention_n: int = 0,
    duel_n: int = 0,
) -> dict:
    """The metrics `evaluate` prints: both shipped models through LiteRT on fresh renders.

    attention_n > 0 adds the attention spread over that many renders, duel_n > 0 the
    occlusion duel's flip sizes (both issue 9); same seed, so same renders as the accuracy.
    """
    from engine.guitar import attention, duel

    predictors = {}
    for name in NAMES.values():
        model = runtime.load_model(name, root)
        predictors[name] = model.predict
    metrics = evaluate.measure(predictors, seed, n, render_size)
    metrics["seeds"] = _seeds(metrics, evaluate.measure(predictors, seed + 1, n, render_size))
    if attention_n > 0:
        metrics["attention"] = attention.measure(predictors, seed, attention_n)
    if duel_n > 0:
        flips = duel.measure(predictors, seed, duel_n, render_size=render_size)
        flips.pop("seconds", None)  # wall time: not a metric, and it would differ every run
        metrics["duel"] = flips
    return metrics


# The headline's condition, measured on a second seed too: on one seed the gap can mislead
# (issue 17 saw +19 points on the card's seed and +11 on another).
GAP = "scribble_30"


def _seeds(first: dict, second: dict) -> dict:
    """Both models at 30 % scribbles on two independent render seeds, and dust's lead on each."""
    rows = {}
    for m in (first, second):
        plain, dust = m[NAMES["plain"]][GAP], m[NAMES["dust"]][GAP]
        rows[str(m["seed"])] = {"plain": plain, "dust": dust, "gap": round(dust - plain, 4)}
    return {"condition": GAP, "n": first["n"], "by_seed": rows}


def store_metrics(metrics: dict, root: Path | None = None) -> None:
    """Write measured metrics into both cards (and the headline into the dust card)."""
    for variant, name in NAMES.items():
        card = cards.read(name, root)
        if card is None:
            raise FileNotFoundError(f"no card for model '{name}'")
        card["metrics"] = metrics
        if variant == "dust":
            card["headline"] = headline(metrics)
        cards.write(card, root)


def quick_config(**overrides) -> GuitarConfig:
    """A much smaller config (tests, first ships)."""
    return replace(GuitarConfig(), **overrides)
