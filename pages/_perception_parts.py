"""Pieces of the perception page: the live search view, the result, the link and the findings."""

from __future__ import annotations

import json
import time

import streamlit as st

from engine import images
from engine.perception import imagenet, imagenet_plots, lab, notes, plots, targets
from engine.perception.ellipses import Layout
from pages import _ui


@st.cache_resource(show_spinner=False)
def model(name: str):
    """A classifier's LiteRT pool (ImageNet's uint8 one included), loaded once for all sessions."""
    if name == imagenet.NAME:  # the guitar page's no-guitar check shares this one
        return _ui.imagenet()
    return targets.load(name)


def live_search(name: str, settings: lab.Settings, label: str, bar, view, chart) -> lab.Outcome:
    """Run one search, redrawing its best picture and score trace a few times a second."""
    state = st.session_state
    trace, shown = [], {"at": 0.0, "n": 0}

    def on_step(step):
        """Keep the latest best for Stop; redraw a few times a second."""
        trace.append((step.iteration, step.best_score, step.candidates))
        state["perc_live"] = {"model": name, "args": (settings, step, trace)}
        if time.monotonic() - shown["at"] < 0.4 and step.progress < 1:
            return True
        shown["at"], shown["n"] = time.monotonic(), shown["n"] + 1
        bar.progress(step.progress, f"iteration {step.iteration}, {step.seconds:.1f} s")
        picture = lab.picture(settings.layout(), step.best_genes, 320)
        caption = f"best so far: P({label}) = {step.best_score:.3g}"
        view.image(picture, caption=caption, output_format="PNG")
        figure = plots.trace(trace, label, log=name == imagenet.NAME)
        chart.plotly_chart(figure, key=f"perc_trace_live_{shown['n']}")
        return True

    out = lab.run(model(name), settings, on_step)
    state.pop("perc_live", None)
    return out


def open_link(name: str, settings: lab.Settings, genes, bar, view, chart) -> lab.Outcome:
    """A shared result: its picture at once from the link's genes, then a re-run to verify."""
    m = model(name)
    shown = lab.linked(m, settings, genes)
    bar.progress(1.0, notes.progress(shown.stopped, shown.iterations, 0))
    picture = lab.picture(settings.layout(), genes)
    view.image(picture, caption=f"{shown.classifier}: P({shown.target}) = {shown.score:.3g}")
    chart.plotly_chart(plots.top5(shown.top5), key="perc_link_top5")
    with st.spinner(notes.verifying(settings.seed, settings.iterations)):
        fresh = lab.run(m, settings)
    same = fresh.fingerprint == shown.fingerprint
    words = notes.verified(settings.seed, fresh.iterations, fresh.fingerprint, same)
    st.session_state["perc_verified"] = (shown.fingerprint, same, words)
    return fresh if same else shown


def verified(out: lab.Outcome) -> None:
    """What re-running a linked result found, while that result is on screen."""
    fingerprint, same, words = st.session_state.get("perc_verified", ("", False, ""))
    if fingerprint == out.fingerprint:
        (st.success if same else st.warning)(words, icon=":material/verified:")


def welcome(card: dict, view, chart) -> None:
    """Before any search: a finished one from the findings card, so the page opens on a picture."""
    runs = card.get("imagenet", {}).get("shark", {}).get("runs", {}).get("chosen")
    if not runs:
        view.info("Pick a class and press **Start**.", icon=":material/play_arrow:")
        return
    best = max(runs, key=lambda r: r["score"])
    picture = lab.picture(Layout(card["imagenet"]["config"]["n_ellipses"]), best["genes"], 320)
    box = view.container()
    box.image(picture, caption=notes.welcome(best["score"], best["iterations"], best["seed"]))
    box.info("Pick a class and press **Start** to run your own.", icon=":material/play_arrow:")
    chart.plotly_chart(imagenet_plots.shark(card["imagenet"]["shark"]), key="perc_welcome")


def show(out: lab.Outcome, bar, pic_col, chart_col, view, chart) -> None:
    """The finished search: picture, trace, top-5 and the three downloads."""
    # After Stop the bar keeps the share of the budget used; a full bar would claim it ran out.
    bar.progress(out.progress, notes.progress(out.stopped, out.iterations, out.candidates))
    picture = lab.picture(out.settings.layout(), out.genes)
    caption = f"{out.classifier}: P({out.target}) = {out.score:.3g}"
    view.image(picture, caption=caption, output_format="PNG")
    figure = plots.trace(out.trace, out.target, log=out.classifier == imagenet.NAME)
    chart.plotly_chart(figure, key="perc_trace_final")
    chart_col.plotly_chart(plots.top5(out.top5), key="perc_top5")
    png, drawing = images.to_png(picture), json.dumps(out.drawing(), indent=2)
    get = pic_col.download_button
    get("Download PNG", png, f"{out.target}.png", "image/png", key="perc_png")
    get("Download ellipses (JSON)", drawing, f"{out.target}.json", key="perc_json")
    get(
        "Download trace (CSV)",
        out.trace_csv(),
        f"{out.target}-trace.csv",
        "text/csv",
        key="perc_csv",
    )


