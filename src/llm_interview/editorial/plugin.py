"""The editorial plugin (issue 5): errata, related questions, glossary, tags, levels, citations.

- on_config: writes includes/abbreviations.md from data/glossary.yaml (tooltips) and swaps
  `abbr` for its CJK-aware variant.
- on_files: stops the build on bad front matter or a question id used twice (naming both
  places); reads entries, titles and 勘误 notes off the site model; picks each question's tags;
  adds one errata page per topic (`errata/<topic>.md`), so no page holds every note.
- on_page_markdown: puts a question's level and tags under its title and appends 相关问题 to
  each entry; fills the errata, glossary, tags and 参考文献 pages; turns `[@key]` citations into
  links to the works in data/references.yaml.

What it reads off a data file or a page (front matter problems, citations, tags, the
bibliography, the related groups) is kept across the rebuilds of one `mkdocs serve` and read
again only from the files that changed (site.memo).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin

from llm_interview import paths
from llm_interview.checks import entry_rules, frontmatter
from llm_interview.importer.topicpages import write_if_changed
from llm_interview.pages import yamltext
from llm_interview.pages.formulas import without_formulas
from llm_interview.pages.glossary import TermFinder, glossary_terms
from llm_interview.pages.layout import topic_of
from llm_interview.pages.pagetext import find_entries
from llm_interview.pages.topics import BY_SLUG, SLUGS, TOPICS
from llm_interview.site import model
from llm_interview.site.generated import generated_file
from llm_interview.site.memo import KeptAcrossBuilds, Memo

from . import bibliography, errata, glossary, related, tags
from .abbr import CjkAbbrExtension
from .config import EditorialConfig
from .entries import reader_text

ERRATA_MARKER = "<!-- editorial:errata -->"
GLOSSARY_MARKER = "<!-- editorial:glossary -->"
REFERENCES_MARKER = "<!-- editorial:references -->"
TAGS_MARKER = "<!-- editorial:tags -->"


def refuse(problems: list) -> None:
    """Stop the build on the first problem, as one `file:line: message` line."""
    if problems:
        raise PluginError(str(problems[0]))


def _errata_notes(pages: dict[str, str]) -> list:
    """Every page's 勘误 notes; a malformed note stops the build with one line naming it."""
    found = []
    for path, text in pages.items():
        try:
            found.append((path, errata.parse_notes(text)))
        except errata.ErrataError as err:
            raise PluginError(f"docs/{path}:{err.line}: {err}") from None
    return found


def _related_groups(path: str, text: str) -> list[list[str]]:
    return yamltext.load(text)["groups"]


