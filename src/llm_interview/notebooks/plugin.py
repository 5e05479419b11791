"""The notebooks plugin (runnable notebooks, issue 4).

- on_config: reads the Jupytext sources (docs/notebooks/*.py) and the entries they illustrate.
- on_pre_page: hands mkdocs-jupyter (execute: false) the executed notebook from
  notebooks.execute, whose outputs are cached by code, so a Markdown edit re-renders without a
  kernel.
- on_page_markdown: adds a 动手实验 line after each illustrated entry on the topic pages.
- on_page_content: slims mkdocs-jupyter's HTML (notebooks.page), fixes heading ids and the TOC,
  adds the download / Colab / Binder / JupyterLite buttons.
- on_post_build: writes the .ipynb downloads and JupyterLite into `site/lite` (cached; skipped
  by `mkdocs serve`).

A source is read and exported again only when its text changes (site.memo), so a rebuild of
`mkdocs serve` re-reads only the notebook that was edited.
"""

from __future__ import annotations

import logging
import posixpath
import time
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.toc import get_toc
from mkdocs.utils import get_relative_url
from pymdownx.slugs import slugify

from llm_interview import compat
from llm_interview.editions.offline import is_offline_build
from llm_interview.site import model
from llm_interview.site.memo import KeptAcrossBuilds, Memo

from . import backlinks
from . import page as nbpage
from .config import NotebooksConfig
from .execute import NotebookError, executed
from .links import LITE_DIR, launch_links, lite_path, repo_path
from .lite import build_lite
from .sources import describe, discover, export

log = logging.getLogger("mkdocs.plugins.llm_interview.notebooks")
BACKLINK_PREFIX = "动手实验："  # the line already starts with 动手实验


def page_links(name: str, page_url: str, repo_url: str) -> dict[str, str]:
    """All four buttons' targets, relative to the notebook page where they live in the site."""
    lite, query = lite_path(name).split("?", 1)
    return {
        "download": get_relative_url(repo_path(name), page_url),
        "lite": f"{get_relative_url(lite, page_url)}?{query}",
        **launch_links(name, repo_url),
    }


def _export(src: str, source: tuple[str, str]) -> str:
    text, site_url = source
    return export(Path(src), site_url, text)


class NotebooksPlugin(KeptAcrossBuilds, BasePlugin[NotebooksConfig]):
    def __init__(self):
        super().__init__()
        self.described = Memo(lambda src, text: describe(Path(src), text))
        self.exported = Memo(_export)

    def on_config(self, config):
        folder = self.config.folder
        found = discover(Path(config.docs_dir) / folder, self.described.text)
        self.notebooks = {f"{folder}/{nb.source.name}": nb for nb in found}
        toc_config = config.mdx_configs.get("toc", {})
        self.slugify = toc_config.get("slugify") or slugify(case="lower")
        self.permalink_title = toc_config.get("permalink_title", "")
        return config

    def on_pre_page(self, page, config, files):
        """Render the executed copy in place of the source."""
        if page.file.src_uri not in self.notebooks:
            return page
        cache = Path(config.config_file_path).parent / ".cache" / "notebooks"
        try:
            run = executed(Path(page.file.abs_src_path), cache)
        except NotebookError as err:
            raise PluginError(str(err)) from None
        render = page.render

        def render_executed(config, files):
            with compat.rendering_from(page, str(run)):
                render(config, files)

        page.render = render_executed
        return page

    def on_page_markdown(self, markdown, page, config, files):
        src = page.file.src_uri
        if src in self.notebooks:
            return markdown
        here = posixpath.dirname(src)
        site = model.of(config)
        mine = set(site.ids.get(src, ()))
        links: dict[str, list[tuple[str, str]]] = {}
        for nb_src, nb in self.notebooks.items():
            for entry in (e for e in nb.entries if e in mine):
                label = nb.title.removeprefix(BACKLINK_PREFIX)
                links.setdefault(entry, []).append((label, posixpath.relpath(nb_src, here)))
        return site.append_to_entries(src, markdown, backlinks.backlink_blocks(links))

    def on_page_content(self, html, page, config, files):
        nb = self.notebooks.get(page.file.src_uri)
        if nb is None:
            return html

        def resolve(src_uri: str) -> str | None:
            target = files.get_file_from_path(src_uri)
            return target.url_relative_to(page.file) if target else None

        content = nbpage.mark_code(nbpage.unwrap_markdown(nbpage.strip_assets(html)))
        content, headings = nbpage.reid_headings(content, self.slugify, self.permalink_title)
        page.toc = get_toc(nbpage.toc_tokens(headings))
        here = posixpath.dirname(page.file.src_uri)
        content, missing = nbpage.rewrite_links(content, here, resolve)
        content = nbpage.sanitize(content)
        for link in missing:
            log.warning("%s links to a page that does not exist: %s", page.file.src_uri, link)
        bar = nbpage.action_bar(page_links(nb.name, page.url, config.repo_url))
        stylesheet = get_relative_url(self.config.stylesheet, page.url)
        head = f'<link rel="stylesheet" href="{stylesheet}">'
        return head + nbpage.insert_after_title(content, bar)

    def on_post_build(self, config):
        site = Path(config.site_dir)
        exports = {
            f"{nb.name}.ipynb": self.exported(
                str(nb.source), (nb.source.read_text(encoding="utf-8"), config.site_url or "")
            )
            for nb in self.notebooks.values()
        }
        for file_name, text in exports.items():
            (site / repo_path(Path(file_name).stem)).write_text(text, encoding="utf-8")
        if is_offline_build(config):
            return  # JupyterLite needs a web server: the offline copy says so on each notebook
        if self.command == "serve" and not self.config.lite_on_serve:
            log.info(
                "JupyterLite is not built by `mkdocs serve`; `mkdocs build` puts it in %s/",
                LITE_DIR,
            )
            return
        start = time.perf_counter()
        cache_dir = Path(config.config_file_path).parent / ".cache" / "jupyterlite"
        cached = build_lite(exports, site / LITE_DIR, cache_dir)
        how = "copied from cache" if cached else "built"
        log.info("JupyterLite %s in %.1f s", how, time.perf_counter() - start)
