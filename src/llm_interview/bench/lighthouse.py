"""Lighthouse figures of built sites: pages × form factors, median of N interleaved runs, A/B.

    make lighthouse   # installs the pinned Lighthouse (scripts/bench/lighthouse-npm/), runs this
    .venv/bin/python scripts/bench/lighthouse.py                    # site/, default pages, mobile
    .venv/bin/python scripts/bench/lighthouse.py --runs 9 --form-factor both --markdown
    .venv/bin/python scripts/bench/lighthouse.py --ab site /tmp/site-b --json /tmp/ab.json
    .venv/bin/python scripts/bench/lighthouse.py --site ours=site \\
        --site hello-algo=/tmp/hello-algo/site:chapter_array_and_linkedlist/array/

Runs go round by round: in each round every page and form factor is measured on every site in
turn (the site order reversed in even rounds), so machine noise falls on all variants alike.
Figures: the four category scores, transfer size (KB), DOM elements, FCP, LCP and TBT (ms), and
the number of requests and of scripts among them.
With two sites (--ab, or --site twice) it also prints per page and metric both medians, B − A,
and which site beat the other in every run. `--ab DIR DIR` on the same directory shows the noise.
Each site is served by its own local HTTP server (scripts/sitehttp.py); Lighthouse runs in
Debian's Chromium with background networking off. `measure()` serves bench_scale.py --lighthouse.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import statistics
import subprocess
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import NamedTuple

from llm_interview import paths
from llm_interview.sitehttp import serve

ROOT = paths.ROOT
LIGHTHOUSE = ROOT / "scripts" / "bench" / "lighthouse-npm" / "node_modules" / ".bin" / "lighthouse"
CHROME_PATH = "/usr/bin/chromium"
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run "
    "--disable-background-networking --disable-component-update --disable-sync"
)
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
AUDITS = {  # metric → (Lighthouse 12 audit id, divisor of its numericValue)
    "kb": ("total-byte-weight", 1024),
    "dom": ("dom-size", 1),
    "fcp_ms": ("first-contentful-paint", 1),
    "lcp_ms": ("largest-contentful-paint", 1),
    "tbt_ms": ("total-blocking-time", 1),
}
# metric → resource type in the `resource-summary` audit, whose requests it counts
REQUESTS = {"requests": "total", "scripts": "script"}
METRICS = (*CATEGORIES, *AUDITS, *REQUESTS)
LOWER_IS_BETTER = frozenset((*AUDITS, *REQUESTS))  # the scores are better higher
HEADERS = {
    "performance": "perf",
    "accessibility": "a11y",
    "best-practices": "bp",
    "seo": "seo",
    "kb": "KB",
    "dom": "DOM",
    "fcp_ms": "FCP ms",
    "lcp_ms": "LCP ms",
    "tbt_ms": "TBT ms",
    "requests": "req",
    "scripts": "js",
}
DECIMALS = {"kb": 1}  # the rest print as whole numbers
# tests/test_accessibility.py runs axe on these too, so pages added here must always exist.
DEFAULT_PAGES = [
    "index.html",
    "architecture/",
    "architecture/attention/",
    "notebooks/attention/",
    "glossary/",
    "errata/",
    "errata/architecture/",
]
# Measured by default as well, when the built site has them.
EXTRA_PAGES = [
    "practice/",
    "tags/",
    "references/",
    "inference/kv-cache/",
    "drills/",
    "drills/attention/",
]
FORM_FACTORS = {"mobile": ("mobile",), "desktop": ("desktop",), "both": ("mobile", "desktop")}
ORDER = (
    "round by round: each page and form factor on every site in turn, sites reversed in even rounds"
)
Figures = dict[str, float | None]


class Task(NamedTuple):
    round: int
    site: str
    page: str
    form_factor: str


class Comparison(NamedTuple):
    a: float | None  # median of site A
    b: float | None  # median of site B
    delta: float | None  # b − a
    winner: str | None  # "A" or "B" when its every run beat every run of the other


def run_lighthouse(url: str, form_factor: str) -> dict:
    """One Lighthouse run of `url` ("mobile" or "desktop" preset); returns its JSON report."""
    if problem := missing_tools():
        sys.exit(problem)
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


def missing_tools() -> str | None:
    """What is missing to run Lighthouse here, as a message; None when nothing is."""
    if not LIGHTHOUSE.exists():
        return f"没有找到 {LIGHTHOUSE}：请先运行 `make lighthouse` 安装固定版本的 Lighthouse。"
    if not Path(CHROME_PATH).exists():
        return f"没有找到 {CHROME_PATH}：请先运行 `make chromium` 安装 Debian 的 Chromium。"
    return None


def figures(report: dict) -> Figures:
    """The metrics of one Lighthouse report (scores 0–100, KB, elements, ms); None if absent."""
    categories, audits = report.get("categories") or {}, report.get("audits") or {}
    values: Figures = {}
    for name in CATEGORIES:
        score = (categories.get(name) or {}).get("score")
        values[name] = None if score is None else round(score * 100, 1)
    for name, (audit, divisor) in AUDITS.items():
        value = (audits.get(audit) or {}).get("numericValue")
        values[name] = None if value is None else round(value / divisor, 1)
    summary = ((audits.get("resource-summary") or {}).get("details") or {}).get("items") or []
    counts = {item.get("resourceType"): item.get("requestCount") for item in summary}
    for name, kind in REQUESTS.items():
        values[name] = counts.get(kind)
    return values


def failed_audits(report: dict) -> list[str]:
    """Ids of the audits that lost points outside performance, e.g. 'color-contrast'."""
    failed = set()
    for name in CATEGORIES[1:]:
        for ref in (report.get("categories") or {}).get(name, {}).get("auditRefs", []):
            audit = report.get("audits", {}).get(ref["id"], {})
            score = audit.get("score")
            if ref.get("weight", 0) > 0 and score is not None and score < 1:
                failed.add(ref["id"])
    return sorted(failed)


def schedule(pages: dict[str, list[str]], form_factors: Iterable[str], runs: int) -> list[Task]:
    """Every run in order: per round, each page × form factor on every site that has the page;
    even rounds take the sites in reverse so none is always measured first."""
    order = list(dict.fromkeys(page for site_pages in pages.values() for page in site_pages))
    tasks = []
    for n in range(1, runs + 1):
        sites = list(pages) if n % 2 else list(reversed(pages))
        for page in order:
            for ff in form_factors:
                tasks += [Task(n, site, page, ff) for site in sites if page in pages[site]]
    return tasks


def run_one(task: Task, base: str, run: Callable[[str, str], dict]) -> dict:
    """The record of one run: the task, and its figures or the error that stopped it."""
    record = {
        **task._asdict(),
        "lighthouse": None,
        "figures": None,
        "failed_audits": [],
        "error": None,
    }
    try:
        report = run(base + task.page, task.form_factor)
    except (RuntimeError, OSError, ValueError, subprocess.SubprocessError) as exc:
        return {**record, "error": str(exc) or type(exc).__name__}
    if problem := report.get("runtimeError"):
        return {**record, "error": f"{problem.get('code')}: {problem.get('message')}"}
    return {
        **record,
        "lighthouse": report.get("lighthouseVersion"),
        "figures": figures(report),
        "failed_audits": failed_audits(report),
    }


def run_tasks(
    tasks: list[Task], bases: dict[str, str], run: Callable[[str, str], dict], log=None
) -> list[dict]:
    """Run the tasks in order against each site's base URL; one record per run."""
    records = []
    for i, task in enumerate(tasks, 1):
        if log:
            log(
                f"[{i}/{len(tasks)}] round {task.round} · {task.site} · "
                f"{task.page or '/'} · {task.form_factor}"
            )
        records.append(run_one(task, bases[task.site], run))
        if log and records[-1]["error"]:
            log(f"  失败：{records[-1]['error'][:300]}")
    return records


