"""Perception engine: a random search arranges a few ellipses until a classifier sees a class."""

import json
import time

import streamlit as st

from engine import cards, images
from engine.perception import lab, plots, targets
from engine.perception.ellipses import Layout
from pages import _ui

st.title("Perception engine")
st.caption("Random search over a few two-colour ellipses until a classifier sees your class.")
found = targets.classifiers()
if not found:
    st.info(
        "No classifier is trained yet, so there is nothing to fool. Train one first, e.g. "
        "`python -m engine train guitar`, then reload this page.",
        icon=":material/hourglass_empty:",
    )
    st.stop()
search_tab, findings_tab = st.tabs(["Search", "Findings"])

with search_tab:
    st.markdown(
        "**What you're seeing:** each iteration perturbs the best picture so far into a batch "
        "of candidates, the classifier scores the whole batch at once, and the best one is "
        "kept if it beats the current best. The step shrinks over time."
    )
    left, right = st.columns([1, 3], gap="large")
    with left:
        chosen = st.selectbox("Classifier", found, format_func=lambda t: t.name, key="perc_model")
        label = st.selectbox("Class to aim for", chosen.labels, key="perc_class")
        n = st.slider("Ellipses", 1, 16, 8, key="perc_n")
        seconds = st.slider("Time budget (s)", 2, 120, 30, key="perc_seconds")
        iterations = st.number_input("Iteration budget", 1, 100_000, 5_000, key="perc_its")
        background = st.toggle(
            "Pick background", True, key="perc_bg", help="Off: a fixed white background."
        )
        seed = st.number_input("Seed", 0, 2**31 - 1, 0, key="perc_seed")
        go, halt = st.columns(2)
        start = go.button("Start", type="primary", key="perc_start", width="stretch")
        halt.button("Stop", key="perc_stop", width="stretch")
    settings = lab.Settings(
        chosen.labels.index(label), n, background, 2, float(seconds), int(iterations), int(seed)
    )
    model = _ui.model(chosen.name)
    state = st.session_state
    if "perc_live" in state:  # a run was interrupted by Stop (or any other click): keep its best
        live = state.pop("perc_live")
        state["perc_outcome"] = lab.stopped(_ui.model(live["model"]), *live["args"])
    with right:
        bar = st.empty()
        pic_col, chart_col = st.columns(2)
        view, chart = pic_col.empty(), chart_col.empty()
        if start:
            state.pop("perc_outcome", None)
            trace, shown = [], {"at": 0.0, "n": 0}

            def on_step(step):
                """Keep the latest best for Stop; redraw a few times a second."""
                trace.append((step.iteration, step.best_score, step.candidates))
                state["perc_live"] = {"model": chosen.name, "args": (settings, step, trace)}
                if time.monotonic() - shown["at"] < 0.4 and step.progress < 1:
                    return True
                shown["at"], shown["n"] = time.monotonic(), shown["n"] + 1
                bar.progress(step.progress, f"iteration {step.iteration}, {step.seconds:.1f} s")
                picture = lab.picture(settings.layout(), step.best_genes, 320)
                caption = f"best so far: P({label}) = {step.best_score:.3f}"
                view.image(picture, caption=caption, output_format="PNG")
                fig = plots.trace(trace, label)
                chart.plotly_chart(fig, key=f"perc_trace_live_{shown['n']}")
                return True

            state["perc_outcome"] = lab.run(model, settings, on_step)
            state.pop("perc_live", None)
        out = state.get("perc_outcome")
        if out is None:
            view.info("Pick a class and press **Start**.", icon=":material/play_arrow:")
        else:
            how = {"cancelled": "stopped", "seconds": "time budget used"}.get(out.stopped, "done")
            bar.progress(1.0, f"{how}: {out.iterations} iterations, {out.candidates} candidates")
            picture = lab.picture(out.settings.layout(), out.genes)
            caption = f"{out.classifier}: P({out.target}) = {out.score:.3f}"
            view.image(picture, caption=caption, output_format="PNG")
            chart.plotly_chart(plots.trace(out.trace, out.target), key="perc_trace_final")
            chart_col.plotly_chart(plots.top5(out.top5), key="perc_top5")
            png, drawing = images.to_png(picture), json.dumps(out.drawing(), indent=2)
            get = pic_col.download_button
            get("Download PNG", png, f"{out.target}.png", "image/png", key="perc_png")
            get("Download ellipses (JSON)", drawing, f"{out.target}.json", key="perc_json")

with findings_tab:
    card = cards.read("perception")
    if not card or not card.get("findings"):
        st.info("Findings are not measured yet: run `python -m engine evaluate perception`.")
        st.stop()
    st.markdown(f"**We measured:** {card['headline']}")
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
