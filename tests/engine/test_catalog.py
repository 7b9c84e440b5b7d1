"""engine.catalog: every demo is found in its folder, with a CLI and a 16:9 Home thumbnail."""

import pytest

from engine import catalog


def test_the_catalog_finds_the_four_demos_in_the_home_order():
    assert [d.key for d in catalog.DEMOS] == ["guitar", "ufo", "hat", "perception"]
    assert catalog.discover() == catalog.DEMOS
    assert [d.package for d in catalog.DEMOS] == [f"engine.{d.key}" for d in catalog.DEMOS]
    with pytest.raises(KeyError, match="known: guitar, ufo, hat, perception"):
        catalog.demo("kazoo")


def test_every_demo_has_a_cli_and_a_thumbnail_of_one_shape():
    for demo in catalog.DEMOS:
        cli = demo.cli()
        for hook in ("add_train_args", "add_evaluate_args", "add_predict_args"):
            assert callable(getattr(cli, hook)), (demo.key, hook)
        assert all(callable(getattr(cli, c)) for c in ("train", "evaluate", "predict"))
        picture = catalog.thumbnail(demo.key)
        assert picture is not None and picture.shape == (270, 480, 3), demo.key


def test_every_demo_has_a_measured_headline():
    for demo in catalog.DEMOS:
        assert catalog.headline(demo.key), demo.key


def test_the_perception_caption_names_the_stored_search_the_thumbnail_shows():
    from engine import cards
    from engine.perception import thumbnail

    card = cards.read("perception")
    rows = [r for r in card["imagenet"]["named"]]  # the thumbnail prefers the ImageNet ones
    best = max(rows, key=lambda r: r["score"])
    words = catalog.thumbnail_caption("perception")
    assert f"ImageNet MobileNetV2 scores {best['score']:.0%} {best['label']}" in words
    assert thumbnail.best_stored(card) == ("imagenet", best)
    toy = {**card, "imagenet": {}}  # without ImageNet searches: the best toy search, named
    model, row = thumbnail.best_stored(toy)
    assert f"{row['score']:.0%} {row['label']}" in catalog.thumbnail_caption("perception", toy)
    assert model in card["findings"]
    assert catalog.thumbnail_caption("perception", {}) == catalog.demo("perception").caption
    assert all(catalog.thumbnail_caption(d.key) for d in catalog.DEMOS)


def test_real_photo_figures_come_from_the_cards_with_their_n(monkeypatch):
    from engine import cards

    assert "On 12 real group photos" in catalog.real_photos("hat")
    assert "On 45 real photos" in catalog.real_photos("ufo")
    assert catalog.real_photos("perception") is None
    real = {
        "available": True,
        "photos": 196,
        "guitar-plain": {"n": 196, "top1": 0.199, "top3": 0.337},
        "guitar-dust": {"n": 196, "top1": 0.224, "top3": 0.357},
    }
    card = {"metrics": {"real": real}}
    monkeypatch.setattr(cards, "read", lambda name: card)
    assert catalog.real_photos("guitar") == "On 196 real photos, top-1: dust 22.4 %, plain 19.9 %."
    shots = {"guitar-plain": {"n": 30, "top1": 0.4333}, "guitar-dust": {"n": 30, "top1": 0.5}}
    real["by_kind"] = {"product shot": shots}  # each kind of photo apart, with its n
    assert catalog.real_photos("guitar").endswith(
        "; product shots (n=30): dust 50.0 %, plain 43.3 %."
    )
    real["available"] = False  # not restored here: no figure rather than a stale one
    assert catalog.real_photos("guitar") is None


def test_every_thumbnail_fills_its_frame_top_to_bottom():
    """No empty bands: the top and bottom tenth of each picture hold more than one colour."""
    for demo in catalog.DEMOS:
        picture = catalog.thumbnail(demo.key)
        band = picture.shape[0] // 10
        for rows in (picture[:band], picture[-band:]):
            assert len(set(map(tuple, rows.reshape(-1, 3)))) > 1, demo.key
