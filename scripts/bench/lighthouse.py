"""Lighthouse scores of built sites: pages × form factors, median of N runs, side by side.

    make lighthouse   # once: installs the pinned Lighthouse into scripts/bench/lighthouse-npm/
    .venv/bin/python scripts/bench/lighthouse.py                       # this site's default pages
    .venv/bin/python scripts/bench/lighthouse.py --details             # plus each failed audit
    .venv/bin/python scripts/bench/lighthouse.py --site ours=site \\
        --site hello-algo=/tmp/hello-algo/site:chapter_array_and_linkedlist/array/

Each site directory is served by its own local HTTP server (its own port); Lighthouse runs
in Debian's Chromium with background networking off (the machine has no internet).
`measure()` is imported by scripts/bench/bench_scale.py --lighthouse.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # scripts/

from llm_interview.sitehttp import serve

ROOT = Path(__file__).resolve().parents[2]
LIGHTHOUSE = (
    Path(__file__).resolve().parent / "lighthouse-npm" / "node_modules" / ".bin" / "lighthouse"
)
CHROME_PATH = "/usr/bin/chromium"
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run "
    "--disable-background-networking --disable-component-update --disable-sync"
)
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TIMINGS = {"tbt_ms": "total-blocking-time", "lcp_ms": "largest-contentful-paint"}
METRICS = (*CATEGORIES, *TIMINGS)
DEFAULT_PAGES = [
    "index.html",
    "architecture/",
    "architecture/attention/",
    "notebooks/attention/",
    "glossary/",
    "errata/",
    "errata/architecture/",
]
HEADERS = {
    "performance": "perf",
    "accessibility": "a11y",
    "best-practices": "bp",
    "seo": "seo",
    "tbt_ms": "TBT ms",
    "lcp_ms": "LCP ms",
}


def run_lighthouse(url: str, form_factor: str) -> dict:
    """One Lighthouse run of `url` ("mobile" or "desktop" preset); returns its JSON report."""
    if not LIGHTHOUSE.exists():
        sys.exit(f"没有找到 {LIGHTHOUSE}：请先运行 `make lighthouse` 安装固定版本的 Lighthouse。")
    cmd = [
        str(LIGHTHOUSE),
        url,
        "--output=json",
        "--output-path=stdout",
        "--quiet",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={CHROME_FLAGS}",
    ]
    if form_factor == "desktop":
        cmd.append("--preset=desktop")
    env = dict(os.environ, CHROME_PATH=CHROME_PATH)
    result = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
    if result.returncode != 0:
        raise RuntimeError(f"Lighthouse 运行失败（{url}，{form_factor}）：{result.stderr[-2000:]}")
    return json.loads(result.stdout)


def scores(report: dict) -> dict[str, float]:
    """The metrics this benchmark reports, read from one Lighthouse JSON report."""
    values = {name: report["categories"][name]["score"] * 100 for name in CATEGORIES}
    for name, audit in TIMINGS.items():
        values[name] = report["audits"][audit]["numericValue"]
    return values


def failed_audits(report: dict) -> list[str]:
    """Ids of the audits that lost points outside performance, e.g. 'color-contrast'."""
    failed = set()
    for name in CATEGORIES[1:]:
        for ref in report["categories"][name]["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref["weight"] > 0 and audit["score"] is not None and audit["score"] < 1:
                failed.add(ref["id"])
    return sorted(failed)


def _reports(site_dir: Path, paths: list[str], runs: int, form_factors) -> dict:
    """path → form factor → the `runs` Lighthouse reports of that page."""
    with serve(site_dir) as base:
        return {
            path: {
                ff: [run_lighthouse(base + path, ff) for _ in range(runs)] for ff in form_factors
            }
            for path in paths
        }


def medians(reports: dict) -> dict[str, dict[str, dict[str, float]]]:
    """path → form factor → metric → median over the runs."""
    return {
        path: {
            ff: {m: statistics.median(scores(r)[m] for r in runs) for m in METRICS}
            for ff, runs in by_ff.items()
        }
        for path, by_ff in reports.items()
    }


def measure(
    site_dir: Path, paths: list[str], runs: int = 3, form_factors=("mobile", "desktop")
) -> dict[str, dict[str, dict[str, float]]]:
    """Median Lighthouse figures: path → form factor → metric (performance, …, tbt_ms, lcp_ms)."""
    return medians(_reports(Path(site_dir), paths, runs, form_factors))


def parse_site(spec: str) -> tuple[str, Path, list[str]]:
    """'name=dir[:page,page…]' → (name, dir, pages); no pages means this site's default pages."""
    name, sep, rest = spec.partition("=")
    if not sep:
        raise argparse.ArgumentTypeError(f"--site {spec!r}：应写成 名称=目录[:页面,页面]")
    directory, _, pages = rest.partition(":")
    return name, Path(directory), [p for p in pages.split(",") if p] or DEFAULT_PAGES


def table(results: dict[str, dict], form_factors) -> str:
    """Rows grouped by form factor, so the sites' pages stand next to each other."""
    head = ["form", "site", "page", *(HEADERS[m] for m in METRICS)]
    rows = [
        [ff, site, path, *(f"{figures[ff][m]:.0f}" for m in METRICS)]
        for ff in form_factors
        for site, by_path in results.items()
        for path, figures in by_path.items()
    ]
    widths = [max(len(str(cell)) for cell in column) for column in zip(head, *rows, strict=True)]
    lines = [
        " | ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True))
        for line in [head, *rows]
    ]
    lines.insert(1, "-+-".join("-" * w for w in widths))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--site",
        action="append",
        type=parse_site,
        help="名称=目录[:页面,页面]，可重复；默认 ours=site 与本站的默认页面",
    )
    parser.add_argument("--runs", type=int, default=3, help="每页每种设备运行几次，取中位数")
    parser.add_argument(
        "--form-factor", action="append", choices=("mobile", "desktop"), dest="form_factors"
    )
    parser.add_argument("--details", action="store_true", help="列出每页未通过的审核项")
    args = parser.parse_args(argv)
    sites = args.site or [("ours", ROOT / "site", DEFAULT_PAGES)]
    form_factors = tuple(args.form_factors or ("mobile", "desktop"))
    results = {}
    for name, directory, pages in sites:
        reports = _reports(directory, pages, args.runs, form_factors)
        results[name] = medians(reports)
        if args.details:
            for path, by_ff in reports.items():
                for ff, runs in by_ff.items():
                    failed = sorted({a for report in runs for a in failed_audits(report)})
                    print(f"{name} {path} {ff}: {', '.join(failed) or '全部通过'}")
    print(f"Lighthouse 12.2.3, median of {args.runs} runs")
    print(table(results, form_factors))


if __name__ == "__main__":
    main()
