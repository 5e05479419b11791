"""Search timed in Chromium: when it becomes usable on a slow connection, and how fast it answers.

Search-ready is measured as a reader meets it: the page is opened on a throttled connection
(Chromium's Network.emulateNetworkConditions over CDP, which also slows the worker's fetches),
the search box is focused either at the page's load event (other files may still be arriving)
or once the network is idle, and the clock stops when Material's result line leaves
「正在初始化搜索引擎」 (the worker's READY). For the site's own lazy index the
time until the answer texts have arrived too (lazy.js's data-search-index="complete") is given
as `complete`. Query latency is search_ui's: last key press to the result list redrawn.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass
from pathlib import Path

from llm_interview.bench.search_ui import (
    _READY,
    LAZY,
    hit,
    latency_ms,
    load_queries,
    open_search,
    search,
)

CHROMIUM = "/usr/bin/chromium"
COPY = re.compile(r"-x\d+(?=/|#|$)")
ARGS = ["--no-sandbox", "--disable-dev-shm-usage"]
DESKTOP = {"width": 1280, "height": 900}
# 1.6 Mbps down, 750 kbps up, 150 ms round trip: Lighthouse's "slow 4G".
SLOW = {"offline": False, "latency": 150, "downloadThroughput": 1.6e6 / 8}
SLOW["uploadThroughput"] = 750e3 / 8

# Focus the box at once and resolve with performance.now() of the focus, READY and completion.
_TIME_READY = (
    (
        """async () => {
  const ready = (READY);
  const lazy = (LAZY);
  const t = {load: performance.getEntriesByType('navigation')[0].loadEventStart};
  document.querySelector('input.md-search__input').focus();
  t.focus = performance.now();
  while (!t.ready || (lazy && !t.complete)) {
    await new Promise(r => setTimeout(r, 5));
    if (!t.ready && ready()) t.ready = performance.now();
    if (document.documentElement.dataset.searchIndex === 'complete' && !t.complete)
      t.complete = performance.now();
  }
  return t;
}"""
    )
    .replace("(READY)", f"({_READY})")
    .replace("(LAZY)", f"({LAZY})")
)


@dataclass(frozen=True)
class Ready:
    page_load_ms: float  # navigation start to the load event
    at_load_ms: float  # box focused at the load event: focus to search answering
    after_focus_ms: float  # box focused once the network is idle: focus to search answering
    complete_after_focus_ms: float | None  # the same, until the answer texts have arrived too


@dataclass(frozen=True)
class Latency:
    median_ms: float
    p90_ms: float
    count: int
    top3: int  # queries with their question (or a synthetic copy of it) in the first three


def _browser(pw):
    return pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)


def throttled_page(browser):
    """(context, page, cdp session): a desktop page with its cache off, on the SLOW connection."""
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.set_default_timeout(300_000)
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    cdp.send("Network.emulateNetworkConditions", SLOW)
    return context, page, cdp


def search_ready(url: str, runs: int = 3) -> Ready:
    """Medians over `runs` fresh visits of `url` on the throttled connection, per focus moment."""
    from playwright.sync_api import sync_playwright

    found: dict[str, list[dict]] = {"load": [], "networkidle": []}
    with sync_playwright() as pw:
        browser = _browser(pw)
        for _ in range(runs):
            for moment, times in found.items():
                context, page, _ = throttled_page(browser)
                page.goto(url, wait_until=moment)
                times.append(page.evaluate(_TIME_READY))
                context.close()
        browser.close()
    at_load, idle = found["load"], found["networkidle"]
    complete = [t["complete"] - t["focus"] for t in idle if t.get("complete")]
    return Ready(
        page_load_ms=statistics.median(t["load"] for t in at_load),
        at_load_ms=statistics.median(t["ready"] - t["focus"] for t in at_load),
        after_focus_ms=statistics.median(t["ready"] - t["focus"] for t in idle),
        complete_after_focus_ms=statistics.median(complete) if complete else None,
    )


def sample_queries(paths: list[Path], count: int) -> list[tuple[str, str]]:
    """`count` queries (text, expected `page/#id`) spread evenly over the query sets."""
    queries = [(q.text, q.expected) for path in paths for q in load_queries(path)]
    step = max(1, len(queries) // count)
    return queries[::step][:count]


def original(location: str) -> str:
    """The question a synthetic copy was made from: `a/index-x3/#kv-x3` -> `a/#kv`."""
    return COPY.sub("", location).replace("index/", "")


def top3_hit(expected: str, results: list[str]) -> bool:
    """Whether the expected question, or one of its copies, is among the first three."""
    return hit(expected, [original(r) for r in results[:3]])


def query_latency(url: str, queries: list[tuple[str, str]], rounds: int = 1) -> Latency:
    """Last key press to results shown, over every query `rounds` times (unthrottled)."""
    from playwright.sync_api import sync_playwright

    times, hits = [], 0
    with sync_playwright() as pw:
        browser = _browser(pw)
        page = browser.new_page(viewport=DESKTOP)
        page.set_default_timeout(300_000)
        open_search(page, url)
        search(page, "预热")
        for n in range(rounds):
            for text, expected in queries:
                found = search(page, text + " " * n)  # a changed value, so it runs again
                times.append(latency_ms(page))
                hits += n == 0 and top3_hit(expected, found)
        browser.close()
    p90 = statistics.quantiles(times, n=10)[-1]
    return Latency(statistics.median(times), p90, len(times), hits)
