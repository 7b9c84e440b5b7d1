"""UFO bench: a 1024x768 upload -> probability mask + boxes, server-side, median ms."""

from __future__ import annotations

from bench.timing import median_ms

# The goal for one upload, server-side.
GOAL_MS = 300.0


def run(report) -> None:
    """Time detection and the page's full call (panels, overlay, PNG) on a 1024x768 sky."""
    from engine import images, runtime
    from engine.ufo.composite import generated_sky
    from engine.ufo.unet.predict import detect_with, panels

    upload = images.to_png(generated_sky(1, shape=(768, 1024)))
    model = runtime.load_model("ufo-widened")
    image = images.load_image(upload)
    detect = median_ms(lambda: detect_with(model, images.load_image(upload)), repeat=15)
    page = median_ms(lambda: panels(model, image), repeat=15)
    report("ufo 1024x768 decode + mask + boxes (median)", detect, "ms")
    report("ufo 1024x768 page call: panels, overlay, PNG (median)", page, "ms")
    report("ufo goal / measured (decode + mask + boxes)", GOAL_MS / detect, "x")
