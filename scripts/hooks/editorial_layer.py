"""MkDocs hook for the editorial layer (issue 5).

- on_config: writes includes/abbreviations.md from scripts/glossary.yaml (tooltips) and swaps
  `abbr` for its CJK-aware variant.
- on_files: stops the build on a question id used twice anywhere in the site (naming both
  places); reads every question page (scripts/seedsplit/layout.py) once: entries, titles and
  勘误 notes; picks each question's tags (at most three, from its page's front-matter vocabulary).
- on_files also adds one errata page per topic (`errata/<topic>.md`), so no page holds every note.
- on_page_markdown: puts a question's level and tags under its title (the level leaves the
  heading for a label with `data-level`) and appends 相关问题 to each entry;
  fills the errata, glossary, tags and 参考文献 pages; turns `[@key]` citations into links to
  the works in scripts/references.yaml.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from editorial import (
    bibliography,
    entry_rules,
    errata,
    frontmatter,
    glossary,
    levels,
    related,
    tags,
)
from editorial.abbr import CjkAbbrExtension
from editorial.entries import reader_text

from seedsplit.glossary import TermFinder, glossary_terms
from seedsplit.layout import question_pages, site_pages, structure, topic_of
from seedsplit.pages import write_if_changed
from seedsplit.pagetext import append_to_entries, find_entries
from seedsplit.topics import BY_SLUG, SLUGS, TOPICS

SCRIPTS = Path(__file__).resolve().parents[1]
ABBREVIATIONS = "includes/abbreviations.md"
ERRATA_MARKER = "<!-- editorial:errata -->"
ERRATA_DIR = "errata"
GLOSSARY_MARKER = "<!-- editorial:glossary -->"
REFERENCES_MARKER = "<!-- editorial:references -->"
TAGS_MARKER = "<!-- editorial:tags -->"

_state: dict = {}


def on_config(config):
    root = Path(config.config_file_path).parent
    _state["terms"] = glossary_terms()
    _state["finder"] = TermFinder(_state["terms"])
    write_if_changed(root / ABBREVIATIONS, glossary.abbreviations(_state["terms"]))
    exts = config.markdown_extensions
    if "abbr" in exts:
        exts[exts.index("abbr")] = CjkAbbrExtension(**config.mdx_configs.pop("abbr", {}))
    return config


def on_files(files, config):
    markdown = site_pages(files)
    _refuse(
        [
            p
            for src, text in markdown.items()
            for p in frontmatter.front_matter_problems(f"docs/{src}", text)
        ]
    )
    _check_unique_ids(markdown)
    questions = tags.questions(markdown)
    pages = question_pages(markdown)
    targets = {
        e.id: related.Target(path, e.title)
        for path, text in pages.items()
        for e in find_entries(text)
    }
    groups = yaml.safe_load((SCRIPTS / "related.yaml").read_text())["groups"]
    citations = [c for path, text in pages.items() for c in bibliography.find_citations(path, text)]
    try:
        works = bibliography.load(SCRIPTS / "references.yaml")
        bibliography.check(works, citations)
    except bibliography.BibliographyError as err:
        raise PluginError(str(err)) from None
    _state.update(
        works=works,
        citations=citations,
        pages=pages,
        targets=targets,
        related=_neighbours(groups, set(targets)),
        notes=_errata_notes(pages),
        markdown=markdown,
        questions=questions,
        tag_ids=tags.anchors(questions),
    )
    subpages = (s for t in structure(pages).values() for s in t)
    _state["order"] = {sub.src: n for n, sub in enumerate(subpages)}  # reading order of pages
    for src, markdown in _errata_pages(_state["notes"]).items():
        files.append(File.generated(config, src, content=markdown))
    return files


def _by_topic(notes: list) -> dict[str, list]:
    """The (page, notes) pairs of each topic that has notes, topics and pages in reading order."""
    order = _state["order"]
    grouped: dict[str, list] = {}
    for path, found in sorted(notes, key=lambda pair: order.get(pair[0], len(order))):
        if found:
            grouped.setdefault(topic_of(path), []).append((path, found))
    return {t.slug: grouped[t.slug] for t in TOPICS if t.slug in grouped}


def _errata_pages(notes: list) -> dict[str, str]:
    """One generated errata page per topic with notes."""
    pages = {}
    for slug, pairs in _by_topic(notes).items():
        src = f"{ERRATA_DIR}/{slug}.md"
        head = f"---\nsearch:\n  exclude: true\n---\n\n# 勘误 · {BY_SLUG[slug].title}\n\n"
        back = "本页列出这个主题各题的勘误说明，[勘误总览](../errata.md)说明了勘误的写法。\n\n"
        pages[src] = head + back + errata.render(pairs, src)
    return pages


def _errata_index(notes: list) -> str:
    """The errata page's list: every topic with the number of its notes, linking to its page."""
    lines = [errata.summary([n for _, found in notes for n in found]), ""]
    for slug, pairs in _by_topic(notes).items():
        found = [n for _, group in pairs for n in group]
        entries = len({n.entry_id for n in found})
        link = f"[{BY_SLUG[slug].title}]({ERRATA_DIR}/{slug}.md)"
        lines.append(f"- {link}：{entries} 道题，{errata.summary(found).removeprefix('共 ')}")
    return "\n".join(lines)


