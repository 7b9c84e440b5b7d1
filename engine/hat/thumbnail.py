"""The Home page's picture of the hat: a sample group photo, sorted once the model exists."""

from __future__ import annotations

import numpy as np

from engine import runtime
from engine.hat import groups, sort
from engine.images import fit_within

# Thumbnails are shown a few hundred pixels wide; sorting a small copy keeps make() fast.
SIDE = 640


def make() -> np.ndarray:
    """RGB uint8: the sample photo with the hat's boxes, or plain before the model is trained."""
    photo = fit_within(groups.load_sample(groups.sample_names()[0]), SIDE).image
    try:
        model = runtime.load_model("hat")
    except FileNotFoundError:
        return photo
    return sort.sort_photo(photo, model).annotated
