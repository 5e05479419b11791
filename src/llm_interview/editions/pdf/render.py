"""Print the built site's print page (print/) to A4 PDFs with Debian's Chromium: the full edition
and each topic's.

The page is served over HTTP from the site folder (module scripts do not load from file://),
shown with print media and the light theme (search is not loaded: paper cannot use it), and
printed once docs/assets/js/print.js has opened every 原始回答 and the fonts (the formulas' among
them, which are MathML from the build) have loaded (`<html data-print-ready>`). It is loaded once
for every edition.

Each edition is printed unit by unit: print.js picks it (a `print:edition` event, after which
<html> holds its contents and parts), then leaves one unit of it on the page at a time (a
`print:unit` event): its front (cover and contents), then each part (a topic, the notebook
appendix, the glossary…); merge.py puts the units together, with bookmarks from the contents.
Chromium's time per page grows with what the page holds, so one print of everything took twice
as long as its parts printed one by one; and a topic's part, printed once, serves the full
edition and the topic's PDF. Page numbers therefore count within each part, as the running
header names it.
"""

from __future__ import annotations

import contextlib
import tempfile
import time
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from llm_interview.editions.pdf.merge import assemble
from llm_interview.editorial.levels import QUESTION_CLASS
from llm_interview.sitehttp import serve

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-sync"]
PRINT_PAGE = "print/"
# A4 minus the side margins of docs/assets/print.css, in CSS pixels: the width the page lays out
# at on paper, so print.js measures formulas and tables as they will print.
CONTENT_WIDTH = 680
READY_TIMEOUT_MS = 300_000  # loading and typesetting everything, on a busy two-core machine
FULL = ""  # the full edition, as print.js names it; every other edition is a topic's slug
# print.js's events: each leaves what it chose on <html>, checked here (a listener's error does
# not reach dispatchEvent's caller).
SELECT_EDITION = """(slug) => {
  document.dispatchEvent(new CustomEvent("print:edition", { detail: slug }));
  const html = document.documentElement;
  if (html.dataset.printEdition !== slug) throw new Error(`print.js: no edition "${slug}"`);
  return { toc: JSON.parse(html.dataset.printOutline), parts: JSON.parse(html.dataset.printParts) };
}"""
SHOW_UNIT = """(unit) => {
  document.dispatchEvent(new CustomEvent("print:unit", { detail: unit }));
  const shown = document.documentElement.dataset.printUnit ?? "";
  if (shown !== unit) throw new Error(`print.js: no unit "${unit}"`);
}"""
# For the smoke test: print only the first N questions of each topic (on its first page). The
# other questions and pages are hidden, as the parts an edition leaves out are, so links to them
# go to the site; parts without questions are removed, and so are links to them. It runs before
# print.js builds the table of contents (on `load`).
_SAMPLE = """
document.addEventListener("DOMContentLoaded", () => {
  const keep = %d;
  const questionsIn = (page) => [...page.querySelectorAll(":scope > h2.%s")];
  for (const part of document.querySelectorAll("#print-site-page > section.print-page[id]")) {
    const pages = [...part.querySelectorAll(":scope section.print-page")];
    const first = pages.find((page) => questionsIn(page).length);
    if (!first) { part.remove(); continue; }
    for (const page of pages) if (page !== first) page.hidden = true;
    for (let el = questionsIn(first)[keep]; el; el = el.nextElementSibling) el.hidden = true;
  }
  // As the build does for the full page: a link to nothing would be searched for at every print.
  for (const link of document.querySelectorAll('a[href^="#"]')) {
    const id = decodeURIComponent(link.hash.slice(1));
    if (!document.getElementById(id)) link.removeAttribute("href");
  }
});
"""


