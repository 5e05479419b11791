"""Print the built site's print page (print/) to A4 PDFs with Debian's Chromium: the full edition
and each topic's.

The page is served over HTTP from the site folder (module scripts do not load from file://),
shown with print media and the light theme (search is not loaded: paper cannot use it), and
printed once docs/assets/js/print.js has opened every 原始回答 and the fonts (the formulas' among
them, which are MathML from the build) have loaded (`<html data-print-ready>`). It is loaded
once: each edition is the same page with print.js showing only its part (a `print:edition`
event), printed in turn; the bookmarks come from the table of contents it then leaves as JSON in
`<html data-print-outline>`.
"""

from __future__ import annotations

import contextlib
import json
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from llm_interview.editions.pdf.outline import add_outline
from llm_interview.sitehttp import serve

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-sync"]
PRINT_PAGE = "print/"
# A4 minus the side margins of docs/assets/print.css, in CSS pixels: the width the page lays out
# at on paper, so print.js measures formulas and tables as they will print.
CONTENT_WIDTH = 680
READY_TIMEOUT_MS = 300_000  # loading and typesetting everything, on a busy two-core machine
FULL = ""  # the full edition, for print.js's select(); every other edition is a topic's slug
# For the smoke test: keep only the first N questions of each topic (on its first page) and drop
# the other pages and parts, before print.js builds the table of contents (it runs on `load`).
# One edition on the page (print.js): the event, then the outline and edition it leaves on <html>.
SELECT_EDITION = """(slug) => {
  document.dispatchEvent(new CustomEvent("print:edition", { detail: slug }));
  if (document.documentElement.dataset.printEdition !== slug) throw new Error("no such edition");
}"""
SAMPLE_SCRIPT = """
document.addEventListener("DOMContentLoaded", () => {
  const keep = %d;
  const questionsIn = (page) => [...page.querySelectorAll(":scope > h2.qa-question")];
  for (const part of document.querySelectorAll("#print-site-page > section.print-page[id]")) {
    const pages = [...part.querySelectorAll(":scope section.print-page")];
    const first = pages.find((page) => questionsIn(page).length);
    if (!first) { part.remove(); continue; }
    for (const page of pages) if (page !== first) page.remove();
    const questions = questionsIn(first);
    const cut = questions[keep];
    while (cut && cut.nextSibling) cut.nextSibling.remove();
    cut?.remove();
  }
});
"""


@contextlib.contextmanager
def _chromium(browser=None) -> Iterator:
    """The given Playwright browser, or Debian's Chromium launched for the duration."""
    if browser is not None:
        yield browser
        return
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        launched = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            launched.close()


@dataclass(frozen=True)
class Printed:
    """One PDF written: its edition (FULL or a topic's slug), file, bookmarks, and the seconds
    from showing its part to its bookmarks written."""

    edition: str
    path: Path
    bookmarks: int
    seconds: float


def render(
    site_dir: Path, outputs: dict[str, Path], sample: int | None = None, browser=None
) -> list[Printed]:
    """Write each edition of `site_dir`'s print page to its file (`{FULL: …, "rl": …}`), in order.

    `sample` keeps only that many questions of each topic (a quick print for the smoke test);
    `browser`, a running Playwright browser to use (one process has one Playwright at a time).
    """
    if not (site_dir / PRINT_PAGE / "index.html").is_file():
        raise FileNotFoundError(
            f"{site_dir / PRINT_PAGE}index.html 不存在：先构建站点（make build），"
            "并确认 mkdocs.yml 里启用了 print-site 插件。"
        )
    printed = []
    with serve(site_dir) as base, _chromium(browser) as chromium:
        page = chromium.new_page(viewport={"width": CONTENT_WIDTH, "height": 1000})
        try:
            page.set_default_timeout(READY_TIMEOUT_MS)
            page.emulate_media(media="print", color_scheme="light")
            page.route("**/search/search_index.json", lambda route: route.abort())
            if sample is not None:
                page.add_init_script(SAMPLE_SCRIPT % sample)
            page.goto(base + PRINT_PAGE, wait_until="load")
            page.wait_for_function(
                "() => document.documentElement.dataset.printReady === 'true'",
                timeout=READY_TIMEOUT_MS,
            )
            for edition, out in outputs.items():
                start = time.perf_counter()
                page.evaluate(SELECT_EDITION, edition)
                toc = json.loads(page.locator("html").get_attribute("data-print-outline"))
                out.parent.mkdir(parents=True, exist_ok=True)
                page.pdf(path=str(out), prefer_css_page_size=True, print_background=True)
                bookmarks = add_outline(out, toc)
                printed.append(Printed(edition, out, bookmarks, time.perf_counter() - start))
        finally:
            page.close()
    return printed
