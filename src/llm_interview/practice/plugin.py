"""The practice plugin: writes the practice page's question bank, `practice.json`, from the
question pages as they render.

Every rendered question page gives its entries (practice.bank); after the build the bank is
written at the site root, so a new or edited entry is in practice mode with no extra step. The
practice page (docs/practice.md, driven by docs/assets/js/practice/) gets its setup form
(practice.setup) in place of SETUP_MARKER and the bank without its answers inline in place of
INDEX_MARKER: the page shows everything up to the first question with no request, and fetches
practice.json (most of its weight) only when the reader starts a session. The offline copy,
which cannot fetch from `file://`, gets the answers inline. Each question page gets its practice
controls (practice.marks) in its finished HTML.
"""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.utils import get_relative_url

from llm_interview.editions.offline import is_offline_build
from llm_interview.pages.layout import PRACTICE_PAGE, is_question_page, overview_path, topic_of
from llm_interview.pages.topics import TOPICS
from llm_interview.site import model
from llm_interview.site.memo import KeptAcrossBuilds

from .bank import bank, bank_entries, inline_index
from .config import PracticeConfig
from .marks import with_marks
from .setup import setup_form

INDEX_MARKER = "<!-- practice:index -->"
SETUP_MARKER = "<!-- practice:setup -->"


class PracticePlugin(KeptAcrossBuilds, BasePlugin[PracticeConfig]):
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
        src = page.file.src_uri
        practice_url = model.of(config).urls.get(PRACTICE_PAGE)
        if is_question_page(src) and practice_url is not None:
            here = get_relative_url(practice_url, page.url)
            return with_marks(output, self.entries.get(src, []), topic_of(src), here)
        if INDEX_MARKER not in output:
            return output
        document = self._bank(config)
        index = inline_index(document, answers=is_offline_build(config))
        return output.replace(INDEX_MARKER, index).replace(SETUP_MARKER, setup_form(document))

    def on_post_build(self, config):
        text = json.dumps(self._bank(config), ensure_ascii=False, separators=(",", ":"))
        (Path(config.site_dir) / self.config.bank).write_text(text, encoding="utf-8")