def run_all(
    sites: dict[str, tuple[Path, list[str]]], form_factors, runs: int, run=None, log=None
) -> list[dict]:
    """Serve every site at once (a port each) and run the interleaved schedule."""
    tasks = schedule({name: pages for name, (_, pages) in sites.items()}, form_factors, runs)
    with contextlib.ExitStack() as stack:
        bases = {name: stack.enter_context(serve(d)) for name, (d, _) in sites.items()}
        return run_tasks(tasks, bases, run or run_lighthouse, log)


def group(records: list[dict]) -> dict[str, dict[str, dict[str, list[Figures]]]]:
    """site → page → form factor → the figures of its successful runs, in run order."""
    grouped: dict = {}
    for record in records:
        by_ff = grouped.setdefault(record["site"], {}).setdefault(record["page"], {})
        runs = by_ff.setdefault(record["form_factor"], [])
        if record["figures"] is not None:
            runs.append(record["figures"])
    return grouped


def failed_by_page(records: list[dict]) -> dict[tuple[str, str, str], list[str]]:
    """(site, page, form factor) → the audits that failed in any of its runs."""
    failed: dict[tuple[str, str, str], set[str]] = {}
    for r in records:
        failed.setdefault((r["site"], r["page"], r["form_factor"]), set()).update(
            r["failed_audits"]
        )
    return {key: sorted(audits) for key, audits in failed.items()}


