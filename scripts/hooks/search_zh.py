"""Search hook: the index holds questions, not pages, and the site's own worker searches it.

- on_page_content: takes each question's 关键词 line out of the page (readers never see it) and
  keeps it, with the title, answer and 原始回答 in plain text, as the section's search record.
  Notebook pages and the home page are weighted below the questions: their prose repeats the
  terms of the entries they illustrate or list.
- on_post_page / on_post_template: points Material's search at our worker
  (docs/assets/js/search/worker.js), its documented "custom search" route: the page's
  `__config.search` names the worker script. Material's own worker is left unchanged.
- on_post_build: replaces the documents of Material's search_index.json by those records, before
  the offline plugin inlines the index (the worker is bundled into one script by hooks/bundle.py).
  Except in the offline copy the records go into files of their own that the worker fetches on
  the first focus of the search box (searchindex.index, assets/js/search/lazy.js).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # scripts/

from offline import is_offline_build
from searchindex.index import rewrite
from searchindex.records import Record, page_records, without_keyword_lines

from seedsplit.layout import is_overview, is_question_page

LOW_BOOST = 0.2
WORKER = "assets/js/search/worker.js"
# Material's worker as its page configuration names it: "search": "../assets/…/search.<hash>.min.js"
MATERIAL_WORKER = re.compile(
    r'("search":\s*"[^"]*?)assets/javascripts/workers/search\.\w+\.min\.js"'
)

_pages: dict[str, tuple[list[Record], float | None]] = {}


def search_plugin(config):
    """Material's search plugin as configured in `config`, or None."""
    return config.plugins.get("material/search") or config.plugins.get("search")


@event_priority(-100)  # after the other hooks have finished the page's HTML
def on_page_content(html, page, config, files):
    search = page.meta.get("search") or {}
    if page.file.src_uri.startswith("notebooks/") or page.is_homepage:
        search = page.meta["search"] = {"boost": LOW_BOOST, **search}
    if not search.get("exclude") and not is_overview(page.file.src_uri):
        records = page_records(html, page.url, page.title or "")
        if is_question_page(page.file.src_uri):  # its questions, not its title, answer a query
            records = [r for r in records if "#" in r.location]
        _pages[page.url] = (records, search.get("boost"))
    # Our records replace every document of Material's index (on_post_build), so Material need
    # not parse the page for its own: that parsing was a quarter of a warm build.
    page.meta["search"] = {**search, "exclude": True}
    return without_keyword_lines(html)


def _use_our_worker(output: str, name: str) -> str:
    if '"search":' not in output:
        return output
    swapped, count = MATERIAL_WORKER.subn(rf'\g<1>{WORKER}"', output)
    if count != 1:
        raise PluginError(
            f"search: {name} does not name Material's search worker where it used to "
            '(`"search": ".../workers/search.<hash>.min.js"` in __config); Material changed '
            "its page configuration, so scripts/hooks/search_zh.py can no longer swap in ours"
        )
    return swapped


def on_post_page(output, page, config):
    return _use_our_worker(output, page.file.src_uri)


def on_post_template(output_content, template_name, config):
    return _use_our_worker(output_content, template_name)


@event_priority(-50)  # after Material's search plugin writes the index, before offline inlines it
def on_post_build(config):
    if search_plugin(config) is None:
        return
    inline = is_offline_build(config)
    rewrite(Path(config.site_dir), list(_pages.values()), worker=None if inline else WORKER)
