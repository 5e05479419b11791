"""Benchmark a coding drill page (issue 20's budgets), in Chromium against the built site served
gzipped as GitHub Pages serves it.

    python scripts/bench/bench_drills.py [--site DIR] [--drill ID] [--rounds N]

Prints:
- the bytes transferred (gzipped) before 运行测试: on load, and after the reader reaches for the
  editor (CodeMirror loads then); budget 120 KB, editor included;
- from the click on 运行测试 to the first results, with Pyodide in the HTTP cache (a second page
  in the same browser profile), median of N; budget 1.5 s for a plain-Python drill;
- a second run on the same page (Pyodide already loaded).
Lighthouse on a drill page: `scripts/bench/lighthouse.py --pages drills/<id>/`.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from llm_interview import paths
from llm_interview.drills import source
from llm_interview.sitehttp import serve

CHROMIUM = "/usr/bin/chromium"
BUDGET_KB = 120
BUDGET_RUN_S = 1.5
REPORTED = (
    "() => { const r = document.querySelector('.drill-report');"
    " return r && !r.hidden && r.innerText.trim().length > 0; }"
)


def transferred(page) -> int:
    """Bytes over the wire for the page so far (Resource Timing's transferSize, gzip included)."""
    return page.evaluate(
        "() => performance.getEntriesByType('navigation')[0].transferSize +"
        " performance.getEntriesByType('resource').reduce((n, e) => n + e.transferSize, 0)"
    )


def put_code(page, code: str) -> None:
    page.evaluate(
        """code => { const a = document.querySelector('.drill-bench textarea');
        a.value = code; a.dispatchEvent(new Event('drill:replace')); }""",
        code,
    )


def click_to_results(page) -> float:
    page.evaluate("() => { document.querySelector('.drill-report').hidden = true; }")
    start = time.perf_counter()
    page.click("button.drill-run")
    page.wait_for_function(REPORTED, timeout=120_000)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=paths.ROOT / "site")
    parser.add_argument("--drill", default="sampling")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    drill = source.load(paths.ROOT / "drills" / args.drill)
    with serve(args.site) as base, sync_playwright() as pw, tempfile.TemporaryDirectory() as prof:
        browser = pw.chromium.launch_persistent_context(
            prof, executable_path=CHROMIUM, args=["--no-sandbox", "--disable-background-networking"]
        )
        page = browser.new_page()
        page.goto(f"{base}drills/{drill.id}/", wait_until="networkidle")
        on_load = transferred(page)
        page.hover(".drill-editor")
        page.wait_for_selector(".drill-bench .cm-editor", timeout=30_000)
        page.wait_for_load_state("networkidle")
        with_editor = transferred(page)
        put_code(page, drill.solution)
        first = click_to_results(page)
        again = click_to_results(page)
        cached = []
        for _ in range(args.rounds):
            fresh = browser.new_page()
            fresh.goto(f"{base}drills/{drill.id}/", wait_until="networkidle")
            put_code(fresh, drill.solution)
            cached.append(click_to_results(fresh))
            fresh.close()
        browser.close()
    print(f"drill page {drill.id} ({drill.runtime}):")
    print(f"  transferred on load:               {on_load / 1024:7.1f} KB")
    editor_kb = with_editor / 1024
    print(f"  transferred with the editor:       {editor_kb:7.1f} KB  (budget {BUDGET_KB} KB)")
    print(f"  click → results, first (cold):     {first:7.2f} s")
    print(
        f"  click → results, Pyodide cached:   {statistics.median(cached):7.2f} s  "
        f"(median of {len(cached)}; budget {BUDGET_RUN_S} s)"
    )
    print(f"  click → results, second run:       {again:7.2f} s")


if __name__ == "__main__":
    main()
