"""The search plugin: the index holds questions, not pages, and the site's own worker searches it.

- on_page_content: each question's title, answer and 原始回答 in plain text, with its keywords
  from the site model (they never reach the page), become the section's search record.
- on_post_page / on_post_template: points Material's search at our worker
  (docs/assets/js/search/worker.js), its documented "custom search" route (see compat).
- on_post_build: replaces the documents of Material's search_index.json by those records, before
  the offline plugin inlines the index. Except in the offline copy the records go into files of
  their own that the worker fetches on the first focus of the search box (search.index).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import BasePlugin, event_priority

from llm_interview import compat
from llm_interview.editions.offline import is_offline_build
from llm_interview.pages.layout import is_overview, is_question_page
from llm_interview.site import model
from llm_interview.site.memo import KeptAcrossBuilds

from .config import SearchConfig
from .index import rewrite
from .records import Record, page_records


class SearchPlugin(KeptAcrossBuilds, BasePlugin[SearchConfig]):
    def on_config(self, config):
        if not (self.dirty and hasattr(self, "pages")):
            self.pages: dict[str, tuple[list[Record], float | None]] = {}
        return config

    @event_priority(-100)  # after the other plugins have finished the page's HTML
    def on_page_content(self, html, page, config, files):
        search = page.meta.get("search") or {}
        if page.file.src_uri.startswith(tuple(self.config.low_boost_pages)) or page.is_homepage:
            search = page.meta["search"] = {"boost": self.config.low_boost, **search}
        if not search.get("exclude") and not is_overview(page.file.src_uri):
            site = model.of(config)
            keywords = site.keywords.get(page.file.src_uri, {})
            tree = site.rendered(page.file.src_uri, html)  # the practice bank reads it too
            records = page_records(tree, page.url, page.title or "", keywords)
            if is_question_page(page.file.src_uri):  # its questions, not its title, answer
                records = [r for r in records if "#" in r.location]
            self.pages[page.url] = (records, search.get("boost"))
        # Our records replace every document of Material's index (on_post_build), so Material
        # need not parse the page for its own: that parsing was a quarter of a warm build.
        page.meta["search"] = {**search, "exclude": True}
        return html

    def on_post_page(self, output, page, config):
        return compat.use_search_worker(output, page.file.src_uri, self.config.worker)

    def on_post_template(self, output_content, template_name, config):
        return compat.use_search_worker(output_content, template_name, self.config.worker)

    @event_priority(-50)  # after Material's search plugin writes the index, before offline
    def on_post_build(self, config):
        if compat.search_plugin(config) is None:
            return
        worker = None if is_offline_build(config) else self.config.worker
        rewrite(Path(config.site_dir), list(self.pages.values()), worker=worker)
