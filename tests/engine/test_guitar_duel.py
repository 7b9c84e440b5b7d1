"""Occlusion duel: the search finds a small flip where a toy model looks, and counts honestly."""

import numpy as np

from engine.guitar import duel, duel_text, rects
from engine.guitar.render import LABELS

# The toy model says LABELS[1] once most of this 8 x 8 patch (64 px input) is dark.
PATCH = (40, 48, 16, 24)  # y0, y1, x0, x1
SMALL = duel.DuelConfig(iterations=25)


def toy(batch: np.ndarray) -> np.ndarray:
    """LABELS[0] on a bright patch, LABELS[1] when > half its pixels are dark; smooth between."""
    y0, y1, x0, x1 = PATCH
    dark = (batch[:, y0:y1, x0:x1].mean(axis=-1) < 0.3).mean(axis=(1, 2))
    p1 = 1 / (1 + np.exp(-20 * (dark - 0.5)))
    probs = np.full((len(batch), len(LABELS)), 1e-4)
    probs[:, 0], probs[:, 1] = 1 - p1, p1
    return probs / probs.sum(axis=1, keepdims=True)


def white(side: int = 128) -> np.ndarray:
    return np.full((side, side, 3), 235, np.uint8)


def test_same_seed_same_rectangles_and_another_seed_differs():
    a = duel.smallest_flip(toy, white(), 0, np.random.default_rng(3), SMALL)
    b = duel.smallest_flip(toy, white(), 0, np.random.default_rng(3), SMALL)
    c = duel.smallest_flip(toy, white(), 0, np.random.default_rng(4), SMALL)
    assert a.rectangles == b.rectangles and a.covered == b.covered
    assert a.rectangles != c.rectangles


def test_toy_model_is_flipped_by_a_small_rectangle_on_its_patch():
    flip = duel.smallest_flip(toy, white(), 0, np.random.default_rng(0), SMALL)
    assert flip.flipped and flip.label == LABELS[1] and flip.truth == LABELS[0]
    # The patch is 64 of 4096 input pixels; flipping needs > 32 of them dark.
    # Over 32 of its 64 pixels must go dark; one rectangle needs >= 35 (5 x 7); seeds 0-4: 35-36.
    assert 32 / 4096 < flip.covered <= 40 / 4096, flip
    y0, y1, x0, x1 = (v / 64 for v in PATCH)
    on_patch = [r for r in flip.rectangles if r[0] < x1 and r[2] > x0 and r[1] < y1 and r[3] > y0]
    assert on_patch, flip.rectangles
    assert flip.trace == flip.iterations + 1 == SMALL.iterations + 1


def test_painted_shows_the_rectangles_at_display_size():
    flip = duel.smallest_flip(toy, white(), 0, np.random.default_rng(0), SMALL)
    shown = duel.painted(white(), flip, size=320)
    assert shown.shape == (320, 320, 3)
    brush = np.all(shown == duel.BRUSH, axis=-1)
    # Rectangles sit on the 64 px grid: the same share of a 320 px picture (5 x 5 blocks).
    assert abs(brush.mean() - flip.covered) < 1e-9


def test_an_already_wrong_picture_flips_with_zero_pixels():
    dark = white()
    dark[80:96, 32:48] = 20  # the toy's patch, blacked out at 128 px
    flip = duel.smallest_flip(toy, dark, 0, np.random.default_rng(0), SMALL)
    assert flip.flipped and flip.covered == 0.0 and flip.iterations == 0


def test_user_attempt_counts_changed_display_pixels():
    bg = white(320)
    pic = bg.copy()
    pic[200:240, 80:120] = 30  # 1600 px over the toy's patch (display 200..240, 80..120)
    pic[0:10, 0:10] = 240  # a faint change (5 levels): not counted as drawing
    got = duel.user_attempt(bg, pic, {"toy": toy, "same": toy}, 0)
    assert got.covered == 1600 / 320**2
    assert [v.model for v in got.verdicts] == ["toy", "same"]
    assert all(v.flipped and v.label == LABELS[1] for v in got.verdicts)
    engine = duel.smallest_flip(toy, bg, 0, np.random.default_rng(0), SMALL)
    assert duel.beats(got, "toy", engine) == (got.covered < engine.covered)
    untouched = duel.user_attempt(bg, bg, {"toy": toy}, 0)
    assert untouched.covered == 0 and not untouched.verdicts[0].flipped
    assert not duel.beats(untouched, "toy", engine)


def test_measure_on_a_tiny_set_returns_the_documented_keys():
    out = duel.measure({"a": toy, "b": toy}, seed=1, n=2, config=duel.DuelConfig(iterations=2))
    assert {"seed", "n", "render_size", "config", "seconds", "a", "b"} <= out.keys()
    keys = {"median_pct", "median_flipped_pct", "mean_flipped_pct", "flipped", "failed"}
    for name in ("a", "b"):
        assert keys | {"already_wrong", "n"} == out[name].keys()
        assert out[name]["flipped"] + out[name]["failed"] == out[name]["n"] == 2
    assert out["a"] == out["b"]  # same (seed, i) stream per model: same search, same result


def test_trim_shaves_boxes_down_to_what_the_predicate_needs():
    b = np.array([[0, 0, 64, 64], [30, 30, 40, 50], [0, 0, 0, 0]], np.int32)
    assert rects.shrinks(b).shape == (15, 3, 4)

    def holds(m: np.ndarray) -> np.ndarray:  # the 10 x 10 square at (10, 10) fully covered
        return m[:, 10:20, 10:20].all(axis=(1, 2))

    out, scored = rects.trim(b, holds, 64, rounds=500)
    assert rects.masks(out[None], 64)[0].sum() == 100
    assert [list(r) for r in out if r[2] > r[0] and r[3] > r[1]] == [[10, 10, 20, 20]]
    assert scored % 15 == 0 and scored > 0


def test_page_sentences_say_who_won_and_the_measured_medians():
    engine = duel.smallest_flip(toy, white(320), 0, np.random.default_rng(0), SMALL)
    assert duel_text.flip_text(engine).startswith(f"{LABELS[0]} flipped to {LABELS[1]}")
    pic = white(320)
    pic[200:240, 80:120] = 30  # 1.56 % of the display: more than the engine's ~0.9 %
    big = duel.user_attempt(white(320), pic, {"toy": toy}, 0)
    assert "the engine needed" in duel_text.attempt_text(big, "toy", engine)
    lost = duel.Flip((), 0.0, False, LABELS[0], 0.9, LABELS[0], 1, 64, 0.1, 2)
    assert "you beat the engine" in duel_text.attempt_text(big, "toy", lost)
    assert duel_text.measured_text(None, {"toy": "Toy"}) is None
    out = duel.measure({"toy": toy}, seed=1, n=2, config=duel.DuelConfig(iterations=2))
    text = duel_text.measured_text(out, {"toy": "Toy"})
    assert f"Toy median {out['toy']['median_pct']:.2f} %" in text and "0 of 2 not flipped" in text
