"""The practice page's question bank, read from the rendered topic pages (issue 11).

Each entry on a topic page is an `<h2 id>` followed by its keyword line and its `div.qa-answer`
(参考答案). The bank carries that answer's HTML as the reader sees it on the page, with every link
made relative to the site root, so the practice page can show it wherever it lives.
"""

from __future__ import annotations

import json
import posixpath
import re
from dataclasses import dataclass
from html import escape

from lxml import etree

from llm_interview.editorial.levels import QUESTION_CLASS
from llm_interview.site import rendered
from llm_interview.site.rendered import Element, classes

from .answer import answer_html

EXTERNAL = re.compile(r"^[a-z][a-z0-9+.-]*:|^//", re.IGNORECASE)


@dataclass(frozen=True)
class BankEntry:
    """One question as the practice page needs it; `url` and links are relative to the site root."""

    id: str
    topic: str
    level: str  # 基础, 进阶 or 前沿 (empty for an entry the importer has just added)
    title: str
    keywords: list[str]
    answer: str
    url: str


def site_path(href: str, page_url: str) -> str:
    """`href` as written on the page at `page_url`, made relative to the site root."""
    if EXTERNAL.match(href):
        return href
    if href.startswith("#"):
        return page_url + href
    path, _, fragment = href.partition("#")
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(page_url + "x"), path))
    joined = "" if joined == "." else joined
    if path.endswith("/") and joined:
        joined += "/"
    return joined + (f"#{fragment}" if fragment else "")


def _section(heading: Element) -> list[Element]:
    """The elements after `heading` up to the next `<h2>`."""
    parts = []
    for sibling in heading.itersiblings(tag=etree.Element):
        if sibling.tag == "h2":
            break
        parts.append(sibling)
    return parts


def _text(element: Element) -> str:
    """The text inside `element`, less permalink signs (`a.headerlink`) and comments."""
    out = [element.text or ""]
    for child in element:
        is_link = child.tag == "a" and "headerlink" in classes(child)
        if isinstance(child.tag, str) and not is_link:
            out.append(_text(child))
        out.append(child.tail or "")
    return "".join(out)


def _level(section: list[Element]) -> str:
    """The level on the label under the title (src/llm_interview/editorial/levels.py), or ""."""
    paragraph = next((t for t in section if t.tag == "p"), None)
    if paragraph is None:
        return ""
    label = next((t for t in paragraph.iterdescendants() if "qa-level" in classes(t)), None)
    return label.get("data-level", "") if label is not None else ""


def bank_entries(
    html: str | Element, topic: str, page_url: str, keywords: dict[str, list[str]]
) -> list[BankEntry]:
    """Every entry with a 参考答案 on one rendered topic page (its HTML, or its tree parsed
    once for search and practice: site.rendered), in page order; `keywords` of each entry by
    id, from its Markdown (the site model)."""
    entries = []
    for heading in rendered.tree(html).iter("h2"):
        qid = heading.get("id")
        if QUESTION_CLASS not in classes(heading) or qid is None:
            continue
        section = _section(heading)
        answer = next((t for t in section if "qa-answer" in classes(t)), None)
        if answer is None:
            continue
        entries.append(
            BankEntry(
                id=qid,
                topic=topic,
                level=_level(section),
                title=_text(heading).strip(),
                keywords=keywords.get(qid, []),
                answer=answer_html(answer, lambda href: site_path(href, page_url)),
                url=f"{page_url}#{qid}",
            )
        )
    return entries


def bank(topics: list[tuple[str, str, str]], entries: list[BankEntry]) -> dict:
    """The JSON document: topics (slug, title, url) in site order, then every entry."""
    return {
        "version": 1,
        "topics": [{"slug": s, "title": t, "url": u} for s, t, u in topics],
        # shallow copies: asdict's deep copy of every entry was a tenth of a serve rebuild
        "entries": [dict(vars(e)) for e in entries],
    }


def inline_index(document: dict, answers: bool = False) -> str:
    """The bank as an inert element of a page: without answers and keywords (they arrive with
    practice.json), or with the answers where nothing can be fetched (the offline copy). A
    <template>, not a JSON <script>: Material's instant navigation re-creates every <script> of
    the page it swaps in from its text alone, dropping its id and type."""
    fields = ("id", "topic", "level", "title", "url", *(("answer",) if answers else ()))
    slim = [{k: e[k] for k in fields} for e in document["entries"]]
    text = json.dumps({**document, "entries": slim}, ensure_ascii=False, separators=(",", ":"))
    return f'<template id="practice-index">{escape(text, quote=False)}</template>'
