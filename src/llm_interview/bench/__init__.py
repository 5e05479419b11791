"""Benchmark helpers for scripts/bench/ and the tests: synthetic banks, site figures, search
timing, Lighthouse."""
