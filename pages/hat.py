"""Sorting hat: faces in a group photo sorted into houses, with why, how firmly, and a link."""

import streamlit as st

from engine import cards, catalog, images
from engine.hat import explain, groups, notes, share
from pages import _hat_parts as parts
from pages import _ui

MODEL = "hat"
_ui.header("hat")
with st.expander("What you're seeing, and the hat's lore", expanded=False):
    st.markdown(notes.what_you_see(catalog.headline("hat", _ui.card(MODEL) or {})))
_ui.how_it_works(notes.IDEA, notes.CHANGES, [MODEL, "hat-writeup"])
trained = any(c["name"] == MODEL for c in cards.available("hat"))
_ui.require("hat", trained, "The hat's model is not trained yet")
model = _ui.model(MODEL)

names = groups.sample_names()
url = share.parse(st.query_params.to_dict(), names)
image, name, sensitivity, seed = parts.controls(url, names)

with st.spinner("The hat is thinking..."):
    if name is not None:
        result = parts.inspected_sample(MODEL, name, sensitivity, seed)
    else:  # uploads are not cached: they stay with the session that sent them
        result = explain.inspect(image, model, sensitivity / 100, seed)

found = len(result.sorting.faces)
st.subheader(f"{found} face{'s' if found != 1 else ''} found")
if result.sorting.note:  # black and white or sepia: say what the hat did without colours
    st.info(result.sorting.note, icon=":material/contrast:")
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
    return same, notes.replay_note(seed, fresh.fingerprint, same, len(fresh.sorting.faces))


_ui.seed_row(notes.seed_note(seed, explain.PROBE_N, result.fingerprint), "hat_replay", replay)
if not found:
    st.stop()

st.markdown("**Each face as the hat saw it**")
parts.faces_grid(result)

st.subheader("Why this house, and how firmly?")
face = parts.face_picker(result, url.face)
_ui.remember(share.params(share.State(name, sensitivity, seed, face)))
parts.face_detail(result, face)
