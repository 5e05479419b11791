"""Benchmark search as a reader feels it: last key press to results shown, and the index size.

    python scripts/bench/bench_search.py [--site DIR] [--rounds N] [--scale K]

Builds the site into a temporary folder (or uses `--site`), serves it on 127.0.0.1, types every
query of tests/search_queries.tsv and tests/search_queries_b.tsv into the search box in Chromium
and prints the median and 90th percentile latency (budget: median under 150 ms; printed, not
asserted) and the size of search/search_index.json, raw and gzipped (budget: 150 KB at today's
content), which every visitor downloads whole. `--scale 3` builds a temporary copy of the
repository in which every question appears three times (the copies under new ids), to see how
both grow with the question bank.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

from bench.search_ui import latency_ms, load_queries, open_search, search  # noqa: E402

QUERIES = [ROOT / "tests" / "search_queries.tsv", ROOT / "tests" / "search_queries_b.tsv"]
CHROMIUM = "/usr/bin/chromium"
BUDGET_MS = 150


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


ENTRY = re.compile(r"^## .*\{#([a-z0-9-]+)\}\s*$", re.MULTILINE)
NOT_SOURCE = (".git", ".venv", "node_modules", "site", "build", ".pytest_cache", ".ruff_cache")


def build(site: Path, root: Path = ROOT) -> None:
    """`mkdocs build` of the repository at `root` into `site` (strict for the real one)."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    strict = ["--strict"] if root == ROOT else []  # copies have no related questions
    cmd = [sys.executable, "-m", "mkdocs", "build", *strict, "-q", "-d", str(site)]
    subprocess.run(cmd, cwd=root, env=env, check=True)


def replicate(markdown: str, copies: int) -> str:
    """A topic page whose questions are followed by `copies - 1` copies of them under new ids."""
    starts = [m.start() for m in ENTRY.finditer(markdown)]
    if not starts:
        return markdown
    entries = markdown[starts[0] :]
    extra = [
        ENTRY.sub(
            lambda m, k=k: m.group(0).replace(f"{{#{m.group(1)}}}", f"{{#{m.group(1)}-x{k}}}"),
            entries,
        )
        for k in range(2, copies + 1)
    ]
    return "\n".join([markdown.rstrip("\n"), *extra])


def scaled_copy(dest: Path, copies: int) -> Path:
    """The repository copied to `dest` with every question there `copies` times."""
    shutil.copytree(ROOT, dest, ignore=shutil.ignore_patterns(*NOT_SOURCE), symlinks=True)
    for name in (".venv", "node_modules"):
        (dest / name).symlink_to((ROOT / name).resolve())
    for page in dest.glob("docs/*/index.md"):
        page.write_text(replicate(page.read_text(encoding="utf-8"), copies), encoding="utf-8")
    return dest


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


def report(times: list[float], index: Path) -> str:
    """The lines to print: latency median and p90, index size raw and gzipped."""
    raw = index.read_bytes()
    median = statistics.median(times)
    p90 = statistics.quantiles(times, n=10)[-1]
    verdict = "within" if median < BUDGET_MS else "OVER"
    return "\n".join(
        [
            f"search latency over {len(times)} queries: median {median:.0f} ms, "
            f"p90 {p90:.0f} ms ({verdict} the {BUDGET_MS} ms budget for the median)",
            f"search_index.json: {len(raw) / 1024:.0f} KB raw, "
            f"{len(gzip.compress(raw)) / 1024:.0f} KB gzipped",
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
            root = ROOT if args.scale == 1 else scaled_copy(Path(tmp) / "repo", args.scale)
            build(site, root)
        print(f"content: {args.scale}x today's questions")
        times = measure(site, args.rounds)
        print(report(times, site / "search" / "search_index.json"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
