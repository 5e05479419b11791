"""MkDocs hook: write the practice page's question bank, `practice.json`, from the topic pages.

Every rendered topic page (`<topic>/index.md`) gives its entries (scripts/editorial/practice.py);
after the build the bank is written at the site root, so a new or edited entry is in practice mode
with no extra step. The page itself is docs/practice.md, driven by docs/assets/js/practice/.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from editorial.practice import bank, bank_entries

from seedsplit.topics import SLUGS

BANK = "practice.json"

_pages: dict[str, tuple[str, str, list]] = {}


def on_pre_build(config):
    _pages.clear()


def on_page_content(html, page, config, files):
    slug = page.file.src_uri.removesuffix("/index.md")
    if slug in SLUGS and page.file.src_uri == f"{slug}/index.md":
        _pages[slug] = (page.title, page.url, bank_entries(html, slug, page.url))
    return html


def on_post_build(config):
    order = [s for s in SLUGS if s in _pages]
    topics = [(s, _pages[s][0], _pages[s][1]) for s in order]
    entries = [e for s in order for e in _pages[s][2]]
    text = json.dumps(bank(topics, entries), ensure_ascii=False, separators=(",", ":"))
    (Path(config["site_dir"]) / BANK).write_text(text, encoding="utf-8")