def median(values: Iterable[float | None]) -> float | None:
    """Median of the values present; None when there are none."""
    present = [v for v in values if v is not None]
    return statistics.median(present) if present else None


def medians(runs: list[Figures]) -> Figures:
    """Metric → median over the runs."""
    return {m: median(run.get(m) for run in runs) for m in METRICS}


def all_medians(grouped: dict) -> dict[str, dict[str, dict[str, Figures]]]:
    """site → page → form factor → metric → median."""
    return {
        site: {
            page: {ff: medians(runs) for ff, runs in by_ff.items()} for page, by_ff in pages.items()
        }
        for site, pages in grouped.items()
    }


def measure(
    site_dir: Path, paths: list[str], runs: int = 3, form_factors=("mobile", "desktop")
) -> dict[str, dict[str, Figures]]:
    """Median Lighthouse figures of one site: path → form factor → metric (performance, …,
    tbt_ms). Raises RuntimeError if any run failed."""
    records = run_all({"site": (Path(site_dir), list(paths))}, tuple(form_factors), runs)
    if failed := [r for r in records if r["error"]]:
        first = failed[0]
        raise RuntimeError(
            f"Lighthouse 运行失败（{first['page']}，{first['form_factor']}）：{first['error']}"
        )
    return all_medians(group(records)).get("site", {})


def winner(a: list[float | None], b: list[float | None], lower_is_better: bool) -> str | None:
    """'B' if every B run beat every A run, 'A' for the reverse; None on any tie, overlap or gap."""
    if not a or not b or None in a or None in b:
        return None
    sign = -1 if lower_is_better else 1
    a_values, b_values = [sign * v for v in a], [sign * v for v in b]
    if min(b_values) > max(a_values):
        return "B"
    if min(a_values) > max(b_values):
        return "A"
    return None


def compare(a_runs: list[Figures], b_runs: list[Figures]) -> dict[str, Comparison]:
    """Metric → both medians, B − A and the every-run winner, for one page × form factor."""
    out = {}
    for m in METRICS:
        a_values, b_values = [r.get(m) for r in a_runs], [r.get(m) for r in b_runs]
        a, b = median(a_values), median(b_values)
        delta = None if a is None or b is None else b - a
        out[m] = Comparison(a, b, delta, winner(a_values, b_values, m in LOWER_IS_BETTER))
    return out


def comparisons(
    grouped: dict, a: str, b: str, form_factors: Iterable[str]
) -> dict[tuple[str, str], dict[str, Comparison]]:
    """(form factor, page) → metric → Comparison, for the pages both sites have."""
    out = {}
    for ff in form_factors:
        for page, by_ff in grouped.get(a, {}).items():
            other = grouped.get(b, {}).get(page, {})
            if ff in by_ff and ff in other:
                out[(ff, page)] = compare(by_ff[ff], other[ff])
    return out


def fmt(metric: str, value: float | None, signed: bool = False) -> str:
    """A figure as printed: whole numbers (KB to 0.1), '–' when missing, '+' on differences."""
    if value is None:
        return "–"
    decimals = DECIMALS.get(metric, 0)
    if signed and round(value, decimals) == 0:
        return "0"
    return f"{value:{'+' if signed else ''}.{decimals}f}"


def format_table(head: list[str], rows: list[list[str]], align: str, markdown=False) -> str:
    """An aligned text table, or a Markdown one; `align` holds 'l' or 'r' per column."""
    if markdown:
        head = [cell.replace("|", r"\|") for cell in head]
        rows = [[cell.replace("|", r"\|") for cell in row] for row in rows]
    widths = [max(len(cell) for cell in column) for column in zip(head, *rows, strict=True)]
    if markdown:
        widths = [max(w, 3) for w in widths]

    def line(cells: list[str]) -> list[str]:
        return [
            cell.rjust(w) if a == "r" else cell.ljust(w)
            for cell, w, a in zip(cells, widths, align, strict=True)
        ]

    if markdown:
        rule = [
            "-" * (w - 1) + ":" if a == "r" else "-" * w for w, a in zip(widths, align, strict=True)
        ]
        return "\n".join(
            f"| {' | '.join(cells)} |" for cells in [line(head), rule, *map(line, rows)]
        )
    lines = [" | ".join(line(head)), "-+-".join("-" * w for w in widths)]
    return "\n".join([*lines, *(" | ".join(line(row)).rstrip() for row in rows)])


