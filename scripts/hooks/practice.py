"""MkDocs hook: write the practice page's question bank, `practice.json`, from the question pages.

Every rendered question page (`<topic>/<page>.md`) gives its entries
(scripts/editorial/practice.py); after the build the bank is written at the site root, so a new
or edited entry is in practice mode with no extra step. The practice page (docs/practice.md,
driven by docs/assets/js/practice/) also gets the bank without its answers inline, in place of
its INDEX_MARKER: the first question shows as soon as the page is loaded, while the answers
arrive with practice.json.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from mkdocs.utils import get_relative_url

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from editorial.practice import bank, bank_entries, inline_index
from offline import is_offline_build

from seedsplit.layout import (
    is_question_page,
    overview_path,
    question_pages,
    site_pages,
    structure,
    topic_of,
)
from seedsplit.topics import TOPICS

BANK = "practice.json"
INDEX_MARKER = "<!-- practice:index -->"

_state: dict = {"entries": {}}


def on_files(files, config):
    pages = question_pages(site_pages(files))
    _state.update(entries={}, topics=structure(pages), files=files)
    return files


def on_page_content(html, page, config, files):
    src = page.file.src_uri
    if is_question_page(src):
        _state["entries"][src] = bank_entries(html, topic_of(src), page.url)
    return html


def _bank() -> dict:
    """The bank of every question page rendered so far (all of them once pages are being built),
    topic by topic in site order, each topic's pages in their order."""
    topics, entries = [], []
    for topic in TOPICS:
        found = [
            e for sub in _state["topics"][topic.slug] for e in _state["entries"].get(sub.src, [])
        ]
        if found:
            overview = _state["files"].get_file_from_path(overview_path(topic.slug))
            topics.append((topic.slug, topic.title, overview.url if overview else found[0].url))
            entries += found
    return bank(topics, entries)


def on_post_page(output, page, config):
    """The practice page gets the answer-free index inline and starts fetching the answers; the
    offline copy, opened from disk where nothing can be fetched, gets the answers inline too."""
    if INDEX_MARKER not in output:
        return output
    if is_offline_build(config):
        return output.replace(INDEX_MARKER, inline_index(_bank(), answers=True))
    bank_url = get_relative_url(BANK, page.url)
    preload = f'<link rel="preload" href="{bank_url}" as="fetch" crossorigin="anonymous">'
    return output.replace(INDEX_MARKER, preload + inline_index(_bank()))


def on_post_build(config):
    text = json.dumps(_bank(), ensure_ascii=False, separators=(",", ":"))
    (Path(config["site_dir"]) / BANK).write_text(text, encoding="utf-8")
