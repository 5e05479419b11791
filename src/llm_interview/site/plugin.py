"""The site plugin: checks the data files, builds the site model once (on_files) for every other
plugin, lays topics out (nav, overview listings, permalinks) and fills the home page.

- on_config: the data files' shape and text rules, the same as `make check`; bad data stops the
  build with one `file:line` line.
- on_files: reads every page once into the model; a page over the question limit, or an overview
  holding questions, stops the build with the message `make check` gives; subtopic pages join the
  nav after their overview, in their `order`.
- on_page_markdown: every page's keyword lines move from its Markdown into the model (search
  and practice read them there; they never reach the HTML); topic overviews link their PDF and
  list every question; the home page gets its cards and download links; an include-only page's
  edit link opens the included file.
- on_env: the theme's templates compiled once per `mkdocs serve` (templates.py).
- on_post_page: writes what the page scripts need to know into the page's <head> (facts.py).
- on_post_build: writes the permalinks file (each question id → its page).

What the data check and the model derive from a file is kept across the rebuilds of one
`mkdocs serve` and derived again only from the files that changed (site.memo); a dirty rebuild
also renders the overview and home page whose listings an edit changed (dependents.py).
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority

from llm_interview import compat
from llm_interview.checks import datafields, entry_rules
from llm_interview.editorial import levels, overview
from llm_interview.pages.keywords import section_keywords, without_keyword_lines
from llm_interview.pages.layout import PRACTICE_PAGE, overview_path, subpage

from . import dates, downloads, edit_links, facts, home
from .config import SiteConfig
from .dependents import stale_pages
from .memo import KeptAcrossBuilds, Memo
from .model import SiteModel
from .nav import with_subpages
from .templates import CompiledTemplates


class SitePlugin(KeptAcrossBuilds, BasePlugin[SiteConfig]):
    model: SiteModel | None = None
    built: SiteModel | None = None  # the model of the last build that finished
    changed: dict | None = None  # each page's last commit time, when the site shows dates

    def __init__(self):
        super().__init__()
        self.data_problems = Memo(datafields.file_problems)
        self.subpages = Memo(subpage)
        self.templates = CompiledTemplates()

    def on_config(self, config):
        compat.warn_untested()
        problems = datafields.problems(Path(config.config_file_path).parent, self.data_problems)
        if problems:
            raise PluginError(str(problems[0]))
        return config

    @event_priority(100)  # before every other plugin reads the model
    def on_files(self, files, config):
        self.model = SiteModel.from_files(files, self.subpages)
        problems = entry_rules.placement_problems(self.model.markdown)
        if problems:
            raise PluginError(str(problems[0]))
        if self.dirty and self.built is not None:
            for src in stale_pages(self.built, self.model):
                compat.render_again(files.get_file_from_path(src))
        if config.nav:
            config.nav = with_subpages(config.nav, self.model.topics)
        self.started = datetime.now(dates.SHANGHAI)
        root = Path(config.config_file_path).parent
        self.changed = (
            dates.last_changed(root, Path(config.docs_dir)) if self.config.dates else None
        )
        return files

    def on_page_markdown(self, markdown, page, config, files):
        page.edit_url = edit_links.edit_url(markdown, page, config)
        src = page.file.src_uri
        if self.changed is not None:  # Material shows it under the page
            page.meta["revision_date"] = dates.revision_date(self.changed.get(src, self.started))
        # Read off the page as the model holds it (front matter and all): its parse is cached.
        self.model.keywords[src] = section_keywords(self.model.markdown.get(src, markdown))
        # Lines kept in place, so the page's entries are known without a parse (model.start_page).
        markdown = without_keyword_lines(markdown)
        if src in self.model.pages:
            markdown = levels.question_headings(markdown)
            self.model.start_page(src, markdown)
        for slug, subpages in self.model.topics.items():
            if src == overview_path(slug) and subpages:
                count = len(self.model.topic_ids(slug))
                pdf = downloads.topic_line(config.site_url or "", self.config.pdf, slug, count)
                listing = overview.render(src, subpages, self.model.pages)
                return f"{markdown.rstrip()}\n\n{pdf}\n\n{listing}"
        if home.MARKER in markdown:
            markdown = markdown.replace(home.MARKER, home.topic_cards(self.model))
        if downloads.MARKER in markdown:
            line = downloads.home_line(
                config.site_url or "", self.config.pdf, self.config.offline_zip
            )
            markdown = markdown.replace(downloads.MARKER, line)
        return markdown

    def on_env(self, env, config, files):
        env.bytecode_cache = self.templates
        return env

    def on_post_page(self, output, page, config):
        practice_url = self.model.urls.get(PRACTICE_PAGE, "")
        return facts.with_facts(output, page.file.src_uri, practice_url)

    def on_post_build(self, config):
        self.built = self.model  # what the next dirty rebuild's listings are compared with
        links = self.model.permalinks()
        text = json.dumps(links, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
        (Path(config.site_dir) / self.config.permalinks).write_text(text, encoding="utf-8")
