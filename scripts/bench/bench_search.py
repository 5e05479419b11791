"""Benchmark search as a reader feels it: last key press to results shown, and the index size.

    python scripts/bench/bench_search.py [--site DIR] [--rounds N] [--scale K]

Builds the site into a temporary folder (or uses `--site`), serves it on 127.0.0.1, types every
query of tests/search_queries.tsv and tests/search_queries_b.tsv into the search box in Chromium
and prints the median and 90th percentile latency (budget: median under 150 ms; printed, not
asserted) and the size of each file of the search index, raw and gzipped (budget: 150 KB at
today's content): a stub every page loads, and the records a reader's first search fetches.
`--scale 3` builds a temporary copy of the repository in which every question appears three
times (synthetic_bank: sibling pages, new ids, no notebooks), to see how both grow with the
question bank. bench_scale.py measures more (build, page sizes, a slow connection) at 10×, 100×.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import os
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from llm_interview import paths
from llm_interview.bench.search_ui import latency_ms, load_queries, open_search, search
from llm_interview.bench.site_figures import search_files
from llm_interview.bench.synthetic_bank import scaled_copy

ROOT = paths.ROOT

QUERIES = [ROOT / "tests" / "search_queries.tsv", ROOT / "tests" / "search_queries_b.tsv"]
CHROMIUM = "/usr/bin/chromium"
BUDGET_MS = 150


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def build(site: Path, root: Path = ROOT) -> None:
    """`mkdocs build` of the repository at `root` into `site` (strict for the real one)."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    strict = ["--strict"] if root == ROOT else []  # copies have no related questions
    cmd = [sys.executable, "-m", "mkdocs", "build", *strict, "-q", "-d", str(site)]
    subprocess.run(cmd, cwd=root, env=env, check=True)


def measure(site: Path, rounds: int) -> list[float]:
    """Latency in ms of every query, `rounds` times, after one warm-up query."""
    from playwright.sync_api import sync_playwright

    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    queries = [q.text for path in QUERIES for q in load_queries(path)]
    times = []
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            open_search(page, f"http://127.0.0.1:{server.server_address[1]}/")
            search(page, "预热")
            for n in range(rounds):
                for text in queries:
                    search(page, text + " " * n)  # a changed value, so the search runs again
                    times.append(latency_ms(page))
            browser.close()
    finally:
        server.shutdown()
    return times


def report(times: list[float], site: Path) -> str:
    """The lines to print: latency median and p90, index files' sizes raw and gzipped."""
    median = statistics.median(times)
    p90 = statistics.quantiles(times, n=10)[-1]
    verdict = "within" if median < BUDGET_MS else "OVER"
    return "\n".join(
        [
            f"search latency over {len(times)} queries: median {median:.0f} ms, "
            f"p90 {p90:.0f} ms ({verdict} the {BUDGET_MS} ms budget for the median)",
            *(
                f"search/{name}: {raw / 1024:.0f} KB raw, {gz / 1024:.0f} KB gzipped"
                for name, (raw, gz) in search_files(site).items()
            ),
        ]
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="an already built site (default: build one)")
    parser.add_argument("--rounds", type=int, default=3, help="times each query is typed")
    parser.add_argument("--scale", type=int, default=1, help="copies of every question")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site or Path(tmp) / "site"
        if args.site is None:
            root = ROOT
            if args.scale > 1:
                root = Path(tmp) / "repo"
                scaled_copy(ROOT, root, args.scale)
            build(site, root)
        print(f"content: {args.scale}x today's questions")
        times = measure(site, args.rounds)
        print(report(times, site))
    return 0


if __name__ == "__main__":
    sys.exit(main())
