"""Every page's Replay caption: one shape, and it never calls a mismatch identical."""

from engine import replay
from engine.guitar import notes as guitar
from engine.hat import notes as hat
from engine.perception import notes as perception
from engine.ufo import notes as ufo


def test_replay_note_names_seed_work_finding_and_verdict():
    same = replay.replay_note(7, "sky redrawn", "abc123", True, "2 saucer(s)")
    assert same == (
        "Replayed seed 7 from scratch (sky redrawn): 2 saucer(s), fingerprint `abc123`, "
        "identical to the output above."
    )
    differs = replay.replay_note(7, "sky redrawn", "abc123", False)
    assert "DIFFERENT from" in differs and "identical" not in differs
    assert "(sky redrawn): fingerprint" in differs  # no empty finding left behind


def test_every_page_uses_the_shared_shape():
    """Each demo's replay_note(seed, fingerprint, same, *what it found) reads the same."""
    captions = [
        ufo.replay_note(3, "f1", True, 1),
        hat.replay_note(3, "f1", True, 10),
        guitar.replay_note(3, "f1", True),
        perception.replay_note(3, "f1", True, 120, 0.5),
    ]
    for caption in captions:
        assert caption.startswith("Replayed seed 3 from scratch (")
        assert caption.endswith("fingerprint `f1`, identical to the output above.")
    assert "1 saucer(s)" in captions[0] and "10 face(s)" in captions[1]
    assert "120 iterations" in captions[3] and "score 0.500000" in captions[3]
