"""The practice plugin: writes the practice page's question bank, `practice.json`, from the
question pages as they render.

Every rendered question page gives its entries (practice.bank); after the build the bank is
written at the site root, so a new or edited entry is in practice mode with no extra step. The
practice page (docs/practice.md, driven by docs/assets/js/practice/) also gets the bank without
its answers inline, in place of its INDEX_MARKER: the first question shows as soon as the page is
loaded, while the answers arrive with practice.json. The offline copy gets the answers inline.
"""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.utils import get_relative_url

from llm_interview.editions.offline import is_offline_build
from llm_interview.pages.layout import is_question_page, overview_path, topic_of
from llm_interview.pages.topics import TOPICS
from llm_interview.site import model

from .bank import bank, bank_entries, inline_index
from .config import PracticeConfig

INDEX_MARKER = "<!-- practice:index -->"


class PracticePlugin(BasePlugin[PracticeConfig]):
    dirty = False

    def on_startup(self, command, dirty):
        """Kept across `mkdocs serve` rebuilds: a dirty one renders only the changed pages."""
        self.dirty = dirty

    def on_config(self, config):
        if not (self.dirty and hasattr(self, "entries")):
            self.entries: dict[str, list] = {}
        return config

    @event_priority(-100)  # with search, listed before: both read the page's one parse
    def on_page_content(self, html, page, config, files):
        src = page.file.src_uri
        if is_question_page(src):
            site = model.of(config)
            tree, keywords = site.rendered(src, html), site.keywords.get(src, {})
            self.entries[src] = bank_entries(tree, topic_of(src), page.url, keywords)
        return html

    def _bank(self, config) -> dict:
        """The bank of every question page rendered so far (all of them once pages are being
        built), topic by topic in site order, each topic's pages in their order."""
        site = model.of(config)
        topics, entries = [], []
        for topic in TOPICS:
            found = [e for sub in site.topics[topic.slug] for e in self.entries.get(sub.src, [])]
            if found:
                url = site.urls.get(overview_path(topic.slug), found[0].url)
                topics.append((topic.slug, topic.title, url))
                entries += found
        return bank(topics, entries)

    def on_post_page(self, output, page, config):
        if INDEX_MARKER not in output:
            return output
        if is_offline_build(config):
            return output.replace(INDEX_MARKER, inline_index(self._bank(config), answers=True))
        bank_url = get_relative_url(self.config.bank, page.url)
        preload = f'<link rel="preload" href="{bank_url}" as="fetch" crossorigin="anonymous">'
        return output.replace(INDEX_MARKER, preload + inline_index(self._bank(config)))

    def on_post_build(self, config):
        text = json.dumps(self._bank(config), ensure_ascii=False, separators=(",", ":"))
        (Path(config.site_dir) / self.config.bank).write_text(text, encoding="utf-8")
