"""MkDocs hook: each topic is a folder of pages, and the site's structure is read off them
(scripts/seedsplit/layout.py).

- on_config: a topic's subtopic pages join the nav right after its overview, in their `order`.
- on_files: reads the structure off the pages as they are built; a page over the question limit,
  or an overview holding questions, stops the build with the message `make check` gives.
- on_page_markdown: a topic overview lists every question of the topic with a one-line summary.
- on_post_build: writes PERMALINKS, each question id → the URL of the page it is on, with which
  docs/assets/js/permalinks.js sends a link of the old form `<topic>/#<id>` to the question.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from editorial import entry_rules, overview
from mkdocs.exceptions import PluginError

from seedsplit.layout import overview_path, question_pages, read_pages, site_pages, structure

PERMALINKS = "assets/permalinks.json"
_state: dict = {}


def with_subpages(nav: list, topics: dict[str, list]) -> list:
    """The nav with each topic's subtopic pages inserted after its overview page."""
    out = []
    for item in nav:
        if isinstance(item, dict):
            item = {title: _entries(value, topics) for title, value in item.items()}
        out.append(item)
        if isinstance(item, str):
            out += [s.src for s in _subpages_of(item, topics) if s.src not in nav]
    return out


def _entries(value, topics: dict[str, list]):
    return with_subpages(value, topics) if isinstance(value, list) else value


def _subpages_of(src: str, topics: dict[str, list]) -> list:
    return next((subs for slug, subs in topics.items() if src == overview_path(slug)), [])


def on_config(config):
    if config.nav:
        topics = structure(read_pages(Path(config.docs_dir)))
        config.nav = with_subpages(config.nav, topics)
    return config


def on_files(files, config):
    markdown = site_pages(files)
    problems = entry_rules.placement_problems(markdown)
    if problems:
        raise PluginError(str(problems[0]))
    pages = question_pages(markdown)
    _state.update(pages=pages, topics=structure(pages), files=files)
    return files


def on_page_markdown(markdown, page, config, files):
    for slug, subpages in _state["topics"].items():
        if page.file.src_uri == overview_path(slug) and subpages:
            listing = overview.render(page.file.src_uri, subpages, _state["pages"])
            return markdown.rstrip("\n") + "\n\n" + listing
    return markdown


def permalinks() -> dict[str, str]:
    """Every question id with the site URL (relative to the site root) of its page."""
    files = _state["files"]
    return {
        entry_id: files.get_file_from_path(sub.src).url
        for subpages in _state["topics"].values()
        for sub in subpages
        for entry_id in sub.ids
    }


def on_post_build(config):
    text = json.dumps(permalinks(), ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    (Path(config.site_dir) / PERMALINKS).write_text(text, encoding="utf-8")
