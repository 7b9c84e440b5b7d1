"""Plotly figures for the page: the live score trace and the findings card's plots."""

from __future__ import annotations

from typing import Any

import plotly.graph_objects as go

# Findings plots stay short enough to see next to each other on a laptop screen.
HEIGHT = 340
# Probabilities below this are drawn at it: float32 softmax underflows to exactly 0.
FLOOR = 1e-7


def _layout(fig: go.Figure, title: str, **kwargs: Any) -> go.Figure:
    """Shared look: a title, tight margins, the legend under the plot."""
    fig.update_layout(
        title=title,
        height=HEIGHT,
        margin={"l": 10, "r": 10, "t": 40, "b": 40},
        # Pinned to the figure's bottom edge (not the plot's): slanted class names above it
        # push the plot up instead of running into the legend.
        legend={"orientation": "h", "yref": "container", "y": 0, "yanchor": "bottom", "x": 0},
        **kwargs,
    )
    return fig


def log_axis(title: str, **extra: Any) -> dict[str, Any]:
    """A probability log axis: one tick per decade written as a power of ten (never "100µ")."""
    return {"title": title, "type": "log", "dtick": 1, "exponentformat": "power", **extra}


def count_axis(title: str, values: list[float | None]) -> dict[str, Any]:
    """A log axis for counts, ticked at 1-2-5 steps written in full (1,000; not "1k" or "5")."""
    seen = [v for v in values if v]
    lo, hi = (min(seen), max(seen)) if seen else (1, 10)
    ticks = [m * 10**e for e in range(0, 8) for m in (1, 2, 5)]
    inside = [t for t in ticks if lo / 2 <= t <= hi * 2] or [1, 10]
    return {
        "title": title,
        "type": "log",
        "tickvals": inside,
        "ticktext": [f"{t:,}" for t in inside],
    }


def _never(fig: go.Figure) -> None:
    """Say under a bar chart what a missing bar means, instead of leaving a silent gap."""
    fig.add_annotation(
        text="no bar: not reached within the budget",
        xref="paper",
        yref="paper",
        x=1,
        y=1.0,
        yanchor="bottom",
        showarrow=False,
        font={"size": 11},
    )


def trace(points: list[tuple[int, float, int]], target: str, log: bool = False) -> go.Figure:
    """Best score vs iteration, with the candidates tried on a second axis (log: ImageNet)."""
    its = [p[0] for p in points]
    fig = go.Figure()
    fig.add_scatter(x=its, y=[p[1] for p in points], name=f"best P({target})", mode="lines")
    fig.add_scatter(
        x=its,
        y=[p[2] for p in points],
        name="candidates tried",
        yaxis="y2",
        mode="lines",
        line={"dash": "dot", "width": 1},
    )
    return _layout(
        fig,
        "Best score so far",
        xaxis_title="iteration",
        # ImageNet scores start near 1e-4: a linear axis would hide the whole climb.
        yaxis=log_axis("probability") if log else {"title": "probability", "range": [0, 1.02]},
        # Both axes start at 0 with the same headroom, so zero lines up and no tick is negative.
        yaxis2={
            "title": "candidates",
            "overlaying": "y",
            "side": "right",
            "showgrid": False,
            "range": [0, 1.02 * max([p[2] for p in points] or [1])],
        },
    )


def top5(pairs: list[tuple[str, float]]) -> go.Figure:
    """The classifier's five most likely classes for the final picture."""
    fig = go.Figure(go.Bar(x=[p for _, p in pairs][::-1], y=[n for n, _ in pairs][::-1]))
    fig.update_traces(orientation="h", texttemplate="%{x:.3f}", textposition="auto")
    return _layout(fig, "Top-5 of the target classifier", xaxis={"range": [0, 1]})


def spread(s: dict[str, Any], title: str) -> go.Figure:
    """Finding (1): per-class min / median / max over random images, sorted by median."""
    fig = go.Figure()
    for key, mode in (("max", "markers"), ("median", "lines+markers"), ("min", "markers")):
        values = [max(v, FLOOR) for v in s[key]]  # a log axis cannot show an exact 0
        fig.add_scatter(x=s["labels"], y=values, name=key, mode=mode)
    return _layout(fig, title, yaxis=log_axis("probability"), xaxis={"tickangle": -45})


def colours(c: dict[str, Any]) -> go.Figure:
    """Finding (2): each class's median score with two colours vs a free colour per ellipse."""
    free = dict(zip(c["free"]["labels"], c["free"]["median"], strict=True))
    two = dict(zip(c["two"]["labels"], c["two"]["median"], strict=True))
    names = list(free)
    lo = min(min(free.values()), min(two.values()))
    fig = go.Figure()
    fig.add_scatter(x=[lo, 1], y=[lo, 1], mode="lines", name="no change", line={"dash": "dot"})
    fig.add_scatter(
        x=[free[n] for n in names],
        y=[two[n] for n in names],
        hovertext=names,
        mode="markers",
        name="class median (hover: its name)",
    )
    return _layout(
        fig,
        f"(2) Two vs free colours (rank corr. {c['median_rank_correlation']:.2f})",
        xaxis=log_axis("median, free colours"),
        yaxis=log_axis("median, two colours"),
    )


def _reach(rows: list[dict], threshold: float) -> list[float | None]:
    """Candidates each class needed to reach threshold (None: never within the budget)."""
    return [r["candidates_to"].get(str(threshold)) for r in rows]


def background(on: list[dict], off: list[dict], strict: float) -> go.Figure:
    """Finding (3): candidates needed to reach `strict`, background fixed white vs picked."""
    fig = go.Figure()
    fig.add_bar(x=[r["label"] for r in off], y=_reach(off, strict), name="fixed white")
    fig.add_bar(x=[r["label"] for r in on], y=_reach(on, strict), name="search picks it")
    title = f"(3) Candidates to P >= {strict}: background fixed vs picked"
    _never(fig)
    counts = _reach(off, strict) + _reach(on, strict)
    return _layout(fig, title, yaxis=count_axis("candidates", counts), xaxis={"tickangle": -45})


def traces(rows: list[dict]) -> go.Figure:
    """Finding (4): best score vs iteration of every class's search."""
    fig = go.Figure()
    for r in rows:
        x, y = zip(*r["trace"], strict=True) if r["trace"] else ((), ())
        fig.add_scatter(x=[v + 1 for v in x], y=list(y), name=r["label"], mode="lines")
    return _layout(
        fig,
        "(4) Score vs iteration",
        xaxis=count_axis(
            "iteration + 1 (1 = best random start)",
            [1] + [len(r["trace"]) for r in rows],
        ),
        yaxis={"range": [0, 1.02]},
    )


def models(per_model: dict[str, Any], threshold: float) -> go.Figure:
    """Ours: candidates each classifier needed per class (is the dust model harder to fool?)."""
    fig = go.Figure()
    for name, found in per_model.items():
        rows = found["search"]
        fig.add_bar(x=[r["label"] for r in rows], y=_reach(rows, threshold), name=name)
    title = f"Which model is harder to fool? Candidates to P >= {threshold}"
    _never(fig)
    counts = [c for found in per_model.values() for c in _reach(found["search"], threshold)]
    return _layout(fig, title, yaxis=count_axis("candidates", counts), xaxis={"tickangle": -45})