def sample_script(keep: int) -> str:
    """The sampler above, keeping `keep` questions of each topic."""
    return _SAMPLE % (keep, QUESTION_CLASS)


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
    """One PDF written: its edition (FULL or a topic's slug), file and bookmarks; the seconds
    Chromium took printing the units it was the first edition to need, and the seconds taken
    putting it together (meanwhile Chromium prints the next)."""

    edition: str
    path: Path
    bookmarks: int
    print_seconds: float
    assemble_seconds: float


@dataclass(frozen=True)
class Run:
    """Seconds from start until the page was ready to print, and the PDFs, in order."""

    ready_seconds: float
    printed: list[Printed]


def _timed(function, *args) -> tuple[int, float]:
    start = time.perf_counter()
    return function(*args), time.perf_counter() - start


def _load(page, url: str, sample: int | None) -> dict:
    """Open the print page for print, wait until it is ready; its data (plugin.edition_data)."""
    page.set_default_timeout(READY_TIMEOUT_MS)
    page.emulate_media(media="print", color_scheme="light")
    page.route("**/search/search_index.json", lambda route: route.abort())
    if sample is not None:
        page.add_init_script(sample_script(sample))
    page.goto(url, wait_until="load")
    page.wait_for_function("() => document.documentElement.dataset.printReady === 'true'")
    return page.evaluate("() => JSON.parse(document.getElementById('print-edition').textContent)")


def _print_unit(page, unit: str, out: Path) -> Path:
    page.evaluate(SHOW_UNIT, unit)
    page.pdf(path=str(out), prefer_css_page_size=True, print_background=True)
    return out


def _print_editions(page, outputs: dict[str, Path], folder: Path, assemble_later) -> list:
    """Print each edition's units into `folder`, a part once whichever edition needs it first,
    and hand each edition's units to `assemble_later`; (edition, seconds printing, its job)."""
    parts: dict[str, Path] = {}
    jobs = []
    for n, (edition, out) in enumerate(outputs.items()):
        began = time.perf_counter()
        chosen = page.evaluate(SELECT_EDITION, edition)
        units = [_print_unit(page, "front", folder / f"front-{n}.pdf")]
        for part in chosen["parts"]:
            if part not in parts:
                parts[part] = _print_unit(page, part, folder / f"{part}.pdf")
            units.append(parts[part])
        jobs.append(
            (edition, time.perf_counter() - began, assemble_later(units, out, chosen["toc"]))
        )
    return jobs


def render(
    site_dir: Path, outputs: dict[str, Path], sample: int | None = None, browser=None
) -> Run:
    """Write each edition of `site_dir`'s print page to its file (`{FULL: …, "rl": …}`), in order.

    `sample` keeps only that many questions of each topic (a quick print for the smoke test);
    `browser`, a running Playwright browser to use (one process has one Playwright at a time).
    """
    if not (site_dir / PRINT_PAGE / "index.html").is_file():
        raise FileNotFoundError(
            f"{site_dir / PRINT_PAGE}index.html 不存在：先构建站点（make build），"
            "并确认 mkdocs.yml 里启用了 print-site 插件。"
        )
    start = time.perf_counter()
    with (
        tempfile.TemporaryDirectory() as tmp,
        ThreadPoolExecutor(max_workers=1) as assembler,  # pypdf's work while Chromium prints
        serve(site_dir) as base,
        _chromium(browser) as chromium,
    ):
        page = chromium.new_page(viewport={"width": CONTENT_WIDTH, "height": 1000})
        try:
            data = _load(page, base + PRINT_PAGE, sample)
            ready = time.perf_counter() - start

            def assemble_later(units: list[Path], out: Path, toc: list[dict]) -> Future:
                return assembler.submit(
                    _timed, assemble, units, out, toc, data["pages"], data["site"]
                )

            jobs = _print_editions(page, outputs, Path(tmp), assemble_later)
        finally:
            page.close()
        printed = []
        for edition, seconds, job in jobs:
            bookmarks, took = job.result()
            printed.append(Printed(edition, outputs[edition], bookmarks, seconds, took))
    return Run(ready, printed)
