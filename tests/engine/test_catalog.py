"""engine.catalog: every demo is built, and its Home thumbnail has the shared 16:9 shape."""

from engine import catalog


def test_every_demo_has_a_cli_and_a_thumbnail_of_one_shape():
    for demo in catalog.DEMOS:
        assert catalog.module(demo.key, "cli") is not None, demo.key
        picture = catalog.thumbnail(demo.key)
        assert picture is not None and picture.shape == (270, 480, 3), demo.key


def test_every_demo_has_a_measured_headline():
    for demo in catalog.DEMOS:
        assert catalog.headline(demo.key), demo.key