def results_table(results: dict, form_factors: Iterable[str], markdown=False) -> str:
    """Medians, one row per form factor × page × site (a page's sites next to each other)."""
    pages = list(dict.fromkeys(page for by_page in results.values() for page in by_page))
    head = ["form", "page", "site", *(HEADERS[m] for m in METRICS)]
    rows = [
        [ff, page or "/", site, *(fmt(m, results[site][page][ff][m]) for m in METRICS)]
        for ff in form_factors
        for page in pages
        for site in results
        if ff in results[site].get(page, {})
    ]
    return format_table(head, rows, "lll" + "r" * len(METRICS), markdown)


def ab_table(comps: dict, a: str, b: str, markdown=False) -> str:
    """Per form factor, page and metric: both medians, B − A, and the site that won every run."""
    head = ["form", "page", "metric", a, b, "Δ", "every run"]
    names = {"A": a, "B": b}
    rows = [
        [
            ff,
            page or "/",
            HEADERS[m],
            fmt(m, c.a),
            fmt(m, c.b),
            fmt(m, c.delta, signed=True),
            names.get(c.winner or "", ""),
        ]
        for (ff, page), by_metric in comps.items()
        for m, c in by_metric.items()
    ]
    return format_table(head, rows, "lllrrrl", markdown)


def tbt_summary(comps: dict, a: str, b: str) -> str:
    """How often either site had the lower TBT in every run."""
    wins = [by_metric["tbt_ms"].winner for by_metric in comps.values()]
    return (
        f"TBT: {b} beat {a} in every run on {wins.count('B')} of {len(wins)} page × form; "
        f"{a} beat {b} on {wins.count('A')}; mixed or tied on {wins.count(None)}"
    )


def page_file(site_dir: Path, page: str) -> Path:
    """The file a page URL serves: '' and 'a/' mean that folder's index.html."""
    path = page.split("#")[0].split("?")[0]
    return site_dir / path / "index.html" if path == "" or path.endswith("/") else site_dir / path


def find_pages(site_dir: Path, pages: Iterable[str]) -> tuple[list[str], list[str]]:
    """(the pages the built site has, those it lacks); '/a' and 'a' become 'a/' for a folder."""
    found: list[str] = []
    missing: list[str] = []
    for given in pages:
        page = given.lstrip("/")
        if page and not page.endswith("/") and (site_dir / page).is_dir():
            page += "/"
        target = found if page_file(site_dir, page).is_file() else missing
        if page not in target:
            target.append(page)
    return found, missing


def parse_site(spec: str) -> tuple[str, Path, list[str]]:
    """'name=dir[:page,page…]' → (name, dir, pages); no pages means --pages or the defaults."""
    name, sep, rest = spec.partition("=")
    directory, _, pages = rest.partition(":")
    if not (sep and name and directory):
        raise argparse.ArgumentTypeError(f"{spec!r} 应写成 名称=目录[:页面,页面]")
    return name, Path(directory), page_list(pages)


def page_list(text: str) -> list[str]:
    """'a/,b.html' → ['a/', 'b.html']."""
    return [page.strip() for page in text.split(",") if page.strip()]


def positive(text: str) -> int:
    """An argument that must be a whole number ≥ 1."""
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"应为正整数，而不是 {text!r}")
    return int(text)


