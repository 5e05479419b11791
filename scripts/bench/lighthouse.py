"""Lighthouse scores of built sites, interleaved round by round, median of N runs, with an A/B
mode: see llm_interview/bench/lighthouse.py for the options (`make lighthouse` runs it)."""

import sys

from llm_interview.bench.lighthouse import main

if __name__ == "__main__":
    sys.exit(main())