class EditorialPlugin(KeptAcrossBuilds, BasePlugin[EditorialConfig]):
    def __init__(self):
        super().__init__()
        self.front_matter_problems = Memo(frontmatter.front_matter_problems)
        self.page_citations = Memo(bibliography.find_citations)
        self.bibliography = Memo(lambda path, text: bibliography.parse(text))
        self.related_groups = Memo(_related_groups)
        self.page_questions = Memo(lambda path, texts: tags.page_questions(path, *texts))

    def on_config(self, config):
        root = Path(config.config_file_path).parent
        self.terms = glossary_terms()
        self.finder = TermFinder(self.terms)
        write_if_changed(root / self.config.abbreviations, glossary.abbreviations(self.terms))
        exts = config.markdown_extensions
        if "abbr" in exts:
            exts[exts.index("abbr")] = CjkAbbrExtension(**config.mdx_configs.pop("abbr", {}))
        return config

    def on_files(self, files, config):
        site = model.of(config)
        markdown, pages = site.markdown, site.pages
        refuse(
            [
                p
                for src, text in markdown.items()
                for p in self.front_matter_problems(f"docs/{src}", text)
            ]
        )
        refuse(entry_rules.duplicate_ids(markdown))
        self.questions = tags.questions(
            markdown, lambda path, text, section: self.page_questions(path, (text, section))
        )
        self.questions_on: dict[str, list] = {}
        for question in self.questions:
            self.questions_on.setdefault(question.page, []).append(question)
        self.tag_ids = tags.anchors(self.questions)
        self.targets = {
            e.id: related.Target(path, e.title)
            for path, text in pages.items()
            for e in find_entries(text)
        }
        groups = self.related_groups.text(paths.DATA / "related.yaml")
        self.citations = [
            c for path, text in pages.items() for c in self.page_citations(path, text)
        ]
        try:
            self.works = self.bibliography.text(paths.DATA / "references.yaml")
            bibliography.check(self.works, self.citations)
            self.related = related.neighbours(groups, set(self.targets))
        except (bibliography.BibliographyError, related.RelatedError) as err:
            raise PluginError(str(err)) from None
        self.notes = _errata_notes(pages)
        subpages = (s for t in site.topics.values() for s in t)
        self.order = {sub.src: n for n, sub in enumerate(subpages)}  # reading order of pages
        for src, text in self._errata_pages().items():
            files.append(generated_file(config, src, text))
        return files

    def _by_topic(self) -> dict[str, list]:
        """The (page, notes) pairs of each topic with notes, topics and pages in reading order."""
        grouped: dict[str, list] = {}
        ordered = sorted(self.notes, key=lambda pair: self.order.get(pair[0], len(self.order)))
        for path, found in ordered:
            if found:
                grouped.setdefault(topic_of(path), []).append((path, found))
        return {t.slug: grouped[t.slug] for t in TOPICS if t.slug in grouped}

    def _errata_pages(self) -> dict[str, str]:
        """One generated errata page per topic with notes."""
        pages = {}
        for slug, pairs in self._by_topic().items():
            src = f"{self.config.errata_dir}/{slug}.md"
            head = f"---\nsearch:\n  exclude: true\n---\n\n# 勘误 · {BY_SLUG[slug].title}\n\n"
            back = "本页列出这个主题各题的勘误说明，[勘误总览](../errata.md)说明了勘误的写法。\n\n"
            pages[src] = head + back + errata.render(pairs, src)
        return pages

    def _errata_index(self) -> str:
        """The errata page's list: every topic with the number of its notes, linking to it."""
        lines = [errata.summary([n for _, found in self.notes for n in found]), ""]
        for slug, pairs in self._by_topic().items():
            found = [n for _, group in pairs for n in group]
            entries = len({n.entry_id for n in found})
            link = f"[{BY_SLUG[slug].title}]({self.config.errata_dir}/{slug}.md)"
            lines.append(f"- {link}：{entries} 道题，{errata.summary(found).removeprefix('共 ')}")
        return "\n".join(lines)

    def _glossary_page(self, pages: dict[str, str]) -> str:
        used_in: dict[str, list[tuple[str, str, str]]] = {}
        for path, text in pages.items():
            # A formula's letters are no term (`\ln s` is not LayerNorm's "LN"). The page is
            # read whole (its parse is the site model's), lines kept, then cut into entries.
            lines = without_formulas(text).split("\n")
            for entry in find_entries(text):
                seen = reader_text("\n".join(lines[entry.start : entry.end]))
                for term in self.finder.uses(seen):
                    used_in.setdefault(term.id, []).append((path, entry.id, entry.title))
        return glossary.render(self.terms, [(t.slug, t.title) for t in TOPICS], used_in)

    def _filled(self, markdown: str, src: str, config) -> str:
        """The page's Markdown with its generated parts in place."""
        site = model.of(config)
        chips = tags.chips(src, self.questions_on.get(src, []), self.tag_ids)
        if src in site.pages or chips:  # one parse of the page for both
            mine = {i: self.related[i] for i in site.ids.get(src, ()) if i in self.related}
            ends = related.blocks(src, mine, self.targets)
            return site.append_to_entries(src, markdown, ends, chips)
        if src == "errata.md":
            return markdown.replace(ERRATA_MARKER, self._errata_index())
        if src == "glossary.md":
            return markdown.replace(GLOSSARY_MARKER, self._glossary_page(site.pages))
        if src == tags.TAGS_PAGE:
            listing = tags.tags_page(self.questions, site.markdown, list(SLUGS))
            return markdown.replace(TAGS_MARKER, listing)
        if src == "references.md":
            listing = bibliography.render(self.works, self.citations, src)
            return markdown.replace(REFERENCES_MARKER, listing)
        return markdown

    def on_page_markdown(self, markdown, page, config, files):
        filled = self._filled(markdown, page.file.src_uri, config)
        return bibliography.replace(filled, self.works)
