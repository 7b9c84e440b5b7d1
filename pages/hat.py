"""Sorting hat: every frontal face in a group photo boxed and sorted into one of four houses."""

import streamlit as st

from engine import catalog, images
from engine.hat import faces, groups, lore, sort
from pages import _ui

demo = catalog.demo("hat")
st.title(demo.title)
st.caption(demo.pitch)

with st.expander("What you're seeing, and the hat's lore", expanded=False):
    st.markdown(
        "OpenCV's Haar cascade finds frontal faces in a grayscale, equalised copy, as in the "
        "write-up (we use its `alt2` frontal-face model and tile-wise equalisation). "
        "Around each face the hat takes a head-and-shoulders crop and a small CNN, in the "
        "spirit of the write-up's AlexNet-like net, gives the four houses' probabilities. "
        "When the top two are within 10 points the hat cannot decide: a **hatstall** (shown "
        "with a `?`).\n\n**The hat's lore.** " + lore.LORE_TEXT + "\n\nThe CNN learned the lore "
        "from synthetic portraits; the sample photos put real faces that Python packages ship "
        "(scikit-image's astronaut and LFW subset, matplotlib's Grace Hopper) on drawn people."
    )
    st.markdown(f"**We measured:** {catalog.headline('hat') or '_not trained yet_'}")


@st.cache_data(show_spinner=False, max_entries=4)
def sample(name: str):
    """A committed sample group photo, decoded once."""
    return groups.load_sample(name)


try:
    model = _ui.model("hat")
except FileNotFoundError:
    st.info("The hat's model is not trained yet: run `python -m engine train hat`.")
    st.stop()

left, right = st.columns([2, 1])
with left:
    image = _ui.upload_image(
        "Your group photo (optional)", key="hat_upload", help="Frontal faces work best."
    )
    if image is None and st.session_state.get("hat_upload") is not None:
        st.stop()  # the upload was refused; the message above says why
    if image is None:
        name = st.selectbox(
            "...or a sample group photo (real faces on drawn people)",
            groups.sample_names(),
            key="hat_sample",
        )
        image = sample(name)
with right:
    sensitivity = st.slider(
        "Sensitivity",
        0,
        100,
        int(faces.DEFAULT_SENSITIVITY * 100),
        step=5,
        key="hat_sensitivity",
        help="Higher finds smaller and harder faces, and more false ones.",
    )

with st.spinner("The hat is thinking..."):
    result = sort.sort_photo(image, model, sensitivity / 100)

found = len(result.faces)
st.subheader(f"{found} face{'s' if found != 1 else ''} found")
if not result.faces:
    st.warning(
        "No faces found. Try a higher sensitivity, or a photo where people look into the "
        "camera: the Haar cascade only knows frontal, upright faces.",
        icon=":material/face_retouching_off:",
    )
tally = st.columns(len(result.tallies))
for column, (house, count) in zip(tally, result.tallies.items(), strict=True):
    column.metric(house, count)

st.image(result.annotated, width="stretch")
st.download_button(
    "Download the sorted photo (PNG)",
    images.to_png(result.annotated),
    file_name="sorted.png",
    mime="image/png",
    key="hat_download",
)
if not result.faces:
    st.stop()

st.markdown("**Each face as the hat saw it**")
per_row = 6
for start in range(0, found, per_row):
    row = st.columns(per_row)
    for column, face in zip(row, result.faces[start : start + per_row], strict=False):
        with column:
            st.image(face.crop, width="stretch")
            verdict = "Hatstall! " if face.hatstall else ""
            st.markdown(f"**{verdict}{face.house}**")
            for house, p in zip(lore.HOUSES, face.probs, strict=True):
                st.progress(min(1.0, max(0.0, p)), text=f"{house} {p:.0%}")
