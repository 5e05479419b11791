"""MkDocs hook: write the practice page's question bank, `practice.json`, from the topic pages.

Every rendered topic page (`<topic>/index.md`) gives its entries (scripts/editorial/practice.py);
after the build the bank is written at the site root, so a new or edited entry is in practice mode
with no extra step. The practice page (docs/practice.md, driven by docs/assets/js/practice/) also
gets the bank without its answers inline, in place of its INDEX_MARKER: the first question shows
as soon as the page is loaded, while the answers arrive with practice.json.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from mkdocs.utils import get_relative_url

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from editorial.practice import bank, bank_entries, inline_index

from seedsplit.topics import SLUGS

BANK = "practice.json"
INDEX_MARKER = "<!-- practice:index -->"

_pages: dict[str, tuple[str, str, list]] = {}


def on_pre_build(config):
    _pages.clear()


def on_page_content(html, page, config, files):
    slug = page.file.src_uri.removesuffix("/index.md")
    if slug in SLUGS and page.file.src_uri == f"{slug}/index.md":
        _pages[slug] = (page.title, page.url, bank_entries(html, slug, page.url))
    return html


def _bank() -> dict:
    """The bank of every topic page rendered so far (all of them once pages are being built)."""
    order = [s for s in SLUGS if s in _pages]
    topics = [(s, _pages[s][0], _pages[s][1]) for s in order]
    return bank(topics, [e for s in order for e in _pages[s][2]])


def on_post_page(output, page, config):
    """The practice page gets the answer-free index inline and starts fetching the answers."""
    if INDEX_MARKER in output:
        bank_url = get_relative_url(BANK, page.url)
        preload = f'<link rel="preload" href="{bank_url}" as="fetch" crossorigin="anonymous">'
        return output.replace(INDEX_MARKER, preload + inline_index(_bank()))
    return output


def on_post_build(config):
    text = json.dumps(_bank(), ensure_ascii=False, separators=(",", ":"))
    (Path(config["site_dir"]) / BANK).write_text(text, encoding="utf-8")
