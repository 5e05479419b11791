"""Search records of a rendered page: per section, its title, keywords, answer and 原始回答.

A section starts at every heading with an id, as in Material's own index: the first one (the
page's h1, or text before any heading) is the page itself, the others are `page#id`. Text a
reader would not search for stays out: formulas (their LaTeX source), citation links, permalink
signs, the notebook backlink, and anything marked `data-search-exclude` (the related questions).
Of an erratum inside 原始回答 only what it quotes 「…」 is kept (the original's wording, typos
included, which readers search for); the errata page lists the notes. Under 面试追问 only the
follow-up questions are kept, not their answers: every visitor downloads the whole index, and a
follow-up is found by its question.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from llm_interview.site import rendered
from llm_interview.site.rendered import Element

ORIGINAL_SUMMARY = "原始回答"
FOLLOW_UPS = "面试追问"
QUOTED = re.compile(r"「([^」]+)」")
WORDLIKE = re.compile(r"[A-Za-z\u3400-\u9fff]")
INLINE_MATH = "…"  # stands for an inline formula, whose LaTeX source nobody searches for
HEADINGS = {f"h{n}" for n in range(1, 7)}
BLOCKS = HEADINGS | {"p", "li", "div", "pre", "tr", "details", "summary", "blockquote", "dd", "dt"}
VOID = {"br", "hr", "img", "input", "meta", "link", "wbr", "source", "area", "col", "embed"}
# The level labels inside an element (they count even inside text that search leaves out).
LEVEL_LABELS = etree.XPath(
    ".//*[contains(concat(' ', normalize-space(@class), ' '), ' qa-level ')]"
)


@dataclass
class Record:
    """One search document: a question (or a page's opening) in plain text."""

    location: str
    title: str = ""
    keywords: list[str] = field(default_factory=list)
    text: str = ""
    original: str = ""
    level: str = ""  # 基础, 进阶 or 前沿, from the label under a question's title


def page_records(
    html: str | Element, url: str, title: str, keywords: dict[str, list[str]] | None = None
) -> list[Record]:
    """The records of a page rendered to `html` (or its parsed tree, site.rendered), served at
    `url`, titled `title`; `keywords` of each section by its id ("" for the page's own), taken
    from its Markdown."""
    keywords = keywords or {}
    sections = _Sections(url)
    sections.read(rendered.tree(html))
    records = []
    for section in sections.sections:
        record = Record(
            location=section.location,
            title=_squash(section.title) or title,
            level=section.level,
            keywords=keywords.get(section.location.partition("#")[2], []),
            text=_follow_up_questions(_squash(section.text)),
            original=_squash([*section.original, "\n", *_quoted(section.errata)]),
        )
        if record.title or record.text:
            records.append(record)
    return records


@dataclass
class _Section:
    location: str
    level: str = ""
    title: list[str] = field(default_factory=list)
    text: list[str] = field(default_factory=list)
    original: list[str] = field(default_factory=list)
    errata: list[str] = field(default_factory=list)


class _Sections:
    """Splits a page into sections and sorts each one's text into its fields."""

    def __init__(self, url: str):
        self.url = url
        self.sections = [_Section(url)]
        self.stack: list[tuple[str, str]] = []  # (tag, role) of open elements

    def read(self, element: Element) -> None:
        """Reads the content of `element`: its text, then each child and the text after it."""
        if element.text:
            self.text(element.text)
        for child in element:
            if isinstance(child.tag, str):  # not a comment
                self._element(child)
            if child.tail:
                self.text(child.tail)

    def _element(self, element: Element) -> None:
        tag = element.tag
        if tag in rendered.WRAPPERS:
            self.read(element)
            return
        role = self.start(tag, element.attrib)
        if role == "skip":  # nothing inside is kept but the level label
            for label in LEVEL_LABELS(element):
                self.sections[-1].level = label.get("data-level") or ""
        elif role is not None:
            self.read(element)
        self.end(tag)

    def start(self, tag, attrs) -> str | None:
        """Opens an element; its role (None for a void element, which holds nothing)."""
        if tag in VOID:
            if tag == "br":
                self.text("\n")
            return None
        classes = (attrs.get("class") or "").split()
        if "qa-level" in classes:  # the level label under a question's title
            self.sections[-1].level = attrs.get("data-level") or ""
        if tag == "span" and "arithmatex" in classes:
            self.text(INLINE_MATH)
        role = self._role(tag, attrs, classes)
        if tag in HEADINGS and attrs.get("id") and role != "skip":
            opening = tag == "h1" and len(self.sections) == 1 and not self.sections[0].title
            if not opening:
                self.sections.append(_Section(f"{self.url}#{attrs.get('id')}"))
            role = "title"
        self.stack.append((tag, role))
        return role

    def end(self, tag):
        for depth in range(len(self.stack) - 1, -1, -1):
            if self.stack[depth][0] == tag:
                del self.stack[depth:]
                break
        if tag in BLOCKS:
            self.text("\n")

    def _role(self, tag, attrs, classes):
        parent = self.stack[-1][1] if self.stack else "text"
        if parent == "skip" or "data-search-exclude" in attrs or tag in ("script", "style"):
            return "skip"
        if {"arithmatex", "headerlink", "qa-cite", "nb-backlink"} & set(classes):
            return "skip"
        if parent == "original" and "admonition" in classes:
            return "erratum"
        if tag == "details":
            return "details"
        if tag == "summary" and parent == "details":
            return "summary"
        return parent

    def text(self, data):
        role = self.stack[-1][1] if self.stack else "text"
        section = self.sections[-1]
        if role == "summary":
            if ORIGINAL_SUMMARY in data:
                self.stack[-2] = (self.stack[-2][0], "original")
            return
        target = {
            "title": section.title,
            "original": section.original,
            "text": section.text,
            "details": section.text,
            "erratum": section.errata,
        }.get(role)
        if target is not None:
            target.append(data)


def _squash(parts: list[str]) -> str:
    """Joined text with runs of blanks made one space, and lines without a word dropped (blank
    ones, and table cells holding only a formula or a number)."""
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if WORDLIKE.search(line))


def _quoted(parts: list[str]) -> list[str]:
    """The 「quoted」 passages of `parts`, one a line."""
    return [f"{q}\n" for q in QUOTED.findall("".join(parts))]


def _follow_up_questions(text: str) -> str:
    """`text` with each line after the 面试追问 heading cut after its question mark."""
    head, found, tail = text.partition(f"\n{FOLLOW_UPS}\n")
    if not found:
        return text
    questions = [
        line.partition("？")[0] + "？" if "？" in line else line for line in tail.split("\n")
    ]
    return head + found + "\n".join(questions)
