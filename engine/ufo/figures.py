"""Plotly figures for the page, built from model cards (no model run, no TensorFlow)."""

from __future__ import annotations

from typing import Any

import plotly.graph_objects as go
from plotly.subplots import make_subplots


def failure_maps(cards_by_title: dict[str, dict[str, Any]]) -> go.Figure:
    """Side-by-side IoU heatmaps over saucer width x whiteness, one per model card."""
    titles = list(cards_by_title)
    fig = make_subplots(rows=1, cols=len(titles), subplot_titles=titles, horizontal_spacing=0.08)
    for col, title in enumerate(titles, start=1):
        fmap = cards_by_title[title]["metrics"]["failure_map"]
        table = fmap["iou"]  # [width][whiteness]
        z = [list(row) for row in zip(*table, strict=True)]  # rows: whiteness, cols: width
        fig.add_trace(
            go.Heatmap(
                z=z,
                x=[f"{w:.0%}" for w in fmap["widths"]],
                y=[f"{b:.2f}" for b in fmap["whiteness"]],
                zmin=0,
                zmax=1,
                colorscale="Viridis",
                text=[[f"{v:.2f}" for v in row] for row in z],
                texttemplate="%{text}",
                showscale=col == len(titles),
                colorbar={"title": "IoU"},
                hovertemplate="width %{x}<br>whiteness %{y}<br>IoU %{z:.2f}<extra></extra>",
            ),
            row=1,
            col=col,
        )
        fig.update_xaxes(title_text="saucer width (share of frame)", row=1, col=col)
        fig.update_yaxes(title_text="whiteness" if col == 1 else None, row=1, col=col)
    fig.update_layout(
        height=420, margin={"l": 10, "r": 10, "t": 40, "b": 10}, template="plotly_dark"
    )
    return fig
