"""UFO masks: a U-Net trained from one cut-out saucer marks saucers in sky photos."""

import streamlit as st

from engine import cards
from engine.ufo import composite, figures, notes, share
from engine.ufo.unet import predict
from pages import _ui

TITLES = {"ufo-widened": "widened ranges", "ufo-seed-ranges": "write-up's ranges"}


@st.cache_data(show_spinner=False, max_entries=16)
def generated_sky(seed: int, with_saucer: bool):
    """A seeded generated sky, cached per (seed, saucer)."""
    return composite.generated_sky(seed, with_saucer)


_ui.header("ufo")
shipped = {c["name"]: c for c in cards.available("ufo")}
_ui.require("ufo", bool(shipped), "No UFO model is trained yet")

st.markdown(notes.WHAT_YOU_SEE)
_ui.how_it_works(notes.IDEA, notes.CHANGES, list(TITLES))
url = share.parse(st.query_params.to_dict(), list(shipped))
find, fmap = st.tabs(["Find saucers", "Failure map"], key="ufo_tabs")

# The failure map is filled first: the finder below may stop the script for want of input.
with fmap:
    both = {
        f"{n} ({TITLES[n]})": shipped[n]
        for n in TITLES
        if "failure_map" in shipped.get(n, {}).get("metrics", {})
    }
    if both:
        st.plotly_chart(figures.failure_maps(both), key="ufo_failure_map")
    else:
        st.info("The models have not been evaluated yet.", icon=":material/info:")
    st.caption(notes.FAILURE_MAP)

with find:
    left, right = st.columns([3, 2], gap="large")
    names = [n for n in TITLES if n in shipped]
    name = left.selectbox(
        "Model",
        names,
        index=names.index(url.model) if url.model in names else 0,
        format_func=lambda n: f"{n} ({TITLES[n]})",
        key="ufo_model",
    )
    default = url.threshold or float(shipped[name]["config"]["threshold"])
    threshold = left.slider("Threshold", 0.05, 0.95, default, 0.05, key="ufo_threshold")
    with left:  # filled before the right column: an upload disables the test sky's button
        photo = _ui.upload_image("Upload a sky photo", key="ufo_upload")
    refused = photo is None and st.session_state.get("ufo_upload") is not None
    with right:
        first = share.FIRST_SEED if url.seed is None else url.seed
        seed = st.number_input("Sky seed", 0, share.MAX_SEED, first, key="ufo_seed")
        with_saucer = st.toggle("With a saucer", value=url.saucer, key="ufo_with_saucer")
        busy = photo is not None or refused
        why = "Remove the uploaded file (x next to its name) to use a test sky." if busy else None
        if st.button(
            "Generate a test sky",
            icon=":material/auto_awesome:",
            key="ufo_generate",
            disabled=busy,
            help=why,
        ):
            st.session_state["ufo_generated"] = (int(seed), bool(with_saucer))
        if busy:
            st.caption(why)
    if refused:
        _ui.remember(share.params(share.State(name, threshold)))
        st.stop()  # the error above says why; the last sky's results would read as this file's
    if "ufo_generated" not in st.session_state:  # a link's test sky, else the first one:
        st.session_state["ufo_generated"] = (first, url.saucer)  # a picture from the start
    shown = st.session_state["ufo_generated"] if photo is None else None  # an upload wins
    if shown is not None:
        photo = generated_sky(*shown)

    opacity = st.slider("Map opacity", 0.0, 1.0, url.opacity, 0.05, key="ufo_opacity")
    # Uploads never go into the link: only a generated sky can be rebuilt from its seed.
    sky = shown or (None, True)
    _ui.remember(share.params(share.State(name, threshold, opacity, *sky)))
    result = predict.panels(_ui.model(name), photo, threshold, opacity)
    cols = st.columns(3)
    cols[0].image(result.image, caption="input", width="stretch")
    cols[1].image(result.overlay, caption="saucer probability over the input", width="stretch")
    cols[2].image(result.annotated, caption="input with red boxes", width="stretch")
    count, download = st.columns([1, 1])
    count.metric("Saucers found", len(result.boxes))
    download.download_button(
        "Download annotated PNG",
        result.png,
        "ufo-boxes.png",
        "image/png",
        icon=":material/download:",
        key="ufo_download",
    )
    if result.boxes:
        st.caption(notes.box_list(result.boxes))
    if shown is not None:

        def replay() -> tuple[bool, str]:
            """From scratch on purpose: no cached sky, a fresh model run, then compare outputs."""
            fresh = predict.panels(_ui.model(name), composite.generated_sky(*shown), threshold)
            same = fresh.fingerprint == result.fingerprint
            return same, notes.replay_note(shown[0], fresh.fingerprint, same, len(fresh.boxes))

        _ui.seed_row(notes.seed_note(*shown, result.fingerprint), "ufo_replay", replay)
