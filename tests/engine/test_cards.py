"""One card schema: every shipped card follows it, a broken card says which file and field."""

import json

import pytest

from engine import cards


def test_every_shipped_card_follows_the_one_schema():
    found = sorted(cards.MODELS_DIR.glob("*.json"))
    assert len(found) >= 8
    for path in found:
        card = cards.read(path.stem)  # validates
        assert card["kind"] in cards.KINDS and "source" in card["data"]
        assert isinstance(card["metrics"], dict) and isinstance(card["training"], dict)


def test_build_gives_every_card_the_same_fields_in_the_same_order():
    card = cards.build(
        "x",
        "demo",
        "classifier",
        labels=["a"],
        config={"k": 1},
        seed=3,
        data={"source": "test"},
        training={"seconds": 1, "epochs": 1},
        extra_field=5,
    )
    assert list(card)[: len(cards.FIELDS)] == list(cards.FIELDS)
    assert card["extra_field"] == 5 and card["metrics"] == {} and card["input"] == {}


@pytest.mark.parametrize(
    "change,words",
    [
        ({"data": "a string"}, "field 'data' must be dict, got str"),
        ({"data": {"train": 5}}, "field 'data' must say its 'source'"),
        ({"kind": "toy"}, "field 'kind' must be one of"),
        ({"seed": "7"}, "field 'seed' must be int or null, got str"),
        ({"headline": 3}, "field 'headline' must be str, got int"),
    ],
)
def test_a_broken_card_names_its_file_and_field(tmp_path, change, words):
    good = cards.read("guitar-plain")
    (tmp_path / "bad.json").write_text(json.dumps({**good, "name": "bad", **change}))
    with pytest.raises(cards.CardError, match=words) as err:
        cards.read("bad", tmp_path)
    assert "bad.json" in str(err.value)


def test_a_missing_field_and_broken_json_are_named_too(tmp_path):
    good = cards.read("guitar-plain")
    (tmp_path / "short.json").write_text(json.dumps({k: v for k, v in good.items() if k != "seed"}))
    with pytest.raises(cards.CardError, match="short.json: field 'seed' is missing"):
        cards.read("short", tmp_path)
    (tmp_path / "junk.json").write_text("{not json")
    with pytest.raises(cards.CardError, match="junk.json: not valid JSON"):
        cards.read("junk", tmp_path)


def test_every_demo_s_headline_card_follows_the_schema_and_names_its_demo():
    from engine import catalog

    for demo in catalog.DEMOS:
        card = cards.read(demo.card)  # validates
        assert card is not None and card["demo"] == demo.key, demo.key
        assert card["headline"], demo.key
