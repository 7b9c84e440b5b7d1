"""Plotly figures of the ImageNet findings: the five measured figures the page shows."""

from __future__ import annotations

from typing import Any

import numpy as np
import plotly.graph_objects as go

from engine.perception.plots import _layout, log_axis

# Scores are drawn no lower than this on log axes (the float64 softmax never reads 0).
FLOOR = 1e-12


def _clip(values: list[float]) -> list[float]:
    return [max(float(v), FLOOR) for v in values]


def spread(random: dict[str, Any]) -> go.Figure:
    """(1) Per-class min / median / max over random images, classes sorted by median."""
    s = random["spread"]
    rank = list(range(1, len(s["labels"]) + 1))
    fig = go.Figure()
    for key, dash in (("max", "dot"), ("median", "solid"), ("min", "dot")):
        fig.add_scatter(
            x=rank, y=_clip(s[key]), name=key, mode="lines", text=s["labels"], line={"dash": dash}
        )
    title = f"(1) {len(rank)} classes over random images: {random['orders_of_magnitude']} orders"
    return _layout(
        fig,
        title,
        xaxis_title="class, sorted by median score",
        yaxis=log_axis("probability"),
    )


def colours(random: dict[str, Any]) -> go.Figure:
    """(2) Each class's median score: two colours vs a free colour per ellipse."""
    s = random["spread"]
    fig = go.Figure(
        go.Scatter(
            x=_clip(s["median"]), y=_clip(random["two_median"]), text=s["labels"], mode="markers"
        )
    )
    fig.update_traces(marker={"size": 4, "opacity": 0.6})
    lo, hi = min(_clip(s["median"])), max(_clip(s["median"]))
    fig.add_scatter(x=[lo, hi], y=[lo, hi], mode="lines", name="equal", line={"dash": "dot"})
    rho = random["two_colour_rank_correlation"]
    return _layout(
        fig,
        f"(2) Two colours vs free colours: rank correlation {rho}",
        xaxis=log_axis("median, free colours"),
        yaxis=log_axis("median, two colours"),
        showlegend=False,
    )


def shark(found: dict[str, Any]) -> go.Figure:
    """(3) great_white_shark score traces, fixed white vs chosen background, every seed."""
    fig = go.Figure()
    for name, colour in (("fixed", "#888"), ("chosen", "#1f77b4")):
        for i, run in enumerate(found["runs"][name]):
            c, best = zip(*run["trace"], strict=True)
            fig.add_scatter(
                x=c,
                y=_clip(best),
                mode="lines",
                line={"color": colour},
                name=f"{name} background",
                legendgroup=name,
                showlegend=i == 0,
            )
    return _layout(
        fig,
        f"(3) great_white_shark, {len(found['runs']['fixed'])} seeds each",
        xaxis_title="candidates scored",
        yaxis=log_axis("P(great_white_shark)"),
    )


def named(rows: list[dict[str, Any]]) -> go.Figure:
    """(4) Final score of each of the write-up's named classes under one budget."""
    fig = go.Figure(
        go.Bar(x=[r["label"] for r in rows], y=_clip([r["score"] for r in rows]), name="final")
    )
    fig.add_bar(x=[r["label"] for r in rows], y=_clip([r["start"] for r in rows]), name="start")
    fig.update_layout(barmode="group")
    return _layout(fig, "(4) The write-up's classes", yaxis=log_axis("probability"))


def scatter(found: dict[str, Any]) -> go.Figure:
    """(5) Random-image median vs the score a short search reached, one point per class."""
    rows = found["rows"]
    x, y = _clip([r["random_median"] for r in rows]), _clip([r["score"] for r in rows])
    fig = go.Figure(go.Scatter(x=x, y=y, text=[r["label"] for r in rows], mode="markers"))
    lo, hi = min(x), max(1.0, max(y))
    fig.add_scatter(x=[lo, hi], y=[lo * 100, hi * 100], mode="lines", line={"dash": "dot"})
    rho = found["rank_correlation"]
    return _layout(
        fig,
        f"(5) {len(rows)} classes: random median vs search (rank corr. {rho})",
        xaxis=log_axis("median over random images"),
        yaxis=log_axis("score after the search", range=[np.log10(lo), 0.05]),
        showlegend=False,
    )