def replay_row(out: lab.Outcome) -> None:
    """The seed and fingerprint, and a Replay that re-runs the search from scratch."""

    def replay() -> tuple[bool, str]:
        """Run the same seed for the recorded iterations with a fresh RNG and compare."""
        with st.spinner(f"Replaying {out.iterations} iterations from scratch..."):
            fresh = lab.replay(model(out.classifier), out)
        same = fresh.fingerprint == out.fingerprint and fresh.score == out.score
        seed = out.settings.seed
        return same, notes.replay_note(seed, fresh.fingerprint, same, fresh.iterations, fresh.score)

    note = notes.seed_note(out.settings.seed, out.iterations, out.fingerprint)
    _ui.seed_row(note, "perc_replay", replay)


def imagenet_findings(card: dict) -> None:
    """The five ImageNet figures, each beside the write-up's words."""
    found, said = card["imagenet"], notes.WRITEUP
    cfg = found["config"]
    st.markdown(
        f"**{found['model']}**: {cfg['n_random']} random images per palette; searches of at "
        f"most {cfg['seconds']:.0f} s or {cfg['iterations']} iterations of 64 candidates "
        f"(the write-up: ~15 min), {cfg['scatter_iterations']} iterations for figure (5)."
    )
    r = found["random"]
    one, two = st.columns(2)
    one.plotly_chart(imagenet_plots.spread(r), key="perc_in1")
    one.markdown(
        f"*Write-up:* {said['spread']}  \n**Measured:** easiest {', '.join(r['easiest'])}; "
        f"hardest {', '.join(r['hardest'])}; {r['orders_of_magnitude']} orders."
    )
    one.caption(
        "Our rank of the write-up's ten: "
        + ", ".join(f"{k} {v}" for k, v in r["writeup_ranks"].items())
    )
    two.plotly_chart(imagenet_plots.colours(r), key="perc_in2")
    two.markdown(
        f"*Write-up:* {said['colours']}  \n**Measured:** rank correlation "
        f"{r['two_colour_rank_correlation']} between the two palettes' medians."
    )
    s = found["shark"]
    one.plotly_chart(imagenet_plots.shark(s), key="perc_in3")
    med = s["median_final"]
    one.markdown(
        f"*Write-up:* {said['shark']}  \n**Measured:** median final score {med['fixed']:.3g} "
        f"fixed, {med['chosen']:.3g} chosen: chosen / fixed = "
        f"{s['ratio']}x, {notes.shark_verdict(s['ratio'])}; chosen won {s['chosen_wins']} of "
        f"{len(s['runs']['chosen'])} seeds."
    )
    two.plotly_chart(imagenet_plots.scatter(found["scatter"]), key="perc_in5")
    two.markdown(
        f"*Beyond the write-up:* rank correlation {found['scatter']['rank_correlation']}; "
        f"median gain {found['scatter']['median_gain_orders']} orders (dotted: 100x)."
    )
    _named_gallery(found)


def _named_gallery(found: dict) -> None:
    """Figure (4) and the pictures of the write-up's named classes."""
    st.plotly_chart(imagenet_plots.named(found["named"]), key="perc_in4")
    st.markdown(
        f"*Write-up:* {notes.WRITEUP['named']}  \n"
        "**Measured** (same budget each, final score, top-1):"
    )
    gallery = st.columns(len(found["named"]))
    for col, row in zip(gallery, found["named"], strict=True):
        picture = lab.picture(Layout(found["config"]["n_ellipses"]), row["genes"], 160)
        col.image(picture, caption=f"{row['label']}: {row['score']:.3g} (top-1 {row['top1']})")


def findings(card: dict) -> None:
    """The Findings tab: the findings card's measured claims, ImageNet first."""
    if not card or not card.get("findings"):
        st.info("Findings are not measured yet: run `python -m engine evaluate perception`.")
        return
    # The headline is the ImageNet model's (the page's default): it goes above its figures.
    st.markdown(f"**We measured:** {card['headline']}")
    if "imagenet" in card:
        imagenet_findings(card)
        st.divider()
        st.markdown("#### Our toy classifiers")
        st.caption("The same measurements on the small 64 px classifiers the other demos train.")
    per_model = card["findings"]
    name = st.selectbox("Classifier", list(per_model), key="perc_findings_model")
    f = per_model[name]
    one, two = st.columns(2)
    one.plotly_chart(plots.spread(f["colours"]["free"], "(1) Random images"), key="perc_f1")
    two.plotly_chart(plots.colours(f["colours"]), key="perc_f2")
    config = card["config"]
    if "search_fixed_background" in f:
        bg = plots.background(f["search"], f["search_fixed_background"], config["strict"])
        one.plotly_chart(bg, key="perc_f3")
    two.plotly_chart(plots.traces(f["search"]), key="perc_f4")
    peers = {n: x for n, x in per_model.items() if x["labels"] == f["labels"]}  # same classes
    st.plotly_chart(plots.models(peers, config["threshold"]), key="perc_f5")
    st.markdown("**Best picture per class** (the search picked the background)")
    gallery = st.columns(7)
    for i, row in enumerate(f["search"]):
        picture = lab.picture(Layout(config["n_ellipses"]), row["genes"], 160)
        gallery[i % 7].image(picture, caption=f"{row['label']}: {row['score']:.3f}")
    st.caption(f"Measured by `python -m engine evaluate perception --seed {card['seed']}`.")
