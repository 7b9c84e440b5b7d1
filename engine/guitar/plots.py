"""What the guitar page shows besides the canvas: score bars, occlusion curves, captions."""

from __future__ import annotations

import csv
import io

import plotly.graph_objects as go

from engine.guitar.model import NAMES
from engine.guitar.predict import curves

PLAIN, DUST = NAMES["plain"], NAMES["dust"]
# (model, title, colour) in the order the page shows them.
MODELS = ((PLAIN, "Plain model", "#8c8c8c"), (DUST, "Dust-trained model", "#d9822b"))
COVERAGE = [0, 10, 20, 30, 40]  # the x axis of the curves: share of the guitar hidden (%)

PHOTO_NOTE = (
    "Honest note: both models were trained only on rendered guitars like the ones here. "
    "A real photo is far from anything they saw, so expect odd answers."
)


def photo_note(card: dict | None) -> str:
    """The upload's caption: the honest note, then the no-guitar check as measured (with n)."""
    gate = ((card or {}).get("metrics", {}).get("real") or {}).get("gate") or {}
    if not gate.get("available"):
        return PHOTO_NOTE
    ok, stop = gate["guitar_photos_passed"], gate["other_photos_stopped"]
    return (
        f"{PHOTO_NOTE} First an ImageNet network (MobileNetV2) checks that a guitar is there at "
        f"all: it let {ok['agree']} of {ok['n']} real guitar photos through and stopped "
        f"{stop['agree']} of {stop['n']} real photos without a guitar (group photos, skies)."
    )


NO_GUITAR = "**No guitar found** · its guesses below mean nothing"
SAMPLES_CAPTION = (
    "Dust model's training inputs (64 px): the write-up's 0-31 grey "
    "rectangles, centre-biased, redrawn every epoch. The plain model saw them clean."
)


def bars(top: list[dict], colour: str) -> go.Figure:
    """One model's top-k as horizontal bars in percent, the most likely on top."""
    labels = [t["label"] for t in reversed(top)]
    values = [t["probability"] * 100 for t in reversed(top)]
    fig = go.Figure(
        go.Bar(
            x=values,
            y=labels,
            orientation="h",
            marker_color=colour,
            text=[f"{v:.1f} %" for v in values],
            textposition="auto",
        )
    )
    fig.update_layout(
        height=230,
        margin=dict(l=10, r=10, t=10, b=10),
        xaxis=dict(range=[0, 100], title="probability (%)"),
    )
    return fig


def top5_caption(title: str, top: list[dict]) -> str:
    """The top-k in words (the tests and screen readers read this)."""
    return f"{title} top-5: " + "; ".join(f"{t['label']} {t['probability']:.2%}" for t in top)


def curve(metrics: dict) -> go.Figure:
    """Accuracy vs share hidden, scribbles and Cutout squares, both models."""
    fig = go.Figure()
    for name, label, hue in ((PLAIN, "plain", "#8c8c8c"), (DUST, "dust", "#d9822b")):
        line = curves(metrics)[name]
        fig.add_trace(
            go.Scatter(
                x=COVERAGE,
                y=[v * 100 for v in line["scribble"]],
                name=f"{label}: scribbles",
                line=dict(color=hue, width=3),
            )
        )
        fig.add_trace(
            go.Scatter(
                x=COVERAGE,
                y=[v * 100 for v in line["cutout"]],
                name=f"{label}: Cutout squares",
                line=dict(color=hue, dash="dot"),
            )
        )
    return _hidden_axes(
        fig, "accuracy (%)", f"{metrics.get('n')} fresh renders, seed {metrics.get('seed')}"
    )


def _hidden_axes(fig: go.Figure, y_title: str, title: str) -> go.Figure:
    """The occlusion curves' frame: share hidden across, a 0-100 % score up."""
    fig.update_layout(
        height=360,
        margin=dict(l=10, r=10, t=30, b=10),
        xaxis_title="share of the guitar hidden (%)",
        yaxis=dict(title=y_title, range=[0, 100]),
        title=title,
    )
    return fig


