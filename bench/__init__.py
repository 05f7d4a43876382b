"""Benchmarks, run by `make bench`; figures are ratios against a baseline measured in the same run."""
