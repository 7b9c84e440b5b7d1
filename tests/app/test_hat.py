"""The Sorting hat page runs headless: samples sorted, uploads asked for, nothing raises."""

from pathlib import Path

from streamlit.testing.v1 import AppTest

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
