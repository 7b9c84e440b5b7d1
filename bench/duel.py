"""Guitar occlusion duel: the engine's smallest-flip search for both models (goal ~1 s, 2 cores)."""

from __future__ import annotations

from bench.timing import median_ms


def run(report) -> None:
    from engine.guitar import duel, predict

    models = predict.load_models()
    predictors = {name: m.predict for name, m in models.items()}
    r = predict.scene("Stratocaster", 1)
    truth = duel.truth_index(r.kind)
    ms = median_ms(lambda: duel.play(predictors, r.image, truth, 1), repeat=5, warmup=1)
    report("guitar duel: smallest flip, both models (one button press)", ms, "ms")
    report("guitar duel: goal", "~ 1000", "ms")
    flips = duel.play(predictors, r.image, truth, 1)
    for name, flip in flips.items():
        images = flip.candidates + 2  # the search's batches, the clean check and the result
        report(f"guitar duel: {name} images scored per search", str(images))
        report(f"guitar duel: {name} flip size", round(flip.percent, 3), "% px")
