"""Drive Material's search box in a real browser the way a reader does, and read the results.

Shared by tests/test_search.py (recall) and scripts/bench/bench_search.py (latency).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

RESULT_LINK = "a.md-search-result__link"
RESULTS_SHOWN = ".md-search-result__meta"
# The results a reader sees without unfolding anything, in order: links inside a closed
# 「在该页上还有 N 个符合条件的结果」 are hidden, and a page heading that only groups the questions
# under it (an h1 without text) is not a result of its own.
_VISIBLE = """links => links.filter(a => {
  if (a.closest('details:not([open])')) return false;
  const article = a.querySelector('article');
  if (!article.querySelector(':scope > h1')) return true;
  const other = [...article.childNodes].filter(n => !(n.nodeType === 1 &&
    n.matches('.md-search-result__icon, h1, nav.md-tags')));
  return other.some(n => n.textContent.trim());
}).map(a => a.href)"""

# The worker has loaded the index once the result line shows one of its result messages.
_READY = """() => {
  const t = JSON.parse(document.getElementById('__config').textContent).translations;
  const meta = document.querySelector('.md-search-result__meta').textContent.trim();
  const states = ['placeholder', 'none', 'one', 'other'].map(k => t['search.result.' + k]);
  return states.some(s => s && new RegExp('^' + s.replace('#', '[0-9]+') + '$').test(meta));
}"""
# Whether the page runs this site's search worker (its lazy index), which the build names in
# Material's page configuration; a stock Material site loads its index whole.
LAZY = (
    "JSON.parse(document.getElementById('__config').textContent).search"
    ".endsWith('js/search/worker.js')"
)
# Every record has arrived: the answer texts load after the worker is ready (lazy.js marks it);
# the offline copy holds them inline.
COMPLETE = (
    "() => document.documentElement.dataset.searchIndex === 'complete'"
    f" || location.protocol === 'file:' || !({LAZY})"
)
# Timestamps of the last key press and of the first frame after the result list changed.
_WATCH = """() => {
  const w = window.__searchWatch = {key: 0, shown: 0};
  document.addEventListener('keydown', e => { w.key = e.timeStamp; w.shown = 0; }, true);
  new MutationObserver(() => requestAnimationFrame(() => { w.shown = performance.now(); }))
    .observe(document.querySelector('.md-search-result'), {childList: true, subtree: true});
}"""


@dataclass(frozen=True)
class Query:
    """One line of tests/search_queries.tsv: what a reader types and where it should lead."""

    text: str
    expected: str  # "page/#anchor", or "page/" when any section of the page will do
    kind: str
    known_miss: str = ""  # why it fails today; the test then expects the failure


def load_queries(path: Path) -> list[Query]:
    """The query table: tab-separated, `#` starts a comment line, a fourth column notes a miss."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.reader(handle, delimiter="\t") if r and not r[0].startswith("#")]
    return [Query(*(cell.strip() for cell in row[:4])) for row in rows]


def open_search(page, site_url: str) -> None:
    """Load the home page, focus the search box and wait until the whole search index is loaded."""
    page.goto(site_url)
    button = page.locator("label.md-header__button[for='__search']")  # phones: a magnifier icon
    box = page.locator("input.md-search__input")
    (button if button.is_visible() else box).click()
    box.wait_for(state="visible")
    until_searchable(page)


def until_searchable(page) -> None:
    """Wait until the search box is ready and every record has arrived, then watch the results."""
    page.wait_for_function(_READY)
    page.wait_for_function(COMPLETE)
    page.evaluate(_WATCH)


def search(page, text: str) -> list[str]:
    """Enter `text` in the focused search box; the visible results (`page/#anchor`), in order.

    Only the final key press sends a query, so the results read are those of `text`.
    """
    box = page.locator("input.md-search__input")
    box.fill(text)  # as an input method commits a word; the search starts on the next key
    box.press("End")
    page.wait_for_function(
        "t => document.querySelector('input.md-search__input').value === t"
        " && window.__searchWatch.shown > window.__searchWatch.key",
        arg=text,
    )
    page.locator(RESULTS_SHOWN).wait_for()
    hrefs = page.eval_on_selector_all(RESULT_LINK, _VISIBLE)
    return [location(href, page.url) for href in hrefs]


def latency_ms(page) -> float:
    """Milliseconds from the last key press to the last change of the result list."""
    return page.evaluate("() => window.__searchWatch.shown - window.__searchWatch.key")


def location(href: str, base: str) -> str:
    """`page/#anchor` of a result link, relative to the site root, without the ?h= highlight."""
    root = urlsplit(base).path.rsplit("/", 1)[0] + "/"
    parts = urlsplit(href)
    path = unquote(parts.path)[len(root) :] if parts.path.startswith(root) else parts.path
    return path + (f"#{unquote(parts.fragment)}" if parts.fragment else "")


def hit(expected: str, results: list[str]) -> bool:
    """Whether `expected` (an entry, or a whole page when it has no anchor) is among `results`.

    An entry is known by its id alone: ids are unique across the site, and a question keeps its
    id when it moves to another page (`architecture/#rope` is found at architecture/position/).
    """
    if "#" in expected:
        anchor = expected.split("#", 1)[1]
        return any("#" in r and r.split("#", 1)[1] == anchor for r in results)
    return any(r.split("#")[0] == expected for r in results)
