"""The Sorting hat page runs headless: samples sorted, uploads asked for, nothing raises."""

from pathlib import Path

from streamlit.testing.v1 import AppTest

from tests.app.links import fingerprint, open_link

# Absolute: AppTest resolves relative paths against this test file, not the repo root.
PAGE = str(Path(__file__).resolve().parents[2] / "pages" / "hat.py")


def test_sample_photo_is_sorted():
    at = AppTest.from_file(PAGE, default_timeout=60).run()
    assert not at.exception
    heading = [h.value for h in at.subheader]
    assert any("face" in h and "found" in h for h in heading), heading
    found = int(heading[0].split()[0])
    assert found >= 5  # the first sample shows 10 faces
    assert [m.label for m in at.metric] == ["Gryffindor", "Hufflepuff", "Ravenclaw", "Slytherin"]
    assert sum(int(m.value) for m in at.metric) == found


def test_sensitivity_zero_still_renders():
    at = AppTest.from_file(PAGE, default_timeout=60).run()
    at.slider(key="hat_sensitivity").set_value(0).run()
    assert not at.exception
    assert at.subheader[0].value.endswith("found")


def test_second_sample_is_sorted_too():
    at = AppTest.from_file(PAGE, default_timeout=60).run()
    first = at.subheader[0].value
    at.selectbox(key="hat_sample").select("group_2.jpg").run()
    assert not at.exception
    assert at.subheader[0].value.endswith("found")
    assert at.subheader[0].value != first  # 10 people in the first sample, 8 in the second


def numbers(at) -> list[str]:
    """Everything numeric the page shows: tallies, per-face captions, the close-up's words."""
    tallies = [m.value for m in at.metric]
    captions = [c.value for c in at.caption if "steady" in c.value]
    words = [m.value for m in at.markdown if "jittered crops" in m.value or "drove" in m.value]
    return tallies + captions + words


def test_a_shared_link_rebuilds_the_same_numbers_in_a_fresh_session():
    at = AppTest.from_file(PAGE, default_timeout=60).run()
    at.selectbox(key="hat_sample").select("group_2.jpg").run()
    at.slider(key="hat_sensitivity").set_value(60).run()
    at.number_input(key="hat_seed").set_value(17).run()
    at.selectbox(key="hat_face").select(5).run()
    assert not at.exception
    link = dict(at.query_params)
    assert link == {"sample": "group_2.jpg", "sensitivity": "60", "seed": "17", "face": "5"}
    assert any("jittered crops" in m.value for m in at.markdown)

    fresh = open_link(PAGE, link)
    assert fresh.selectbox(key="hat_sample").value == "group_2.jpg"
    assert fresh.slider(key="hat_sensitivity").value == 60
    assert fresh.number_input(key="hat_seed").value == 17
    assert fresh.selectbox(key="hat_face").value == 5
    assert fingerprint(fresh) == fingerprint(at)
    assert numbers(fresh) == numbers(at)

    # Another session, no link: none of the first session's choices leak into it.
    other = AppTest.from_file(PAGE, default_timeout=60).run()
    assert other.selectbox(key="hat_sample").value == "group_1.jpg"
    assert other.number_input(key="hat_seed").value == 1
    assert dict(other.query_params)["seed"] == "1"


def test_another_seed_gives_another_fingerprint_and_replay_confirms_it():
    at = AppTest.from_file(PAGE, default_timeout=60).run()
    first = fingerprint(at)
    at.number_input(key="hat_seed").set_value(2).run()
    assert fingerprint(at) != first  # the probe's jitters follow the seed
    at.button(key="hat_replay").click().run()
    assert not at.exception
    assert len(at.success) == 1 and "identical to" in at.success[0].value
    assert fingerprint(at) in at.success[0].value and "10 face(s)" in at.success[0].value


