"""The live trace's axes: the candidates axis starts at zero and holds every point."""

from engine.perception import plots


def test_trace_axes_start_at_zero_and_hold_every_point():
    points = [(0, 0.1, 64), (10, 0.5, 704), (20, 0.9, 1344)]
    layout = plots.trace(points, "SG").layout
    assert tuple(layout.yaxis.range) == (0, 1.02)
    low, high = layout.yaxis2.range
    assert low == 0 and high >= 1344
    assert tuple(plots.trace([], "SG").layout.yaxis2.range)[0] == 0  # before the first step
