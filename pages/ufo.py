"""UFO masks: a U-Net trained from one cut-out saucer marks saucers in sky photos."""

import streamlit as st

from engine import cards, catalog
from engine.ufo import composite, figures
from engine.ufo.unet import predict
from pages import _ui

DEMO = catalog.demo("ufo")
TITLES = {"ufo-widened": "widened ranges", "ufo-seed-ranges": "write-up's ranges"}


@st.cache_data(show_spinner=False, max_entries=16)
def generated_sky(seed: int, with_saucer: bool):
    """A seeded generated sky, cached per (seed, saucer)."""
    return composite.generated_sky(seed, with_saucer)


st.title(DEMO.title)
st.caption(DEMO.pitch)
shipped = {c["name"]: c for c in cards.available("ufo")}
if not shipped:
    st.info(
        "No UFO model is trained yet: run `python -m engine train ufo`.", icon=":material/info:"
    )
    st.stop()

st.markdown(
    "**What you're seeing:** a small U-Net trained only on composites of *one* cut-out saucer "
    "pasted onto synthetic skies. Left: your picture. Middle: the net's saucer probability "
    "(white = saucer). Right: red boxes around connected regions above the threshold."
)
find, fmap = st.tabs(["Find saucers", "Failure map"], key="ufo_tabs")

# The failure map is filled first: the finder below may stop the script for want of input.
with fmap:
    st.markdown(f"**The write-up claimed:** {DEMO.claim}")
    both = {
        f"{n} ({TITLES[n]})": shipped[n]
        for n in TITLES
        if "failure_map" in shipped.get(n, {}).get("metrics", {})
    }
    if both:
        st.plotly_chart(figures.failure_maps(both), key="ufo_failure_map")
    else:
        st.info("The models have not been evaluated yet.", icon=":material/info:")
    st.caption(
        "Mean mask IoU on fresh composites per cell (saucer width as a share of the frame x "
        "blend towards white), from each model card's evaluation."
    )
    wide = shipped.get("ufo-widened", {})
    if "headline" in wide:
        st.markdown(f"**We measured:** {wide['headline']}")

with find:
    left, right = st.columns([3, 2], gap="large")
    names = [n for n in TITLES if n in shipped]
    name = left.selectbox(
        "Model", names, format_func=lambda n: f"{n} ({TITLES[n]})", key="ufo_model"
    )
    default = float(shipped[name]["config"]["threshold"])
    threshold = left.slider("Threshold", 0.05, 0.95, default, 0.05, key="ufo_threshold")
    with right:
        seed = st.number_input("Sky seed", 0, 99_999, 1, key="ufo_seed")
        with_saucer = st.toggle("With a saucer", value=True, key="ufo_with_saucer")
        if st.button("Generate a test sky", icon=":material/auto_awesome:", key="ufo_generate"):
            st.session_state["ufo_generated"] = (int(seed), bool(with_saucer))
    with left:
        photo = _ui.upload_image("Upload a sky photo", key="ufo_upload")
    generated = st.session_state.get("ufo_generated")
    if photo is None and generated is not None:
        photo = generated_sky(*generated)
    if photo is None:
        st.info("Upload a sky photo or press **Generate a test sky**.", icon=":material/info:")
        st.stop()

    result = predict.panels(_ui.model(name), photo, threshold)
    cols = st.columns(3)
    cols[0].image(result.image, caption="input", width="stretch")
    cols[1].image(result.mask, caption="saucer probability", width="stretch")
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
        st.caption(
            "Boxes (x0, y0, x1, y1): "
            + "; ".join(f"({b.x0}, {b.y0}, {b.x1}, {b.y1}) p={b.score:.2f}" for b in result.boxes)
        )
