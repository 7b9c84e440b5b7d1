"""The hat's lore on hand-made crops, and the synthetic portraits it labels."""

import numpy as np

from engine.hat import lore, portraits

GREEN, SILVER, SCARLET, GOLD = (30, 110, 55), (180, 180, 182), (190, 10, 20), (212, 170, 40)
YELLOW, BLACK, BLUE, BRONZE = (250, 215, 10), (15, 15, 15), (30, 60, 170), (150, 100, 40)


def crop_with(*bands, size=64, skin=(230, 190, 160), wall=(200, 40, 200)) -> np.ndarray:
    """A head-and-shoulders crop: a wall, a face, and horizontal clothing bands at the bottom."""
    img = np.zeros((size, size, 3), np.uint8)
    img[:] = wall
    img[10:40, 22:42] = skin  # the face never counts
    rows = np.array_split(np.arange(int(size * lore.TORSO_ROWS[0]), size), len(bands))
    for colour, r in zip(bands, rows, strict=True):
        img[r, 8:56] = colour
    return img


def test_pure_green_scarf_is_slytherin():
    v = lore.sort_crop(crop_with(GREEN))
    assert v.house == "Slytherin" and not v.neutral and not v.ambiguous


def test_each_house_by_its_colours():
    assert lore.sort_crop(crop_with(SCARLET, GOLD)).house == "Gryffindor"
    assert lore.sort_crop(crop_with(YELLOW, BLACK)).house == "Hufflepuff"
    assert lore.sort_crop(crop_with(BLUE, BRONZE)).house == "Ravenclaw"
    assert lore.sort_crop(crop_with(GREEN, SILVER)).house == "Slytherin"


def test_trims_alone_are_neutral_and_sorted_by_tone():
    expected = {SILVER: "Ravenclaw", BLACK: "Slytherin", BRONZE: "Hufflepuff"}
    for trim, house in expected.items():
        v = lore.sort_crop(crop_with(trim))
        assert v.neutral and v.house == house


def test_neutral_rule_reads_tone_as_a_black_and_white_photo_shows_it():
    suit, shirt, grey = (25, 25, 28), (235, 235, 230), (120, 120, 120)
    assert lore.sort_crop(crop_with(suit)).house == "Slytherin"
    assert lore.sort_crop(crop_with(shirt)).house == "Ravenclaw"
    assert lore.sort_crop(crop_with(grey)).house == "Hufflepuff"
    assert lore.sort_crop(crop_with(suit, suit, shirt, suit)).house == "Slytherin"  # 3/4 dark
    # 2/3 dark is under the 70 % that makes a suit; its 1/3 white shirt front reads Ravenclaw.
    assert lore.sort_crop(crop_with(suit, shirt, suit)).house == "Ravenclaw"
    assert lore.sort_crop(crop_with(suit, shirt, shirt)).house == "Ravenclaw"  # 1/3 dark, 2/3 pale


def test_trim_tips_a_tie_and_half_and_half_is_ambiguous():
    assert lore.sort_crop(crop_with(BLUE, GREEN, SILVER)).house == "Slytherin"
    v = lore.sort_crop(crop_with(BLUE, GREEN))
    assert v.ambiguous and v.house in ("Ravenclaw", "Slytherin")
    picks = {lore.noisy_label(v, np.random.default_rng(s)) for s in range(40)}
    assert picks == {2, 3}  # label noise stays between the two houses in question


def test_wall_colour_does_not_count():
    green_wall = crop_with(BLUE, wall=GREEN)
    assert lore.sort_crop(green_wall).house == "Ravenclaw"


def test_portraits_same_seed_same_output():
    a = portraits.make(12, 48, np.random.default_rng(3))
    b = portraits.make(12, 48, np.random.default_rng(3))
    c = portraits.make(12, 48, np.random.default_rng(4))
    assert np.array_equal(a.images, b.images) and np.array_equal(a.labels, b.labels)
    assert not np.array_equal(a.images, c.images)


def test_portraits_cover_every_house_and_label_by_the_lore():
    p = portraits.make(200, 32, np.random.default_rng(0))
    assert set(np.bincount(p.lore, minlength=4)[:4] > 10) == {True}
    assert (p.labels == p.lore)[~p.ambiguous].all()  # noise only where the lore is ambiguous
    assert p.neutral.any() and p.images.dtype == np.uint8
