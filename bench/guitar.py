"""Guitar occlusion: both models scoring one drawing, server side (goal < 50 ms on 2 cores)."""

from __future__ import annotations

import numpy as np

from bench.timing import median_ms


def run(report) -> None:
    from engine.guitar import dust, predict, share
    from engine.guitar.render import to_input

    models = predict.load_models()
    r = predict.scene("Jazzmaster", 1)
    drawn, _ = dust.scribble(r.image, r.mask, 0.2, np.random.default_rng(0))
    # The page's path: the canvas's Fabric JSON -> whole-pixel strokes -> drawn -> scored.
    path = [["M", 40, 280]] + [["L", 40 + 8 * i, 280 - 7 * i + 20 * (i % 2)] for i in range(1, 30)]
    canvas = {"objects": [{"type": "Path", "stroke": "#1e1e1e", "strokeWidth": 24, "path": path}]}

    def both_models() -> None:
        picture = predict.drawn_picture(r.image, share.strokes(canvas))
        predict.score(models, picture)

    ms = median_ms(both_models, repeat=50)
    report("guitar: both models score one drawing (canvas JSON in, top-5 out)", ms, "ms")
    report("guitar: goal", "< 50", "ms")
    x = to_input(drawn)[None]
    lite = median_ms(lambda: [m.predict(x) for m in models.values()], repeat=50)
    report("guitar: both models, LiteRT predict only", lite, "ms")
    batch = np.repeat(x, 256, axis=0)
    per_image = median_ms(lambda: models["guitar-plain"].predict(batch), repeat=10) / 256
    report("guitar: one model, batch of 256 (perception search)", 1000 / per_image, "img/s")
    from engine.guitar import attention

    predictors = {name: m.predict for name, m in models.items()}
    picture = predict.drawn_picture(r.image, share.strokes(canvas))
    maps_ms = median_ms(lambda: attention.maps(predictors, picture), repeat=30)
    report("guitar: both models' attention maps, one drawing", maps_ms, "ms")
    report("guitar: attention goal", "< 100", "ms")
    panel_ms = median_ms(lambda: attention.panel(predictors, picture), repeat=30)
    report("guitar: attention maps + three 320 px overlays", panel_ms, "ms")
    try:
        from engine import runtime

        keras_models = [runtime.load_keras(name) for name in models]
    except Exception as exc:  # noqa: BLE001 - TensorFlow is a dev dependency
        report("guitar: keras model.predict", f"n/a ({type(exc).__name__})")
        return
    keras_ms = median_ms(lambda: [k.predict(x, verbose=0) for k in keras_models], repeat=20)
    report("guitar: both models, keras model.predict", keras_ms, "ms")
    report("guitar: keras model.predict / LiteRT (same input)", keras_ms / lite, "x")
