"""Benchmark the site as the question bank grows: build, page sizes, search at 1×, 10×, 100×.

    python scripts/bench/bench_scale.py [--scales 1,10] [--queries 30] [--runs 3]
                                        [--pagefind] [--lighthouse] [--against DIR]
                                        [--no-search-timing]

For each scale it builds a synthetic bank in a temporary copy of the repository (see
synthetic_bank: every page that holds questions copied into sibling pages, new ids, varied
titles, keyword lines kept, notebooks left out), then prints, one column per scale:
- build time, cold and warm, and the warm build's milliseconds per question (no notebooks in
  the copy, so none of it is notebook execution or rendering; git dates fall back to the build
  date, as in a source tarball), and per question added since the first scale (fixed costs
  such as the theme, the print page and JupyterLite left out); the warm build's CPU time per
  question and the load average before it, since other work on the machine slows the clock;
- the largest reading page of each kind, raw and gzipped, and how many pages exceed 120 KB gz;
- the search index files, raw and gzipped (a stub, the heads and the shards of answer texts the
  worker loads on the first focus of the search box), and the largest of them;
- search ready on a throttled 1.6 Mbps / 150 ms connection (bench.search_timing), and query
  latency, median and p90 from the last key press to results shown, over --queries queries
  taken evenly from tests/search_queries*.tsv (left out with --no-search-timing);
- with --pagefind, Pagefind 1.4 over the same site (bench.pagefind_figures);
- with --lighthouse, Lighthouse on home, a topic overview, the largest content page, glossary
  and errata (bench.lighthouse.measure);
- with --against DIR (another built site, e.g. hello-algo), the figures that compare, in a
  column of its own: largest page, search index, search ready, query latency, and Lighthouse
  on --against-path.
Budgets (printed, not asserted): pages ≤ 120 KB gz; at 10× search ready ≤ 3 s after focus on
the slow connection, query p90 ≤ 150 ms, warm build < 15 ms per question; at 100× no search
file over 1 MB gz.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from llm_interview import paths
from llm_interview.bench import pagefind_figures, search_timing, site_figures
from llm_interview.bench.synthetic_bank import questions, scaled_copy
from llm_interview.sitehttp import serve

ROOT = paths.ROOT

QUERY_SETS = [ROOT / "tests" / "search_queries.tsv", ROOT / "tests" / "search_queries_b.tsv"]
PAGE_BUDGET_KB = 120
READY_BUDGET_MS = 3000
P90_BUDGET_MS = 150
BUILD_BUDGET_MS = 15
SEARCH_FILE_BUDGET_KB = 1024
LIGHTHOUSE_KINDS = ("home", "topic overview", "topic page", "content page", "glossary", "errata")
Column = dict[str, str]


def build(repo: Path) -> tuple[float, float]:
    """Seconds of one `mkdocs build` of the repository at `repo` into repo/site: wall clock and
    CPU (user + system; what other work on the machine inflates least)."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    cmd = [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(repo / "site")]
    subprocess.run(cmd, cwd=repo, env=env, check=True, capture_output=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def page_kinds(docs: Path) -> dict[str, str]:
    """Each Markdown source of a site (relative path) and the kind of page it builds."""
    kinds = {}
    for page in sorted(docs.rglob("*.md")):
        src = page.relative_to(docs).as_posix()
        if not src.startswith("includes/"):
            holds = bool(questions(page.read_text(encoding="utf-8")))
            kinds[src] = site_figures.kind(src, holds)
    return kinds


def kb(size: int) -> str:
    return f"{size / 1024:,.0f} KB" if size < 1024 * 1024 else f"{size / 1024 / 1024:.2f} MB"


def sizes_column(site: Path, kinds: dict[str, str]) -> tuple[Column, dict[str, str]]:
    """Page and index sizes, and the largest page of each kind (for Lighthouse)."""
    col: Column = {}
    largest = site_figures.largest_pages(site, kinds)
    for kind in (*site_figures.KINDS, "topic page"):
        if kind in largest:
            size, count = largest[kind]
            col[f"largest {kind} (of {count}), raw / gz"] = (
                f"{kb(size.raw)} / {kb(size.gz)} {size.path or '/'}"
            )
    reading = {src: k for src, k in kinds.items() if k != "other"}
    over = site_figures.over_budget(site, reading, PAGE_BUDGET_KB)
    col[f"reading pages over {PAGE_BUDGET_KB} KB gz"] = f"{len(over)} of {len(reading)}"
    col.update(search_rows(site_figures.search_files(site)))
    return col, {k: size.path for k, (size, _) in largest.items()}


def search_rows(files: dict[str, tuple[int, int]]) -> Column:
    """The search files, raw and gzipped: each one but the shards of records, those together,
    and the largest file a reader downloads (budget: 1 MB gzipped at 100×)."""
    col: Column = {}
    shards = site_figures.shard_files(files)
    for name, (raw, gz) in files.items():
        if not any(name in part for part in shards.values()):
            col[f"search/{name}, raw / gz"] = f"{kb(raw)} / {kb(gz)}"
    for part, label in (("heads", "heads (titles, keywords)"), ("texts", "answer texts")):
        if shards[part]:
            raw, gz = (sum(size[i] for size in shards[part].values()) for i in (0, 1))
            col[f"search shards of {label}, total raw / gz"] = (
                f"{kb(raw)} / {kb(gz)} ({len(shards[part])} files)"
            )
    if files:
        name, raw, gz = site_figures.largest_file(files)
        ok = "within" if gz <= SEARCH_FILE_BUDGET_KB * 1024 else "OVER"
        col["largest search file a reader downloads, raw / gz"] = (
            f"{kb(raw)} / {kb(gz)} search/{name} ({ok} 1 MB)"
        )
    return col


def search_column(url: str, queries: list[str], runs: int, scale_label: str) -> Column:
    ready = search_timing.search_ready(url, runs)
    latency = search_timing.query_latency(url, queries)
    ok = "within" if ready.after_focus_ms <= READY_BUDGET_MS else "OVER"
    col = {
        "page load, slow connection": f"{ready.page_load_ms / 1000:.2f} s",
        "search ready, box focused at load": f"{ready.at_load_ms / 1000:.2f} s",
        "search ready after first focus": f"{ready.after_focus_ms / 1000:.2f} s ({ok} 3 s)",
    }
    if ready.complete_after_focus_ms is not None:
        col["answer texts loaded after focus"] = f"{ready.complete_after_focus_ms / 1000:.2f} s"
    ok = "within" if latency.p90_ms <= P90_BUDGET_MS else "OVER"
    col[f"query latency median / p90 ({latency.count} queries)"] = (
        f"{latency.median_ms:.0f} / {latency.p90_ms:.0f} ms ({ok} 150)"
    )
    col["expected question (or a copy) in top 3"] = f"{latency.top3} of {len(queries)}"
    return col


def pagefind_column(site: Path, url: str, count: int) -> Column:
    pagefind_figures.index(site)
    pf = pagefind_figures.measure(site, url, search_timing.sample_queries(QUERY_SETS, count))
    return {
        "pagefind: index files, raw / gz": f"{kb(pf.index_raw)} / {kb(pf.index_gz)} ({pf.files})",
        "pagefind: first query, slow connection": f"{pf.first_query_slow_ms / 1000:.2f} s",
        "pagefind: fetched for init + 1 query": kb(pf.fetched_first_query),
        "pagefind: query median / p90": f"{pf.median_ms:.0f} / {pf.p90_ms:.0f} ms",
        "pagefind: expected question (or a copy) in top 3": f"{pf.top3[0]} of {pf.top3[1]}",
    }


def lighthouse_column(site: Path, paths: dict[str, str], runs: int) -> Column:
    from bench.lighthouse import measure  # written alongside; see its docstring

    chosen = {kind: paths[kind] for kind in LIGHTHOUSE_KINDS if kind in paths}
    found = measure(site, list(chosen.values()), runs=runs)
    col = {}
    for kind, path in chosen.items():
        for form, metrics in found[path].items():
            col[f"lighthouse {kind}, {form}: perf / a11y / TBT"] = (
                f"{metrics['performance']:.0f} / {metrics['accessibility']:.0f} / "
                f"{metrics['tbt_ms']:.0f} ms"
            )
    return col


def scale_column(scale: int, tmp: Path, args) -> tuple[Column, int, float]:
    """The figures of one scale, its number of questions and its warm build in seconds."""
    repo = tmp / f"repo-{scale}x"
    count = scaled_copy(ROOT, repo, scale)
    cold, _ = build(repo)
    load = os.getloadavg()[0]
    warm, cpu = build(repo)
    per_entry = warm * 1000 / count
    ok = "within" if per_entry < BUILD_BUDGET_MS else "OVER"
    col: Column = {
        "questions": f"{count:,}",
        "build cold / warm": f"{cold:.1f} / {warm:.1f} s",
        "warm build per question (no notebooks)": f"{per_entry:.1f} ms ({ok} 15)",
        "warm build CPU per question, load average before it": (
            f"{cpu * 1000 / count:.1f} ms, {load:.1f}"
        ),
    }
    site = repo / "site"
    sizes, largest = sizes_column(site, page_kinds(repo / "docs"))
    col.update(sizes)
    queries = search_timing.sample_queries(QUERY_SETS, args.queries)
    with serve(site) as url:
        if not args.no_search_timing:
            col.update(search_column(url, queries, args.runs, f"{scale}x"))
        if args.pagefind:
            col.update(pagefind_column(site, url, args.queries))
    if args.lighthouse:
        col.update(lighthouse_column(site, largest, args.runs))
    return col, count, warm


def against_column(site: Path, args) -> Column:
    """The comparable figures of another built site."""
    col: Column = {}
    pages = [p for p in site.rglob("index.html") if "assets" not in p.parts]
    biggest = max(pages, key=lambda p: site_figures.gz_size(p.read_bytes()))
    data = biggest.read_bytes()
    col["largest page (any kind), raw / gz"] = (
        f"{kb(len(data))} / {kb(site_figures.gz_size(data))} "
        f"{biggest.parent.relative_to(site).as_posix()}/"
    )
    col.update(search_rows(site_figures.search_files(site)))
    queries = search_timing.sample_queries(QUERY_SETS, args.queries)
    with serve(site) as url:
        col.update(search_column(url, queries, args.runs, "against"))
    if args.lighthouse:
        col.update(lighthouse_column(site, {"home": "", "content page": args.against_path}, 3))
    return col


def table(columns: dict[str, Column]) -> str:
    """The figures as a Markdown table: one row per figure, one column per site."""
    rows: list[str] = []
    for col in columns.values():
        rows += [r for r in col if r not in rows]
    lines = [
        "| figure | " + " | ".join(columns) + " |",
        "|---|" + "---|" * len(columns),
    ]
    for row in rows:
        cells = [col.get(row, "") for col in columns.values()]
        lines.append(f"| {row} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", default="1,10", help="copies of the bank, e.g. 1,10,100")
    parser.add_argument("--queries", type=int, default=30, help="queries timed (at least 10)")
    parser.add_argument("--runs", type=int, default=3, help="visits timed per figure (median)")
    parser.add_argument("--pagefind", action="store_true", help="also measure Pagefind 1.4")
    parser.add_argument("--lighthouse", action="store_true", help="also run Lighthouse")
    parser.add_argument(
        "--no-search-timing",
        action="store_true",
        help="leave out search ready and query latency (Chromium; slow at 100×)",
    )
    parser.add_argument("--against", type=Path, help="another built site to compare with")
    parser.add_argument(
        "--against-path", default="chapter_array_and_linkedlist/array/", help="its page"
    )
    args = parser.parse_args(argv)
    scales = [int(s) for s in args.scales.split(",")]
    columns: dict[str, Column] = {}
    first = None
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as tmp:
        for scale in scales:
            print(f"building and measuring {scale}x …", file=sys.stderr, flush=True)
            col, count, warm = scale_column(scale, Path(tmp), args)
            if first and count > first[0]:  # the cost of each question added, fixed costs aside
                added = (warm - first[1]) * 1000 / (count - first[0])
                col["warm build per added question"] = f"{added:.1f} ms"
            first = first or (count, warm)
            columns[f"{scale}×"] = col
    if args.against:
        columns[args.against.name] = against_column(args.against, args)
    print(table(columns))
    return 0


if __name__ == "__main__":
    sys.exit(main())