def test_a_junk_link_falls_back_to_defaults():
    at = AppTest.from_file(PAGE, default_timeout=60)
    at.query_params.update({"sample": "x.jpg", "sensitivity": "lots", "seed": "-3", "face": "99"})
    at.run()
    assert not at.exception
    assert at.selectbox(key="hat_sample").value == "group_1.jpg"
    assert at.slider(key="hat_sensitivity").value == 50
    assert at.number_input(key="hat_seed").value == 1
    assert at.selectbox(key="hat_face").value == 9  # face 99 clipped to the last of 10
    assert dict(at.query_params) == {
        "sample": "group_1.jpg",
        "sensitivity": "50",
        "seed": "1",
        "face": "9",
    }


def test_how_it_works_shows_the_idea_and_both_cards():
    at = AppTest.from_file(PAGE, default_timeout=60).run()
    how = next(e for e in at.expander if e.label == "How it works")
    shown = " ".join(m.value for m in how.markdown)
    assert "85 %" in shown and "`hat`" in shown and "`hat-writeup`" in shown


def test_colour_captions_read_as_the_change_when_the_colour_is_greyed():
    """A colour whose greying lowers the house shows a minus sign and "falls by N points"."""
    import re

    from engine import runtime
    from engine.hat import explain, groups

    at = AppTest.from_file(PAGE, default_timeout=60).run()
    assert not at.exception
    want = explain.inspect(groups.load_sample("group_1.jpg"), runtime.load_model("hat"), 0.5, 1)
    captions = [c.value for c in at.caption if "steady" in c.value]
    assert len(captions) == len(want.explanations)
    notable = 0
    for words, why in zip(captions, want.explanations, strict=True):
        top = why.clusters[0]
        if top.drop >= 0.1:
            notable += 1
            assert f": −{round(top.drop * 100)} pts" in words, words
        assert "+" not in words.split("·")[0] or top.drop < 0.1, words
    assert notable >= 1
    close = next(m.value for m in at.markdown if "drove" in m.value or "No single" in m.value)
    found = re.search(r"falls by (\d+) points, from (\d+)% to (\d+)%", close)
    if "drove" in close:
        assert found, close
        drop, before, after = (int(v) for v in found.groups())
        assert abs(before - after - drop) <= 1


def _picker_labels(at) -> tuple[list[str], str]:
    """The face picker's option labels and the label it sends the browser to show."""
    picker = at.selectbox(key="hat_face")
    assert picker.proto.set_value  # else the browser keeps whatever label it showed before
    return list(picker.options), picker.proto.raw_value


def test_the_face_picker_is_labelled_from_the_current_photo():
    from engine import runtime
    from engine.hat import explain, groups

    model = runtime.load_model("hat")
    at = AppTest.from_file(PAGE, default_timeout=60).run()
    at.selectbox(key="hat_face").select(1).run()
    for name in ("group_1.jpg", "group_2.jpg", "group_1.jpg"):
        at.selectbox(key="hat_sample").select(name).run()
        assert not at.exception
        faces = explain.inspect(groups.load_sample(name), model, 0.5, 1).sorting.faces
        want = [f"{i + 1}. {f.house}" for i, f in enumerate(faces)]
        options, shown = _picker_labels(at)
        assert options == want
        assert at.selectbox(key="hat_face").value == 1 and shown == want[1], (name, shown)


def test_a_black_and_white_photo_says_what_the_hat_did_without_colours(monkeypatch):
    import streamlit as st

    from engine.hat import groups, lore

    colour = groups.load_sample

    def grey(name):
        """The sample as a black-and-white photo (the channel mean in all three)."""
        photo = colour(name)
        return photo.mean(axis=2, keepdims=True).repeat(3, axis=2).astype(photo.dtype)

    monkeypatch.setattr(groups, "load_sample", grey)
    st.cache_data.clear()  # the colour sample's sorting may be cached by an earlier test
    try:
        at = AppTest.from_file(PAGE, default_timeout=60).run()
    finally:
        st.cache_data.clear()
    assert not at.exception
    words = [i.value for i in at.info]
    assert lore.colour_note(grey("group_1.jpg")) in words, words
