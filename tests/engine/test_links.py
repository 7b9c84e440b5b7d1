"""Every page reads a link's numbers through one parser, and no junk value makes it raise."""

import pytest

from engine import links
from engine.guitar import share as guitar
from engine.hat import share as hat
from engine.perception import share as perception
from engine.ufo import share as ufo

# "²" passes str.isdigit() but int() refuses it; 5,000 digits pass isdigit() but int() raises.
JUNK = ["", " ", "-3", "+3", "3.0", "x", "²", "٣", "9" * 5000, "1e3", "0x10"]


def test_whole_reads_numbers_inside_the_range():
    assert links.whole("17", 99) == 17 and links.whole(" 17 ", 99) == 17
    assert links.whole("0", 99) == 0 and links.whole("99", 99) == 99
    assert links.whole("100", 99) is None and links.whole("4", 99, low=5) is None
    assert links.whole(None, 99) is None


@pytest.mark.parametrize("junk", JUNK)
def test_junk_is_none_never_an_error(junk):
    assert links.whole(junk, 10**9) is None


@pytest.mark.parametrize("junk", JUNK)
def test_no_page_raises_on_a_junk_seed(junk):
    assert guitar.parse({"seed": junk}, ["SG"]).seed is None
    assert ufo.parse({"seed": junk}, ["m"]).seed is None
    assert hat.parse({"seed": junk, "face": junk}, ["a.jpg"]).seed == hat.DEFAULT_SEED
    state = perception.parse({"seed": junk, "its": junk}, {"m": ["a", "b"]})
    assert state.seed == perception.SEEDS[2] and state.iterations == perception.ITERATIONS[2]
