"""What two float32 implementations of one model must agree on, and the tolerance they get.

Keras (oneDNN or Eigen kernels) and LiteRT (XNNPACK, 1 or 2 threads) compute the same network
with other kernels, SIMD widths and summation orders, and those change with the CPU. So the
last bits of every output differ between machines: a test that compares them exactly, or with a
tolerance tuned on one CPU, tests the machine. What a user sees must agree instead:

- a classifier names the same top-1 class and the same top-5 order, except that two classes
  whose probabilities lie within `2 * tol` of each other may swap (a tie nobody can see);
- a segmenter's mask at the card's threshold is the same, except pixels within `tol` of it;
- every probability agrees within `tol`.

`tol` comes from float32 rounding over the network's depth, not from one machine. A dot product
of K terms summed in another order moves by about sqrt(K) * u relative to the sum of its
absolute terms (u = 2**-24; rounding errors as independent), and stacked layers add their
errors: a relative error of eps = u * sum over weighted layers of sqrt(K). On a logit of size
up to LOGIT_SCALE that is LOGIT_SCALE * eps, and a probability moves at most half of it (the
softmax's |dp_i| <= 2 p_i (1 - p_i) * max|dz| <= max|dz| / 2; the sigmoid's slope is <= 1/4).
Shipped models, measured on 2026-12-02 (max |LiteRT - Keras| on the fresh inputs below, over
1 and 2 LiteRT threads, oneDNN on and off, and 1.06e-5 on an AVX-512 Xeon): guitar tol 7.3e-5
(seen <= 1.1e-6), hat 7.5e-5 (<= 2.5e-7), U-Net 1.9e-4 (<= 1.1e-5): 18x to 300x headroom.
"""

from __future__ import annotations

import math

import numpy as np

U = 2.0**-24  # float32 unit roundoff
# A bound on the logits our models produce on test inputs; past ~30 a probability is 1 - 1e-13
# either way, so larger logits cannot move it further.
LOGIT_SCALE = 30.0


def fan_ins(model) -> list[int]:
    """Terms summed per output of each weighted layer (kernel size x input channels)."""
    found = []
    for layer in model._flatten_layers(include_self=False):
        kernel = getattr(layer, "kernel", None)
        if kernel is None:
            continue
        shape = tuple(int(v) for v in kernel.shape)
        if "Transpose" in type(layer).__name__:  # kernel (kh, kw, out, in)
            found.append(math.prod(shape[:-2]) * shape[-1])
        else:  # kernel (..., in, out)
            found.append(math.prod(shape[:-1]))
    return found


def tolerance(model) -> float:
    """Largest honest |difference| of one output probability between two float32 kernels."""
    eps = U * sum(math.sqrt(k) for k in fan_ins(model))
    return 0.5 * LOGIT_SCALE * eps


def assert_close(got: np.ndarray, want: np.ndarray, tol: float) -> None:
    """Every probability within tol."""
    worst = float(np.abs(np.asarray(got) - np.asarray(want)).max())
    assert worst <= tol, f"max |difference| {worst:.3g} > tolerance {tol:.3g}"


def assert_same_ranking(got: np.ndarray, want: np.ndarray, tol: float, top: int = 5) -> None:
    """Same top-1 per row; the top-k order may swap only classes tied within 2 * tol."""
    got, want = np.asarray(got), np.asarray(want)
    assert_close(got, want, tol)
    for row, (g, w) in enumerate(zip(got, want, strict=True)):
        order = np.argsort(-w, kind="stable")[:top]
        for rank, k in enumerate(order):
            mine = int(np.argsort(-g, kind="stable")[rank])
            if mine != k:  # a swap is allowed only between classes tied within 2 * tol
                assert abs(w[mine] - w[k]) <= 2 * tol, f"row {row}: rank {rank} {mine} != {k}"


def assert_same_mask(got: np.ndarray, want: np.ndarray, threshold: float, tol: float) -> int:
    """Same mask at threshold except pixels within tol of it; returns how many pixels differ."""
    got, want = np.asarray(got), np.asarray(want)
    assert_close(got, want, tol)
    differ = (got >= threshold) != (want >= threshold)
    near = np.abs(want - threshold) <= tol
    assert not (differ & ~near).any(), "a mask pixel away from the threshold changed"
    return int(differ.sum())


def metric_differences(measured, stored, tolerance_of, path: str = "") -> list[str]:
    """Leaves of two metric trees that differ by more than tolerance_of(path) allows.

    Strings, flags and the tree's shape must match exactly; a number may move by the absolute
    tolerance_of(path, stored) (0 for counts and settings that no float decides).
    """
    if isinstance(stored, dict):
        if not isinstance(measured, dict) or set(measured) != set(stored):
            return [f"{path or '<root>'}: keys differ"]
        return [
            d
            for k in stored
            for d in metric_differences(measured[k], stored[k], tolerance_of, f"{path}.{k}")
        ]
    if isinstance(stored, (list, tuple)):
        if not isinstance(measured, (list, tuple)) or len(measured) != len(stored):
            return [f"{path}: lengths differ"]
        pairs = zip(measured, stored, strict=True)
        return [
            d
            for i, (m, s) in enumerate(pairs)
            for d in metric_differences(m, s, tolerance_of, f"{path}[{i}]")
        ]
    numbers = (int, float)
    if isinstance(stored, numbers) and not isinstance(stored, bool):
        ok = isinstance(measured, numbers) and abs(measured - stored) <= tolerance_of(path, stored)
        return [] if ok else [f"{path}: {measured} vs stored {stored}"]
    return [] if measured == stored else [f"{path}: {measured!r} vs stored {stored!r}"]
