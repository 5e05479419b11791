"""Pagefind 1.4 on a built site, for comparison with the site's own search (bench_scale --pagefind).

Pagefind is installed only for the benchmark, into .cache/bench-pagefind from
scripts/bench/requirements-pagefind.txt (1.5.x lose Chinese recall). It indexes each reading
page's article (not the nav; the print page and JupyterLite are set aside while it runs), and a
small harness page imports its pagefind.js. A query is timed from the call to the data of the
first five results, as its UI shows them: the index chunks and page fragments load on demand.
Each page result counts as its best section (the sub-result with the most matches), and the
guide pages that the site's own search leaves out are left out here too.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from llm_interview import paths
from llm_interview.bench.search_timing import SLOW, _browser, throttled_page, top3_hit
from llm_interview.bench.site_figures import gz_size

ROOT = paths.ROOT
VENV = ROOT / ".cache" / "bench-pagefind"
REQUIREMENTS = ROOT / "scripts" / "bench" / "requirements-pagefind.txt"
SET_ASIDE = ("print", "lite", "contributing", "errata", "glossary", "references", "tags")
HARNESS = "pagefind-bench.html"
_HARNESS_HTML = """<!doctype html><meta charset="utf-8"><title>pagefind</title>
<script type="module">
import * as pagefind from "./pagefind/pagefind.js";
window.pagefindInit = true;
window.pagefindQuery = async (text) => {
  const t = performance.now();
  const found = await pagefind.search(text);
  const shown = await Promise.all(found.results.slice(0, 5).map((r) => r.data()));
  const most = (a, b) => (b.locations.length > a.locations.length ? b : a);
  const best = (d) => d.sub_results.reduce(most, d.sub_results[0] || d);
  const anchors = shown.map((d) => best(d).url);
  return { ms: performance.now() - t, anchors };
};
</script>"""
# Bytes the browser fetched from /pagefind/ so far (local server: the encoded size).
_FETCHED = """() => performance.getEntriesByType('resource')
  .filter(r => r.name.includes('/pagefind/')).reduce((s, r) => s + r.encodedBodySize, 0)"""


@dataclass(frozen=True)
class PagefindFigures:
    index_raw: int
    index_gz: int  # its files are already compressed (pagefind writes them gzipped)
    files: int
    first_query_slow_ms: float  # the first query on the throttled connection, loading included
    fetched_first_query: int  # bytes fetched for init and one query
    median_ms: float
    p90_ms: float
    top3: tuple[int, int]  # queries with the expected question in the first three, of all


def install() -> Path:
    """The benchmark's own Python with pagefind 1.4 (installed on first use)."""
    python = VENV / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
        pip = [str(python), "-m", "pip", "install", "-q", "-r", str(REQUIREMENTS)]
        subprocess.run(pip, check=True)
    return python


def index(site: Path) -> None:
    """Run pagefind over the site's reading pages."""
    python = install()
    aside = [(site / name, site.parent / f"{site.name}-{name}") for name in SET_ASIDE]
    for here, there in aside:
        if here.exists():
            here.rename(there)
    try:
        cmd = [str(python), "-m", "pagefind", "--site", str(site), "--silent"]
        cmd += ["--root-selector", "article.md-content__inner"]
        cmd += ["--exclude-selectors", ".headerlink, [data-search-exclude], .md-source-file"]
        subprocess.run(cmd, check=True)
    finally:
        for here, there in aside:
            if there.exists():
                there.rename(here)
    (site / HARNESS).write_text(_HARNESS_HTML, encoding="utf-8")


def measure(site: Path, url: str, queries: list[tuple[str, str]]) -> PagefindFigures:
    """Pagefind's figures for `queries` (text, expected `page/#anchor`) on the site at `url`."""
    from playwright.sync_api import sync_playwright

    files = [f for f in (site / "pagefind").rglob("*") if f.is_file()]
    raw = sum(f.stat().st_size for f in files)
    with sync_playwright() as pw:
        browser = _browser(pw)
        _, page, cdp = throttled_page(browser)
        page.goto(url + HARNESS)
        page.wait_for_function("() => window.pagefindInit !== undefined")
        first = page.evaluate("q => window.pagefindQuery(q)", queries[0][0])["ms"]
        fetched = page.evaluate(_FETCHED)
        cdp.send(
            "Network.emulateNetworkConditions", {**SLOW, "latency": 0, "downloadThroughput": -1}
        )
        times, hits = [], 0
        for text, expected in queries:
            found = page.evaluate("q => window.pagefindQuery(q)", text)
            times.append(found["ms"])
            hits += top3_hit(expected, [unquote(a).lstrip("/") for a in found["anchors"]])
        browser.close()
    return PagefindFigures(
        index_raw=raw,
        index_gz=sum(gz_size(f.read_bytes()) for f in files),
        files=len(files),
        first_query_slow_ms=first,
        fetched_first_query=fetched,
        median_ms=statistics.median(times),
        p90_ms=statistics.quantiles(times, n=10)[-1],
        top3=(hits, len(queries)),
    )
