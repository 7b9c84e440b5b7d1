"""The cross-implementation checks themselves: they pass on float noise and fail on real change."""

import numpy as np
import pytest

from tests import agreement

TOL = 1e-4


def test_ranking_allows_float_noise_and_ties_but_not_a_real_swap():
    want = np.array([[0.6, 0.3, 0.05, 0.03, 0.02]])
    agreement.assert_same_ranking(want + 3e-5, want, TOL)
    tied = np.array([[0.45, 0.45 + 5e-5, 0.1, 0.0, 0.0]])
    agreement.assert_same_ranking(tied[:, [1, 0, 2, 3, 4]], tied, TOL)  # a tie may swap
    swapped = np.array([[0.3, 0.6, 0.05, 0.03, 0.02]])
    with pytest.raises(AssertionError):
        agreement.assert_same_ranking(swapped, want, TOL)


def test_close_fails_past_the_tolerance():
    with pytest.raises(AssertionError, match="tolerance"):
        agreement.assert_close(np.array([0.5 + 2 * TOL]), np.array([0.5]), TOL)


def test_mask_may_differ_only_at_the_threshold():
    want = np.array([0.2, 0.5 - 5e-5, 0.9])
    assert agreement.assert_same_mask(np.array([0.2, 0.5 + 1e-5, 0.9]), want, 0.5, TOL) == 1
    with pytest.raises(AssertionError):
        agreement.assert_same_mask(np.array([0.2, 0.6, 0.9]), want, 0.5, TOL)


def test_metric_differences_name_each_leaf_that_moved_too_far():
    stored = {"n": 100, "acc": 0.9, "runs": [1, 2], "name": "a"}
    near = {"n": 100, "acc": 0.903, "runs": [1, 2], "name": "a"}
    assert not agreement.metric_differences(near, stored, lambda p, s: 0.005 if "acc" in p else 0)
    far = {"n": 101, "acc": 0.92, "runs": [1], "name": "b"}
    found = agreement.metric_differences(far, stored, lambda p, s: 0.005 if "acc" in p else 0)
    assert len(found) == 4 and found[0].startswith(".n:")
    assert agreement.metric_differences({"x": 1}, stored, lambda p, s: 0) == ["<root>: keys differ"]
