"""Sorting hat: faces in a group photo sorted into houses, with why, how firmly, and a link."""

import streamlit as st

from engine import catalog, images
from engine.hat import explain, groups, notes, share
from pages import _hat_parts as parts
from pages import _ui

demo = catalog.demo("hat")
st.title(demo.title)
st.caption(demo.pitch)
with st.expander("What you're seeing, and the hat's lore", expanded=False):
    st.markdown(notes.what_you_see(catalog.headline("hat")))
_ui.how_it_works(notes.IDEA, notes.CHANGES, ["hat", "hat-writeup"])

try:
    model = _ui.model("hat")
except FileNotFoundError:
    st.info("The hat's model is not trained yet: run `python -m engine train hat`.")
    st.stop()

names = groups.sample_names()
url = share.parse(st.query_params.to_dict(), names)
left, right = st.columns([2, 1])
with left:
    image = _ui.upload_image(
        "Your group photo (optional)", key="hat_upload", help="Frontal faces work best."
    )
    if image is None and st.session_state.get("hat_upload") is not None:
        st.stop()  # the upload was refused; the message above says why
    name = None
    if image is None:
        name = st.selectbox(
            "...or a sample group photo (real faces on drawn people)",
            names,
            index=names.index(url.sample) if url.sample in names else 0,
            key="hat_sample",
        )
with right:
    sensitivity = st.slider(
        "Sensitivity",
        0,
        100,
        url.sensitivity,
        step=share.SENSITIVITY_STEP,
        key="hat_sensitivity",
        help="Higher finds smaller and harder faces, and more false ones.",
    )
    seed = st.number_input(
        "Probe seed",
        0,
        share.MAX_SEED,
        url.seed,
        key="hat_seed",
        help="Seeds the jitter of the stability probe: the same seed gives the same numbers.",
    )

with st.spinner("The hat is thinking..."):
    if name is not None:
        result = parts.inspected_sample(name, sensitivity, seed)
    else:  # uploads are not cached: they stay with the session that sent them
        result = explain.inspect(image, model, sensitivity / 100, seed)

found = len(result.sorting.faces)
st.subheader(f"{found} face{'s' if found != 1 else ''} found")
if not found:
    _ui.remember(share.params(share.State(name, sensitivity, seed)))
    st.warning(
        "No faces found. Try a higher sensitivity, or a photo where people look into the "
        "camera: the Haar cascade only knows frontal, upright faces.",
        icon=":material/face_retouching_off:",
    )
tally = st.columns(len(result.sorting.tallies))
for column, (house, count) in zip(tally, result.sorting.tallies.items(), strict=True):
    column.metric(house, count)

st.image(result.sorting.annotated, width="stretch")
st.download_button(
    "Download the sorted photo (PNG)",
    images.to_png(result.sorting.annotated),
    file_name="sorted.png",
    mime="image/png",
    key="hat_download",
)


def replay() -> tuple[bool, str]:
    """From scratch on purpose: the photo decoded again, no cached result, a fresh probe."""
    photo = groups.load_sample(name) if name is not None else image
    fresh = explain.inspect(photo, model, sensitivity / 100, seed)
    same = fresh.fingerprint == result.fingerprint
    return same, notes.replay_note(seed, fresh.fingerprint, len(fresh.sorting.faces), same)


_ui.seed_row(notes.seed_note(seed, explain.PROBE_N, result.fingerprint), "hat_replay", replay)
if not found:
    st.stop()

st.markdown("**Each face as the hat saw it**")
parts.faces_grid(result)

st.subheader("Why this house, and how firmly?")
face = st.selectbox(
    "Face",
    range(found),
    index=min(url.face, found - 1),
    format_func=lambda i: f"{i + 1}. {result.sorting.faces[i].house}",
    key="hat_face",
)
_ui.remember(share.params(share.State(name, sensitivity, seed, face)))
parts.face_detail(result, face)
