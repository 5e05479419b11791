"""The math plugin: every formula of a page rendered to MathML at build time (math.render).

- on_page_content: the formulas arithmatex marked and those notebook prose keeps as `$…$` text
  (math.html), and formulas in a notebook's table of contents, become MathML. A formula KaTeX
  refuses stops the build with its `docs/…:line`, as `make check` reports it.
- on_post_build: writes the formulas' font, cut to the characters they use (math.font); stops
  Node and saves the formulas rendered for the first time (also on_build_error). A dirty rebuild
  of `make serve` renders only the changed pages: the formulas of the others are kept from the
  earlier builds, so the font still has every character and stays the cached cut.

Listed after llm-interview/notebooks, which sanitises a notebook page to the tags its cells need
(no MathML), and before llm-interview/practice and the PDF edition, which copy a page's HTML.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin

from llm_interview.notebooks.sources import markdown_cells
from llm_interview.site import model
from llm_interview.site.memo import KeptAcrossBuilds

from . import font, html
from .check import line_of, problem
from .config import MathConfig
from .render import Failure, Renderer, RenderError

log = logging.getLogger("mkdocs.plugins.llm_interview.math")


def _toc_items(items):
    for item in items:
        yield item
        yield from _toc_items(item.children)


class MathPlugin(KeptAcrossBuilds, BasePlugin[MathConfig]):
    renderer: Renderer | None = None

    def on_config(self, config):
        self.cache = Path(config.config_file_path).parent / self.config.cache
        if not (self.dirty and hasattr(self, "shown")):
            self.shown: dict[str, set[str]] = {}  # each page's <math> elements, for the font
        try:
            self.renderer = Renderer(self.cache)
        except RenderError as err:
            raise PluginError(str(err)) from None
        return config

    def on_page_content(self, page_html, page, config, files):
        found = html.spots(page_html)
        titles = [(i, html.text_spots(i.title, everywhere=True)) for i in _toc_items(page.toc)]
        titles = [(item, spots) for item, spots in titles if spots]
        every = found + [s for _, spots in titles for s in spots]
        self.shown.pop(page.file.src_uri, None)
        if not every:
            return page_html
        try:
            results = self.renderer.render((s.tex, s.display) for s in every)
        except RenderError as err:
            raise PluginError(str(err)) from None
        rendered = {}
        for spot, result in zip(every, results, strict=True):
            if isinstance(result, Failure):
                raise PluginError(self._where(spot, result, page, config))
            rendered[spot.tex, spot.display] = result
        self.shown[page.file.src_uri] = set(rendered.values())

        def mathml(spot: html.Spot) -> str:
            return rendered[spot.tex, spot.display]

        for item, spots in titles:
            item.title = html.replace(item.title, spots, mathml)
        return html.replace(page_html, found, mathml)

    def _where(self, spot: html.Spot, failure: Failure, page, config) -> str:
        """The failure as `docs/…:line: …`, found in the page's source or else in any page."""
        src = page.file.src_uri
        source = Path(page.file.abs_src_path).read_text(encoding="utf-8")
        pages = {f"docs/{src}": markdown_cells(source) if src.endswith(".py") else source}
        for other, text in model.of(config).markdown.items():
            pages.setdefault(f"docs/{other}", text)
        path, line = line_of(spot.tex, spot.display, pages) or (f"docs/{src}", 1)
        return str(problem(path, line, failure))

    def on_post_build(self, config):
        fresh, started = self.renderer.added, self.renderer.started
        self.renderer.close()
        shown = set().union(*self.shown.values())
        log.info("公式：%d 个，%d 个新渲染（Node 启动 %d 次）", len(shown), fresh, started)
        try:
            woff = font.subset_font(font.characters(shown), self.cache)
        except font.FontError as err:
            raise PluginError(str(err)) from None
        target = Path(config.site_dir) / font.URI
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(woff)
        (Path(config.site_dir) / font.LICENSE_URI).write_text(font.license_text(), "utf-8")

    def on_build_error(self, error):
        if self.renderer is not None:
            self.renderer.close()
