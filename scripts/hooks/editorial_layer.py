"""MkDocs hook for the editorial layer (issue 5).

- on_config: writes includes/abbreviations.md from scripts/glossary.yaml (tooltips) and swaps
  `abbr` for its CJK-aware variant.
- on_files: reads every topic page (`<topic>/index.md`) once: entries, titles, 勘误 notes.
- on_page_markdown: appends 相关问题 to each entry; fills the errata and glossary pages.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from editorial import errata, glossary, related
from editorial.abbr import CjkAbbrExtension
from editorial.entries import reader_text

from seedsplit.glossary import glossary_terms, uses
from seedsplit.pages import write_if_changed
from seedsplit.pagetext import entry_text, find_entries, page_title
from seedsplit.topics import SLUGS as TOPICS

SCRIPTS = Path(__file__).resolve().parents[1]
ABBREVIATIONS = "includes/abbreviations.md"
ERRATA_MARKER = "<!-- editorial:errata -->"
GLOSSARY_MARKER = "<!-- editorial:glossary -->"

_state: dict = {}


def on_config(config):
    _state["terms"] = glossary_terms()
    root = Path(config.config_file_path).parent
    write_if_changed(root / ABBREVIATIONS, glossary.abbreviations(_state["terms"]))
    exts = config.markdown_extensions
    if "abbr" in exts:
        exts[exts.index("abbr")] = CjkAbbrExtension(**config.mdx_configs.pop("abbr", {}))
    return config


def on_files(files, config):
    pages = {}
    for topic in TOPICS:
        file = files.get_file_from_path(f"{topic}/index.md")
        if file is not None:
            pages[file.src_uri] = file.content_string
    targets = {
        e.id: related.Target(path, e.title)
        for path, text in pages.items()
        for e in find_entries(text)
    }
    groups = yaml.safe_load((SCRIPTS / "related.yaml").read_text())["groups"]
    _state.update(
        pages=pages,
        targets=targets,
        related=related.neighbours(groups, set(targets)),
        notes=[(path, errata.parse_notes(text)) for path, text in pages.items()],
    )
    return files


def _glossary_page() -> str:
    terms = _state["terms"]
    used_in: dict[str, list[tuple[str, str, str]]] = {}
    for path, text in _state["pages"].items():
        for entry in find_entries(text):
            for term in uses(terms, reader_text(entry_text(text, entry))):
                used_in.setdefault(term.id, []).append((path, entry.id, entry.title))
    topics = [
        (t, page_title(_state["pages"][f"{t}/index.md"], t))
        for t in TOPICS
        if f"{t}/index.md" in _state["pages"]
    ]
    return glossary.render(terms, topics, used_in)


def on_page_markdown(markdown, page, config, files):
    src = page.file.src_uri
    if src in _state["pages"]:
        return related.insert(markdown, src, _state["related"], _state["targets"])
    if src == "errata.md":
        return markdown.replace(ERRATA_MARKER, errata.render(_state["notes"]))
    if src == "glossary.md":
        return markdown.replace(GLOSSARY_MARKER, _glossary_page())
    return markdown
