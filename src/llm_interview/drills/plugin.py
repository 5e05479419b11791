"""The drills plugin (手撕代码): one page per drill folder, the files its workbench loads, its
download, links both ways with the questions it practises, and Pyodide served from the site.

- on_files: reads drills/<id>/ (a broken drill stops the build with its `file:line`), adds each
  drill's page, its spec (`assets/drills/<id>.json`: the cases), the shared harness, the `.py`
  download, and Pyodide's core from node_modules; the drill pages join the nav after the
  section page (docs/drills/index.md).
- on_page_markdown: the section page lists the drills; a question a drill practises gets a
  手撕代码 line linking to it.
- on_page_content: the section's pages link the drills' stylesheet, no other page loads it; the
  link is in the content, which instant navigation swaps (it keeps the head it started with).
"""

from __future__ import annotations

import json
import posixpath
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from llm_interview.notebooks.backlinks import backlink_blocks
from llm_interview.pages.pagetext import find_entries
from llm_interview.site import model
from llm_interview.site.edit_links import repository_edit_url
from llm_interview.site.generated import generated_file
from llm_interview.site.memo import KeptAcrossBuilds, Memo

from . import harness
from . import page as pages
from .config import DrillsConfig
from .download import download
from .pyodide import pyodide_files
from .source import DrillError, load, load_all

LIST_MARKER = "<!-- drills:list -->"


def _insert_after(nav: list, src: str, pages: list[str]) -> list:
    """The nav with `pages` right after the entry `src` (wherever it is nested)."""
    out = []
    for item in nav:
        if isinstance(item, dict):
            item = {
                k: _insert_after(v, src, pages) if isinstance(v, list) else v
                for k, v in item.items()
            }
        out.append(item)
        if item == src:
            out += [p for p in pages if p not in nav]
    return out


class DrillsPlugin(KeptAcrossBuilds, BasePlugin[DrillsConfig]):
    def __init__(self):
        super().__init__()
        self.loaded = Memo(lambda folder, _: load(Path(folder)))  # again when a file changes

    def on_files(self, files, config):
        root = Path(config.config_file_path).parent
        try:
            self.drills = load_all(root / self.config.source, self.loaded.folder)
        except DrillError as err:
            raise PluginError(str(err)) from None
        section = self.config.section
        self.index = f"{section}/index.md"
        self.by_page = {f"{section}/{d.id}.md": d for d in self.drills}
        entries = {
            e.id: (src, e.title)
            for src, text in model.of(config).pages.items()
            for e in find_entries(text)
        }
        self.practised: dict[str, list[tuple[str, str]]] = {}  # question id → [(drill title, src)]
        for drill in self.drills:
            related = []
            for qid in drill.related:
                if qid not in entries:
                    where = f"{self.config.source}/{drill.id}/task.md:2"
                    raise PluginError(
                        f"{where}: related 里的题目 id「{qid}」不存在（见题目标题里的 {{#id}}）"
                    )
                src, title = entries[qid]
                related.append((title, posixpath.relpath(src, section) + f"#{qid}"))
                self.practised.setdefault(qid, []).append((drill.title, f"{section}/{drill.id}.md"))
            url = f"{config.site_url or ''}{section}/{drill.id}/"
            self._add(
                files, config, f"{section}/{drill.id}.md", pages.drill_page(drill, related, section)
            )
            self._add(files, config, f"{section}/{drill.id}/{drill.id}.py", download(drill, url))
            spec = {"id": drill.id, "runtime": drill.runtime, "timeout": self.config.timeout_ms}
            spec |= {
                "packages": ["numpy"] if drill.runtime == "numpy" else [],
                "cases": drill.cases,
            }
            self._add(
                files,
                config,
                f"assets/drills/{drill.id}.json",
                json.dumps(spec, ensure_ascii=False),
            )
        self._add(
            files, config, "assets/drills/harness.py", Path(harness.__file__).read_text("utf-8")
        )
        for uri, source in pyodide_files():
            files.append(File.generated(config, uri, abs_src_path=str(source)))
        if config.nav:
            drill_pages = [f"{section}/{d.id}.md" for d in self.drills]
            config.nav = _insert_after(config.nav, self.index, drill_pages)
        return files

    @staticmethod
    def _add(files, config, uri: str, content: str) -> None:
        files.append(generated_file(config, uri, content))

    def on_page_markdown(self, markdown, page, config, files):
        src = page.file.src_uri
        drill = self.by_page.get(src)
        if drill is not None:
            page.edit_url = repository_edit_url(config, f"{self.config.source}/{drill.id}/task.md")
            return markdown
        if src == self.index:
            return markdown.replace(LIST_MARKER, pages.drill_list(self.drills))
        here = posixpath.dirname(src)
        site = model.of(config)
        links = {
            qid: [(title, posixpath.relpath(target, here)) for title, target in found]
            for qid in site.ids.get(src, ())
            if (found := self.practised.get(qid))
        }
        return site.append_to_entries(src, markdown, backlink_blocks(links, label="手撕代码"))

    def on_page_content(self, html, page, config, files):
        if not page.file.src_uri.startswith(f"{self.config.section}/"):
            return html
        stylesheet = get_relative_url(self.config.stylesheet, page.url)
        return f'<link rel="stylesheet" href="{stylesheet}">' + html
