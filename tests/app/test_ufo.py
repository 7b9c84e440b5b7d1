"""The UFO page runs headless: finds saucers, rebuilds a shared link, replays a seed."""

from pathlib import Path

from streamlit.testing.v1 import AppTest

from tests.app.links import fingerprint, open_link

PAGE = str(Path(__file__).resolve().parents[2] / "pages" / "ufo.py")


def test_a_first_visit_opens_on_a_test_sky_with_its_saucer_found():
    at = AppTest.from_file(PAGE, default_timeout=60).run()
    assert not at.exception
    assert not any("Generate a test sky" in i.value for i in at.info)  # a picture, not a notice
    captions = [i.caption for image in at.get("image") for i in image.proto.imgs]
    assert captions == ["input", "saucer probability over the input", "input with red boxes"]
    assert int(at.metric[0].value) >= 1
    assert any("Test sky seed **1**" in m.value for m in at.markdown), "not the seeded sky"
    assert dict(at.query_params).get("seed") == "1"  # and its link rebuilds it
    words = " ".join(m.value for m in at.markdown)
    assert "Left:" not in words and "Right:" not in words  # the panels stack on a phone


def test_ufo_page_finds_a_saucer_and_switches_model():
    at = AppTest.from_file(PAGE, default_timeout=60).run()
    assert not at.exception
    at.button(key="ufo_generate").click().run()
    assert not at.exception
    assert int(at.metric[0].value) >= 1
    at.selectbox(key="ufo_model").select("ufo-seed-ranges").run()
    assert not at.exception
    at.toggle(key="ufo_with_saucer").set_value(False).run()
    at.button(key="ufo_generate").click().run()
    assert not at.exception
    assert int(at.metric[0].value) == 0
    at.slider(key="ufo_threshold").set_value(0.9).run()
    assert not at.exception


def test_a_shared_link_rebuilds_the_same_sky_and_output():
    at = AppTest.from_file(PAGE, default_timeout=60).run()
    at.selectbox(key="ufo_model").select("ufo-seed-ranges").run()
    at.slider(key="ufo_threshold").set_value(0.3).run()
    at.number_input(key="ufo_seed").set_value(17).run()
    at.button(key="ufo_generate").click().run()
    at.slider(key="ufo_opacity").set_value(0.8).run()
    assert not at.exception
    link = dict(at.query_params)
    assert link == {
        "model": "ufo-seed-ranges",
        "threshold": "0.30",
        "opacity": "0.80",
        "seed": "17",
        "saucer": "1",
    }
    fresh = open_link(PAGE, link)
    assert fresh.selectbox(key="ufo_model").value == "ufo-seed-ranges"
    assert fresh.slider(key="ufo_threshold").value == 0.3
    assert fresh.slider(key="ufo_opacity").value == 0.8
    assert fresh.number_input(key="ufo_seed").value == 17
    assert fresh.metric[0].value == at.metric[0].value
    assert fingerprint(fresh) == fingerprint(at)


def test_a_link_without_a_saucer_and_junk_values_still_loads():
    at = AppTest.from_file(PAGE, default_timeout=60)
    at.query_params.update({"seed": "5", "saucer": "0", "threshold": "abc", "model": "x"})
    at.run()
    assert not at.exception
    assert at.toggle(key="ufo_with_saucer").value is False
    assert at.selectbox(key="ufo_model").value == "ufo-widened"
    assert int(at.metric[0].value) == 0
    assert "without a saucer" in next(m.value for m in at.markdown if "seed **5**" in m.value)


def test_replay_reproduces_the_output_and_the_expander_shows_both_cards():
    at = AppTest.from_file(PAGE, default_timeout=60).run()
    at.button(key="ufo_generate").click().run()
    before = fingerprint(at)
    at.button(key="ufo_replay").click().run()
    assert not at.exception
    assert len(at.success) == 1 and "identical to" in at.success[0].value
    assert before in at.success[0].value and fingerprint(at) == before
    shown = " ".join(m.value for m in at.expander[0].markdown)
    assert at.expander[0].label == "How it works"
    assert "`ufo-seed-ranges`" in shown and "`ufo-widened`" in shown


def test_the_default_test_sky_box_bounds_every_pixel_above_the_threshold():
    """Seed 1: the saucer leaves the frame on the left and its thin tip dips below 0.5."""
    import re

    import numpy as np

    from engine import runtime
    from engine.ufo.composite import generated_sky
    from engine.ufo.unet import predict

    at = AppTest.from_file(PAGE, default_timeout=60).run()
    at.button(key="ufo_generate").click().run()
    assert not at.exception
    words = next(c.value for c in at.caption if c.value.startswith("Boxes"))
    shown = [tuple(map(int, b)) for b in re.findall(r"\((\d+), (\d+), (\d+), (\d+)\)", words)]
    model = runtime.load_model("ufo-widened")
    prob = predict.probability(model.predict, 128, generated_sky(1, True))
    above = prob >= at.slider(key="ufo_threshold").value
    inside = np.zeros_like(above)
    for x0, y0, x1, y1 in shown:
        assert 0 <= x0 < x1 <= 640 and 0 <= y0 < y1 <= 480  # clipped to the frame
        inside[y0:y1, x0:x1] = True
    assert above.sum() > 1000 and not (above & ~inside).any()