def _neighbours(groups: list[list[str]], ids: set[str]) -> dict[str, list[str]]:
    try:
        return related.neighbours(groups, ids)
    except related.RelatedError as err:
        raise PluginError(str(err)) from None


def _refuse(problems: list) -> None:
    """Stop the build on the first problem, as one `file:line: message` line."""
    if problems:
        raise PluginError(str(problems[0]))


def _check_unique_ids(markdown: dict[str, str]) -> None:
    """A question id used twice anywhere in the site stops the build, naming both places."""
    _refuse(entry_rules.duplicate_ids(markdown))


def _errata_notes(pages: dict[str, str]) -> list:
    """Every page's 勘误 notes; a malformed note stops the build with one line naming it."""
    found = []
    for path, text in pages.items():
        try:
            found.append((path, errata.parse_notes(text)))
        except errata.ErrataError as err:
            raise PluginError(f"docs/{path}:{err.line}: {err}") from None
    return found


def _glossary_page() -> str:
    terms = _state["terms"]
    used_in: dict[str, list[tuple[str, str, str]]] = {}
    for path, text in _state["pages"].items():
        lines = text.split("\n")
        for entry in find_entries(text):
            seen = reader_text("\n".join(lines[entry.start : entry.end]))
            for term in _state["finder"].uses(seen):
                used_in.setdefault(term.id, []).append((path, entry.id, entry.title))
    return glossary.render(terms, [(t.slug, t.title) for t in TOPICS], used_in)


def _filled(markdown: str, src: str) -> str:
    """The page's Markdown with its generated parts in place."""
    chips = tags.chips(src, _state["questions"], _state["tag_ids"])
    if src in _state["pages"] or chips:  # one parse of the page for both
        on_topic_page = src in _state["pages"]
        ends = related.blocks(src, _state["related"], _state["targets"]) if on_topic_page else {}
        return levels.without_levels(append_to_entries(markdown, ends, chips))
    if src == "errata.md":
        return markdown.replace(ERRATA_MARKER, _errata_index(_state["notes"]))
    if src == "glossary.md":
        return markdown.replace(GLOSSARY_MARKER, _glossary_page())
    if src == tags.TAGS_PAGE:
        listing = tags.tags_page(_state["questions"], _state["markdown"], list(SLUGS))
        return markdown.replace(TAGS_MARKER, listing)
    if src == "references.md":
        listing = bibliography.render(_state["works"], _state["citations"], src)
        return markdown.replace(REFERENCES_MARKER, listing)
    return markdown


def on_page_markdown(markdown, page, config, files):
    return bibliography.replace(_filled(markdown, page.file.src_uri), _state["works"])
