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

    found = (cards.read("perception") or {}).get("imagenet")
    if found is None:
        pytest.skip("the card holds no ImageNet findings yet")
    figures = _imagenet_figures(found)
    for fig in figures:
        assert fig.layout.yaxis.type == "log" and fig.layout.title.text.startswith("(")
    assert len(figures[0].data[1].y) == 1000  # the median of every class
    assert min(figures[0].data[2].y) > 0  # the minima, not flattened to 0 on a log axis


def _imagenet_figures(found: dict) -> list:
    """The five ImageNet figures the page draws from the card's imagenet findings."""
    from engine.perception import imagenet_plots

    return [
        imagenet_plots.spread(found["random"]),
        imagenet_plots.colours(found["random"]),
        imagenet_plots.shark(found["shark"]),
        imagenet_plots.named(found["named"]),
        imagenet_plots.scatter(found["scatter"]),
    ]


def _findings_figures():
    """Every findings figure the page draws from the shipped card (ImageNet and toy)."""
    import pytest

    from engine import cards

    card = cards.read("perception") or {}
    if "imagenet" not in card or not card.get("findings"):
        pytest.skip("the card holds no findings yet")
    config = card["config"]
    figures = _imagenet_figures(card["imagenet"])
    toy = next(iter(card["findings"].values()))
    figures += [
        plots.spread(toy["colours"]["free"], "(1)"),
        plots.colours(toy["colours"]),
        plots.traces(toy["search"]),
        plots.models(card["findings"], config["threshold"]),
    ]
    if "search_fixed_background" in toy:
        figures.append(plots.background(toy["search"], toy["search_fixed_background"], 0.999))
    return figures


def test_log_axes_read_as_powers_of_ten_or_whole_counts_never_si_prefixes():
    for fig in _findings_figures():
        for axis in (fig.layout.xaxis, fig.layout.yaxis):
            if axis.type != "log":
                continue
            if axis.ticktext:  # counts: 1-2-5 steps written in full
                assert all(t.replace(",", "").isdigit() for t in axis.ticktext), axis.ticktext
            else:  # probabilities: one tick per decade as 10^k (plotly's default says "100µ")
                assert axis.exponentformat == "power" and axis.dtick == 1


def test_bar_charts_say_what_a_missing_bar_means_and_slant_long_class_names():
    figures = _findings_figures()
    counted = [f for f in figures if f.layout.yaxis.title.text == "candidates"]
    assert counted
    for fig in counted:
        words = " ".join(a.text for a in fig.layout.annotations)
        assert "no bar: not reached within the budget" in words
        assert fig.layout.xaxis.tickangle == -45  # "Stratocaster" whole, not "Stratoca"
    assert figures[5].layout.xaxis.tickangle == -45