def choose_sites(args: argparse.Namespace) -> tuple[dict[str, tuple[Path, list[str]]], list[str]]:
    """name → (directory, its pages that exist), and notes on the pages skipped.
    Raises ValueError with a message for the user."""
    if args.ab and args.site:
        raise ValueError("--ab 与 --site 只能用其中一个")
    if args.ab:
        specs = [("A", Path(args.ab[0]), []), ("B", Path(args.ab[1]), [])]
    else:
        specs = args.site or [("ours", ROOT / "site", [])]
    names = [name for name, _, _ in specs]
    if duplicated := sorted({name for name in names if names.count(name) > 1}):
        raise ValueError(f"站点名称重复：{'、'.join(duplicated)}")
    sites, notes = {}, []
    for name, directory, pages in specs:
        if not directory.is_dir():
            raise ValueError(f"站点目录不存在：{directory}（先构建站点，例如 make build）")
        found, missing = find_pages(directory, pages or args.pages or DEFAULT_PAGES + EXTRA_PAGES)
        if missing:
            skipped = "、".join(page or "/" for page in missing)
            notes.append(f"{name}（{directory}）没有这些页面，跳过：{skipped}")
        sites[name] = (directory, found)
    if args.ab:  # the same pages on both copies
        common = [page for page in sites["A"][1] if page in sites["B"][1]]
        sites = {name: (directory, common) for name, (directory, _) in sites.items()}
    for name, (directory, pages) in sites.items():
        if not pages:
            raise ValueError(f"{name}（{directory}）没有一个要测的页面")
    if args.json and not args.json.parent.is_dir():
        raise ValueError(f"--json 的目录不存在：{args.json.parent}")
    if args.json and args.json.is_dir():
        raise ValueError(f"--json 应是文件，而 {args.json} 是目录")
    return sites, notes


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument(
        "--site",
        action="append",
        type=parse_site,
        metavar="NAME=DIR[:PAGE,...]",
        help="要测的站点，可重复；默认 ours=site；两个站点时另打印 A/B 对比",
    )
    p.add_argument(
        "--ab", nargs=2, metavar=("DIR_A", "DIR_B"), help="A/B：同样的页面在两份构建上对比"
    )
    p.add_argument(
        "--pages",
        action="extend",
        type=page_list,
        metavar="PAGE,...",
        help="要测的页面（逗号分隔，可重复）；默认本站的默认页面加上站点里有的 "
        + "、".join(EXTRA_PAGES),
    )
    p.add_argument(
        "--runs", type=positive, default=5, help="每页每种设备的轮数，取中位数（默认 5）"
    )
    p.add_argument(
        "--form-factor", choices=tuple(FORM_FACTORS), default="mobile", help="默认 mobile"
    )
    p.add_argument("--markdown", action="store_true", help="表格用 Markdown 打印，便于贴进笔记")
    p.add_argument("--json", type=Path, metavar="PATH", help="把每一次运行的原始数字写进 JSON")
    p.add_argument("--details", action="store_true", help="列出每页未通过的审核项")
    return p


def progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def json_payload(sites: dict, form_factors, runs: int, records: list[dict], results) -> dict:
    """Everything --json writes: the settings, every run's figures, and the medians."""
    return {
        "lighthouse": next((r["lighthouse"] for r in records if r["lighthouse"]), None),
        "runs": runs,
        "form_factors": list(form_factors),
        "order": ORDER,
        "metrics": {
            **{name: f"categories.{name}.score × 100" for name in CATEGORIES},
            **{
                name: f"audits.{audit}.numericValue" + (f" / {divisor}" if divisor > 1 else "")
                for name, (audit, divisor) in AUDITS.items()
            },
            **{
                name: f"audits.resource-summary: requestCount of {kind}"
                for name, kind in REQUESTS.items()
            },
        },
        "sites": {name: {"dir": str(d), "pages": pages} for name, (d, pages) in sites.items()},
        "records": records,
        "medians": results,
    }


def main(argv: list[str] | None = None) -> int:
    p = parser()
    args = p.parse_args(argv)
    try:
        sites, notes = choose_sites(args)
    except ValueError as exc:
        p.error(str(exc))
    if problem := missing_tools():
        sys.exit(problem)
    for note in notes:
        print(note, file=sys.stderr)
    form_factors = FORM_FACTORS[args.form_factor]
    try:
        records = run_all(sites, form_factors, args.runs, log=progress)
    except KeyboardInterrupt:
        sys.exit("已中断。")
    grouped = group(records)
    results = all_medians(grouped)
    payload = json_payload(sites, form_factors, args.runs, records, results)
    print(
        f"Lighthouse {payload['lighthouse'] or '?'}, {' + '.join(form_factors)}, "
        f"median of {args.runs} interleaved runs"
    )
    print(results_table(results, form_factors, args.markdown))
    if len(sites) == 2:
        (a, (dir_a, _)), (b, (dir_b, _)) = sites.items()
        comps = comparisons(grouped, a, b, form_factors)
        print()
        if comps:
            print(
                f"A/B: {a} = {dir_a}, {b} = {dir_b}; Δ = {b} − {a}; "
                "every run: the site that beat the other in every run"
            )
            print(ab_table(comps, a, b, args.markdown))
            print(tbt_summary(comps, a, b))
        else:
            print("两个站点没有共同的页面，不做 A/B 对比。")
    if args.details:
        for (site, page, ff), failed in failed_by_page(records).items():
            print(f"{site} {page or '/'} {ff}: {', '.join(failed) or '全部通过'}")
    if args.json:
        args.json.write_text(json.dumps(payload, ensure_ascii=False, indent=1), encoding="utf-8")
        print(f"每次运行的数字写在 {args.json}", file=sys.stderr)
    if failed_runs := sum(1 for r in records if r["error"]):
        print(f"注意：{failed_runs} 次运行失败，中位数只用了成功的运行。", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
