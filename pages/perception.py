"""Perception engine: a random search arranges a few ellipses until a classifier sees a class."""

import streamlit as st

from engine.perception import lab, notes, share, targets
from pages import _perception_parts as parts
from pages import _ui

_ui.header("perception", notes.CAPTION)
found = targets.classifiers()
missing = "No classifier is trained yet, so there is nothing to fool"
_ui.require("perception", bool(found), missing, "python -m engine train guitar")
card = _ui.card("perception") or {}  # the findings card (531 KB, cached): welcome, findings
_ui.how_it_works(notes.IDEA, notes.CHANGES, notes.CARDS)
url = share.parse(
    st.query_params.to_dict(), {t.name: t.labels for t in found}, {t.name: t.default for t in found}
)
search_tab, findings_tab = st.tabs(["Search", "Findings"])

with search_tab:
    st.markdown(notes.WHAT_YOU_SEE)
    left, right = st.columns([1.4, 3], gap="large")  # wide enough for the model names
    with left:
        index = [t.name for t in found].index(url.model)
        chosen = st.selectbox(
            "Classifier", found, index=index, format_func=lambda t: t.title, key="perc_model"
        )
        aim = url.label if url.label in chosen.labels else chosen.default
        at = chosen.labels.index(aim) if aim in chosen.labels else 0
        label = st.selectbox(
            "Class to aim for", chosen.labels, index=at, key="perc_class", help="Type to filter."
        )
        n = st.slider("Ellipses", *share.ELLIPSES[:2], url.n, key="perc_n")
        low = share.IMAGENET_SECONDS if chosen.name == "imagenet" else share.SECONDS[0]
        seconds = st.slider(
            "Time budget (s)", low, share.SECONDS[1], max(url.seconds, low), key="perc_seconds"
        )
        iterations = st.number_input(
            "Iteration budget", *share.ITERATIONS[:2], url.iterations, key="perc_its"
        )
        background = st.toggle(
            "Pick background", url.background, key="perc_bg", help="Off: a fixed white background."
        )
        seed = st.number_input("Seed", *share.SEEDS[:2], url.seed, key="perc_seed")
        go, halt = st.columns(2)
        start = go.button("Start", type="primary", key="perc_start", width="stretch")
        halt.button("Stop", key="perc_stop", width="stretch")
    settings = lab.Settings(
        chosen.labels.index(label),
        n,
        background,
        2,
        float(seconds),
        int(iterations),
        int(seed),
        converge=True,
    )
    state = st.session_state
    # A link to a result shows its picture at once (from its genes) and re-runs it to verify;
    # an older link without genes re-runs it live. Once per session (the flag), never again on
    # reruns or after a Stop.
    from_link = url.result and "perc_linked" not in state
    state["perc_linked"] = True
    if from_link:  # pinned to the link's iteration count, so machine speed cannot cut it short
        settings = settings.replay(settings.iterations)
    if "perc_live" in state:  # a run was interrupted by Stop (or any other click): keep its best
        live = state.pop("perc_live")
        state["perc_outcome"] = lab.stopped(parts.model(live["model"]), *live["args"])
    with right:
        bar = st.empty()
        pic_col, chart_col = st.columns(2)
        view, chart = pic_col.empty(), chart_col.empty()
        genes = url.decoded if from_link else None
        if genes is not None:
            state["perc_outcome"] = parts.open_link(chosen.name, settings, genes, bar, view, chart)
        elif start or from_link:
            state.pop("perc_outcome", None)
            state["perc_outcome"] = parts.live_search(
                chosen.name, settings, label, bar, view, chart
            )
        out = state.get("perc_outcome")
        if out is None:
            parts.welcome(card, view, chart)
            wanted = (chosen.name, label, n, seconds, int(iterations), background, int(seed))
            _ui.remember(share.params(share.State(*wanted)))
        else:
            # The address describes the result on screen (not later widget edits), so a
            # shared link always shows what the sender saw.
            parts.show(out, bar, pic_col, chart_col, view, chart)
            parts.verified(out)
            _ui.remember(share.params(share.of_outcome(out)))
            parts.replay_row(out)

with findings_tab:
    parts.findings(card)
