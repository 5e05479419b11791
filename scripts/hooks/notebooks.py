"""MkDocs hook for the runnable notebooks (issue 4).

- on_config: reads the Jupytext sources (docs/notebooks/*.py) and the entries they illustrate.
- on_pre_page: hands mkdocs-jupyter (execute: false) the executed notebook from nbtools.execute,
  whose outputs are cached by code, so a Markdown edit re-renders without a kernel.
- on_page_markdown: adds a 动手实验 line after each illustrated entry on the topic pages.
- on_page_content: slims mkdocs-jupyter's HTML (see nbtools.page), fixes heading ids and the TOC,
  adds the download / Colab / Binder / JupyterLite buttons.
- on_post_build: writes the .ipynb downloads and JupyterLite into `site/lite` (cached; skipped
  by `mkdocs serve`).
"""

from __future__ import annotations

import logging
import posixpath
import sys
import time
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.toc import get_toc
from mkdocs.utils import get_relative_url
from pymdownx.slugs import slugify

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from nbtools import backlinks
from nbtools import page as nbpage
from nbtools.execute import NotebookError, executed
from nbtools.links import LITE_DIR, launch_links, lite_path, repo_path
from nbtools.lite import build_lite
from nbtools.sources import discover, export

log = logging.getLogger("mkdocs.hooks.notebooks")
STYLESHEET = "notebooks/notebook.css"
BACKLINK_PREFIX = "动手实验："  # the line already starts with 动手实验
_state: dict = {"command": "build", "notebooks": {}}


def on_startup(command, dirty):
    _state["command"] = command


def on_config(config):
    notebooks = discover(Path(config.docs_dir) / "notebooks")
    _state["notebooks"] = {f"notebooks/{nb.source.name}": nb for nb in notebooks}
    toc_config = config.mdx_configs.get("toc", {})
    _state["slugify"] = toc_config.get("slugify") or slugify(case="lower")
    _state["permalink_title"] = toc_config.get("permalink_title", "")


def on_pre_page(page, config, files):
    """Render the executed copy: mkdocs-jupyter reads `abs_src_path` while it renders."""
    if page.file.src_uri not in _state["notebooks"]:
        return page
    source = page.file.abs_src_path
    try:
        run = executed(Path(source), Path(config.config_file_path).parent / ".cache" / "notebooks")
    except NotebookError as err:
        raise PluginError(str(err)) from None
    render = page.render

    def render_executed(config, files):
        page.file.abs_src_path = str(run)
        try:
            render(config, files)
        finally:
            page.file.abs_src_path = source

    page.render = render_executed
    return page


def on_page_markdown(markdown, page, config, files):
    src = page.file.src_uri
    if src in _state["notebooks"]:
        return markdown
    here = posixpath.dirname(src)
    links: dict[str, list[tuple[str, str]]] = {}
    for nb_src, nb in _state["notebooks"].items():
        for entry in nb.entries:
            label = nb.title.removeprefix(BACKLINK_PREFIX)
            links.setdefault(entry, []).append((label, posixpath.relpath(nb_src, here)))
    return backlinks.insert_backlinks(markdown, links)


def page_links(name: str, page_url: str, repo_url: str) -> dict[str, str]:
    """All four buttons' targets, relative to the notebook page where they live in the site."""
    lite, query = lite_path(name).split("?", 1)
    return {
        "download": get_relative_url(repo_path(name), page_url),
        "lite": f"{get_relative_url(lite, page_url)}?{query}",
        **launch_links(name, repo_url),
    }


def on_page_content(html, page, config, files):
    nb = _state["notebooks"].get(page.file.src_uri)
    if nb is None:
        return html

    def resolve(src_uri: str) -> str | None:
        target = files.get_file_from_path(src_uri)
        return target.url_relative_to(page.file) if target else None

    content = nbpage.mark_code(nbpage.unwrap_markdown(nbpage.strip_assets(html)))
    content, headings = nbpage.reid_headings(content, _state["slugify"], _state["permalink_title"])
    page.toc = get_toc(nbpage.toc_tokens(headings))
    content, missing = nbpage.rewrite_links(content, posixpath.dirname(page.file.src_uri), resolve)
    content = nbpage.sanitize(content)
    for link in missing:
        log.warning("%s links to a page that does not exist: %s", page.file.src_uri, link)
    bar = nbpage.action_bar(page_links(nb.name, page.url, config.repo_url))
    stylesheet = get_relative_url(STYLESHEET, page.url)
    head = f'<link rel="stylesheet" href="{stylesheet}">'
    return head + nbpage.insert_after_title(content, bar)


def on_post_build(config):
    site = Path(config.site_dir)
    exports = {
        f"{nb.name}.ipynb": export(nb.source, config.site_url or "")
        for nb in _state["notebooks"].values()
    }
    for file_name, text in exports.items():
        (site / repo_path(Path(file_name).stem)).write_text(text, encoding="utf-8")
    if _state["command"] == "serve":
        log.info(
            "JupyterLite is not built by `mkdocs serve`; `mkdocs build` puts it in %s/", LITE_DIR
        )
        return
    start = time.perf_counter()
    cache_dir = Path(config.config_file_path).parent / ".cache" / "jupyterlite"
    cached = build_lite(exports, site / LITE_DIR, cache_dir)
    log.info(
        "JupyterLite %s in %.1f s",
        "copied from cache" if cached else "built",
        time.perf_counter() - start,
    )