def note(metrics: dict) -> str:
    """Why the scribbles are the headline, with the dust and Cutout numbers when measured."""
    dp = metrics.get(PLAIN, {}).get("dust")
    dd = metrics.get(DUST, {}).get("dust")
    cp = metrics.get(PLAIN, {}).get("cutout_30")
    cd = metrics.get(DUST, {}).get("cutout_30")
    text = (
        "A test that pastes rectangles flatters a model trained on pasted rectangles. "
        "The scribbles (thick random strokes in random colours, like a person's) are the fair "
        "test and our headline."
    )
    if None not in (dp, dd, cp, cd):
        text += (
            f" Under the write-up's own dust the gap looks huge: plain {dp:.0%} vs dust-trained "
            f"{dd:.0%}. Big grey Cutout squares over 30 % of the guitar tell another story: "
            f"plain {cp:.0%} vs dust-trained {cd:.0%}."
        )
    return text


def strokes(json_data: dict | None) -> int:
    """How many objects the user has drawn on the canvas."""
    return len((json_data or {}).get("objects", []) or [])


def canvas_caption(truth: str, hidden: bool, json_data: dict | None, photo: bool = False) -> str:
    """Under the canvas: which guitar it is (unless hidden) and how many strokes are drawn."""
    shown = "hidden (pick a guitar to know)" if hidden else truth
    what = "**Your photo**" if photo else f"Rendered guitar: **{shown}**"
    return (
        f"{what} · strokes on the canvas: {strokes(json_data)} · "
        "undo and redo are in the canvas toolbar (hover over or tap the canvas)."
    )


def curve_csv(metrics: dict) -> str:
    """The occlusion curves as CSV: one row per model, occluder and share hidden."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["model", "occluder", "share_hidden_pct", "accuracy", "renders", "seed"])
    for name, line in curves(metrics).items():
        for occluder, values in line.items():
            for pct, acc in zip(COVERAGE, values, strict=True):
                if acc is not None:
                    row = [name, occluder, pct, acc, metrics.get("n"), metrics.get("seed")]
                    writer.writerow(row)
    return out.getvalue()


def real_scribbles(metrics: dict) -> dict | None:
    """The real-photo scribble figures from a card's metrics, or None where not measured."""
    real = metrics.get("real") or {}
    found = real.get("scribbles")
    return found if real.get("available") and found and PLAIN in found else None


def real_curve(found: dict) -> go.Figure:
    """Top-1 vs share of the guitar scribbled over, on real photos: all, and product shots."""
    fig = go.Figure()
    for name, label, hue in ((PLAIN, "plain", "#8c8c8c"), (DUST, "dust", "#d9822b")):
        for part, dash, n in (("all", None, found["n"]), ("product", "dot", found["n_product"])):
            values = [found[name][part][f"scribble_{pct}"] for pct in COVERAGE]
            fig.add_trace(
                go.Scatter(
                    x=COVERAGE,
                    y=[None if v is None else v * 100 for v in values],
                    name=f"{label}: {'all photos' if part == 'all' else 'product shots'} (n={n})",
                    line=dict(color=hue, dash=dash, width=3 if part == "all" else 2),
                )
            )
    return _hidden_axes(
        fig, "top-1 (%)", f"{found['n']} real photos, same scribbles as the renders"
    )


def real_caption(found: dict) -> str:
    """What the real-photo curve measured, with its n, and what it says about the claim."""
    p, d = (found[name]["all"] for name in (PLAIN, DUST))
    return (
        f"The renders' scribble generator over {found['n']} real guitar photos "
        f"({found['n_product']} product shots); the guitar is what stands out from the "
        f"photo's backdrop ({found['outlined']} photos; the rest are scribbled anywhere). "
        f"Clean, the dust model names {d['scribble_0']:.0%} right and the plain one "
        f"{p['scribble_0']:.0%}; at 30 %: {d['scribble_30']:.0%} vs {p['scribble_30']:.0%}. "
    ) + _real_verdict(p, d)


def _real_verdict(p: dict, d: dict) -> str:
    """Whether the real-photo curve can speak to the claim at all, in one sentence."""
    if max(p["scribble_0"], d["scribble_0"]) < 0.5:
        return (
            "Both models get most real photos wrong before any scribble, so this curve cannot "
            "confirm the write-up's claim yet: first they must recognise real guitars."
        )
    lead = d["scribble_30"] - p["scribble_30"]
    return f"At 30 % the dust model is {100 * lead:+.0f} points against the plain one."
