"""The hat page's pieces: cached engine calls, the face grid and one face's close-up."""

from __future__ import annotations

import streamlit as st

from engine.hat import explain, groups, lore, notes, share
from pages import _ui

PER_ROW = 6  # faces per row of the grid
KEPT = ("hat_sample", "hat_sensitivity", "hat_seed", "hat_face")  # survive a visit elsewhere
# One hue per house, in lore.HOUSES order: the bars read at a glance without their labels.
HUES = ("#c8413b", "#d9a72b", "#4a7fd4", "#3a9a5e")
# Drawn as plain HTML, not st.progress: Streamlit slides a reused progress bar from its old
# length over 0.5 s, so just after a new photo the bars showed the last photo's lengths.
BAR = (
    '<div style="font-size:0.875rem;line-height:1.2">{text}</div>'
    '<div role="progressbar" aria-label="{text}" aria-valuenow="{pct}" aria-valuemin="0" '
    'aria-valuemax="100" style="margin:0.15rem 0 0.45rem">'
    '<div style="height:0.5rem;border-radius:0.25rem;overflow:hidden;'
    'background:rgba(151,166,195,0.25)">'
    '<div style="height:100%;width:{pct}%;background:{hue}"></div></div></div>'
)


@st.cache_data(show_spinner=False, max_entries=4)
def sample(name: str):
    """A committed sample group photo, decoded once."""
    return groups.load_sample(name)


@st.cache_data(show_spinner=False, max_entries=32)
def inspected_sample(model: str, name: str, sensitivity: int, seed: int) -> explain.Inspection:
    """A sample photo sorted, explained and probed; the same for every session that asks."""
    return explain.inspect(sample(name), _ui.model(model), sensitivity / 100, seed)


def controls(url: share.State, names: list[str]):
    """The photo (upload or sample), sensitivity and probe seed: (image, name, sensitivity, seed).

    A first visit starts from the link; coming back from another page, from where it was left.
    """
    sample = url.sample if url.sample in names else names[0]
    first = {"hat_sample": sample, "hat_sensitivity": url.sensitivity, "hat_seed": url.seed}
    _ui.keep(KEPT, first | {"hat_face": url.face})
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
                "...or a sample group photo",
                names,
                key="hat_sample",
                format_func=groups.sample_label,
                on_change=_ui.store,
                args=("hat_sample",),
            )
            credit = groups.credit(name)  # reads samples.json: once per run
            if credit:
                st.caption(credit)
    with right:
        sensitivity = st.slider(
            "Sensitivity",
            0,
            100,
            step=share.SENSITIVITY_STEP,
            key="hat_sensitivity",
            on_change=_ui.store,
            args=("hat_sensitivity",),
            help="Higher finds smaller and harder faces, and more false ones.",
        )
        seed = st.number_input(
            "Probe seed",
            0,
            share.MAX_SEED,
            key="hat_seed",
            on_change=_ui.store,
            args=("hat_seed",),
            help="Seeds the jitter of the stability probe: the same seed gives the same numbers.",
        )
    return image, name, sensitivity, seed


def face_picker(result: explain.Inspection, wanted: int) -> int:
    """The close-up's face, kept within this photo's faces and labelled from this photo."""
    found = len(result.sorting.faces)
    face = int(st.session_state.get("hat_face", wanted))
    # Set on every run, in range: Streamlit knows a keyed selectbox by its key alone, and only
    # a value set by the script makes it send the browser this photo's label for the index;
    # otherwise the picker went on showing the last photo's (e.g. "2. Hufflepuff" after a new
    # photo whose face 2 is a Gryffindor).
    _ui.set_kept("hat_face", min(max(0, face), found - 1))
    return st.selectbox(
        "Face",
        range(found),
        format_func=lambda i: f"{i + 1}. {result.sorting.faces[i].house}",
        key="hat_face",
        on_change=_ui.store,
        args=("hat_face",),
    )


def faces_grid(result: explain.Inspection) -> None:
    """Each face as the hat saw it: crop, house, the four probabilities, colour and stability."""
    found = result.sorting.faces
    for start in range(0, len(found), PER_ROW):
        row = st.columns(PER_ROW)
        for offset, column in enumerate(row[: len(found) - start]):
            i = start + offset
            face, why, probe = found[i], result.explanations[i], result.probes[i]
            with column:
                st.image(face.crop, width="stretch")
                verdict = "Hatstall! " if face.hatstall else ""
                st.markdown(f"**{i + 1}. {verdict}{face.house}**")
                st.markdown(bars(face.probs), unsafe_allow_html=True)
                st.caption(notes.face_caption(why, probe))


def bars(probs) -> str:
    """The four house probabilities as labelled bars, one HTML block."""
    return "".join(
        BAR.format(text=f"{house} {p:.0%}", pct=f"{100 * min(1.0, max(0.0, p)):.1f}", hue=hue)
        for house, p, hue in zip(lore.HOUSES, probs, HUES, strict=True)
    )


def face_detail(result: explain.Inspection, i: int) -> None:
    """One face close up: its crop beside the colour map, the swatches, the lore and the probe."""
    face, why, probe = result.sorting.faces[i], result.explanations[i], result.probes[i]
    pictures, words = st.columns([1, 2], gap="medium")
    pictures.image(
        [face.crop, explain.heat(face.crop, why)],
        caption=["the crop", "what the hat looked at"],
        width=150,
    )
    with words:
        st.image(
            [explain.swatch(c.rgb) for c in why.clusters],
            caption=[notes.swatch_label(c) for c in why.clusters],
            width=64,
        )
        st.markdown(notes.lore_caption(why))
        st.markdown("**Stability probe.** " + notes.probe_note(probe))
    st.caption(notes.EXPLAIN)
