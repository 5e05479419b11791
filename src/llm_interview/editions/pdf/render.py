"""Print the built site's print page (print/) to one A4 PDF with Debian's Chromium.

The page is served over HTTP from the site folder (module scripts do not load from file://),
shown with print media and the light theme (search is not loaded: paper cannot use it), and
printed once docs/assets/js/print.js has opened every 原始回答 and the fonts (the formulas' among
them, which are MathML from the build) have loaded (`<html data-print-ready>`); the bookmarks
come from the table of contents it leaves as JSON in `<html data-print-outline>`.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from pathlib import Path

from llm_interview.editions.pdf.outline import add_outline
from llm_interview.sitehttp import serve

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-sync"]
PRINT_PAGE = "print/"
# A4 minus the side margins of docs/assets/print.css, in CSS pixels: the width the page lays out
# at on paper, so print.js measures formulas and tables as they will print.
CONTENT_WIDTH = 680
READY_TIMEOUT_MS = 120_000
# For the smoke test: keep only the first N questions of each topic (on its first page) and drop
# the other pages and parts, before print.js builds the table of contents (it runs on `load`).
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


def render(site_dir: Path, out: Path, sample: int | None = None, browser=None) -> int:
    """Write the PDF of `site_dir`'s print page to `out`; returns the number of bookmarks.

    `sample` keeps only that many questions of each topic (a quick print for the smoke test);
    `browser`, a running Playwright browser to use (one process has one Playwright at a time).
    """
    if not (site_dir / PRINT_PAGE / "index.html").is_file():
        raise FileNotFoundError(
            f"{site_dir / PRINT_PAGE}index.html 不存在：先构建站点（make build），"
            "并确认 mkdocs.yml 里启用了 print-site 插件。"
        )
    out.parent.mkdir(parents=True, exist_ok=True)
    with serve(site_dir) as base, _chromium(browser) as chromium:
        page = chromium.new_page(viewport={"width": CONTENT_WIDTH, "height": 1000})
        try:
            page.emulate_media(media="print", color_scheme="light")
            page.route("**/search/search_index.json", lambda route: route.abort())
            if sample is not None:
                page.add_init_script(SAMPLE_SCRIPT % sample)
            page.goto(base + PRINT_PAGE, wait_until="load")
            page.wait_for_function(
                "() => document.documentElement.dataset.printReady === 'true'",
                timeout=READY_TIMEOUT_MS,
            )
            toc = json.loads(page.locator("html").get_attribute("data-print-outline"))
            page.pdf(path=str(out), prefer_css_page_size=True, print_background=True)
        finally:
            page.close()
    return add_outline(out, toc)
