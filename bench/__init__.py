"""Benchmarks: `python -m bench.quick` (1k articles, a few minutes) and `python -m bench.large` (10k)."""
