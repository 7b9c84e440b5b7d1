"""Benchmarks: medians and ratios measured in one run; they print, they never assert wall time."""
