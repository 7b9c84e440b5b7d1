"""The live trace's axes: the candidates axis starts at zero and holds every point."""

from engine.perception import plots


def test_trace_axes_start_at_zero_and_hold_every_point():
    points = [(0, 0.1, 64), (10, 0.5, 704), (20, 0.9, 1344)]
    layout = plots.trace(points, "SG").layout
    assert tuple(layout.yaxis.range) == (0, 1.02)
    low, high = layout.yaxis2.range
    assert low == 0 and high >= 1344
    assert tuple(plots.trace([], "SG").layout.yaxis2.range)[0] == 0  # before the first step


def test_the_five_imagenet_figures_draw_from_the_card():
    import pytest

    from engine import cards
    from engine.perception import imagenet_plots

    found = (cards.read("perception") or {}).get("imagenet")
    if found is None:
        pytest.skip("the card holds no ImageNet findings yet")
    figures = [
        imagenet_plots.spread(found["random"]),
        imagenet_plots.colours(found["random"]),
        imagenet_plots.shark(found["shark"]),
        imagenet_plots.named(found["named"]),
        imagenet_plots.scatter(found["scatter"]),
    ]
    for fig in figures:
        assert fig.layout.yaxis.type == "log" and fig.layout.title.text.startswith("(")
    assert len(figures[0].data[1].y) == 1000  # the median of every class
    assert min(figures[0].data[2].y) > 0  # the minima, not flattened to 0 on a log axis
