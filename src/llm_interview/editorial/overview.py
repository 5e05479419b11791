"""A topic overview's question list: every question of the topic, page by page, each with a
one-line summary taken from the first point of its 参考答案 (or the first line of its answer).
The list sits in a `div.qa-overview`, which the PDF edition leaves out (its contents list has
every question already)."""

from __future__ import annotations

import posixpath
import re

from llm_interview.checks.datafields import escape
from llm_interview.editorial import levels
from llm_interview.editorial.bibliography import CITATION
from llm_interview.editorial.entries import reader_text
from llm_interview.pages import formulas
from llm_interview.pages.layout import Subpage
from llm_interview.pages.pagetext import entry_text, find_entries

SUMMARY_CHARS = 60
MIN_CHARS = 12
_SKIP = re.compile(r"^(///|!!!|\?\?\?|\*\*[^*]+\*\*$|#|\||\$\$|```|<!--|\{:)")
_NOTE_BODY = re.compile(r"^ {4}")
_MARKER = re.compile(r"^(?:\d+[.)]|[-*+])\s+")
_CITATION = re.compile(r"\s*" + CITATION.pattern)  # with the space before it
_TAG = re.compile(r"</?[a-z][^>]*>")
_SENTENCE_END = "。！？"
_CLAUSE_END = "；，、："
_OPEN, _CLOSE = "（(「“《[", "）)」”》]"


def summary(markdown: str) -> str:
    """The first sentence of an entry's answer, shortened at a clause to about SUMMARY_CHARS."""
    lines = reader_text(markdown).split("\n")[1:]  # the heading is the title, not the summary
    answer = next(
        (i + 1 for i, line in enumerate(lines) if line.startswith("/// html | div.qa-answer")), 0
    )
    for line in lines[answer:]:
        if line.strip() and not _SKIP.match(line.strip()) and not _NOTE_BODY.match(line):
            return _shorten(_CITATION.sub("", _TAG.sub("", _MARKER.sub("", line.strip()))))
    return ""


def _shorten(text: str) -> str:
    """Up to the first sentence end; past SUMMARY_CHARS, up to the last clause before it (never
    inside math or brackets)."""
    spans = [m.span() for m in formulas.MATH.finditer(text)]
    depth, depths = 0, []
    for c in text:
        depth += (c in _OPEN) - (c in _CLOSE)
        depths.append(depth)

    def free(i: int) -> bool:
        return depths[i] <= 0 and not any(a <= i < b for a, b in spans)

    end = next((i for i, c in enumerate(text) if c in _SENTENCE_END and free(i)), len(text))
    text = text[: end + 1].strip()
    if len(text) <= SUMMARY_CHARS:
        return text
    cuts = [i for i, c in enumerate(text) if c in _CLAUSE_END and free(i) and i >= MIN_CHARS]
    if not cuts:
        return text
    within = [i for i in cuts if i <= SUMMARY_CHARS]
    return text[: within[-1] if within else cuts[0]] + "……"


def render(overview: str, subpages: list[Subpage], pages: dict[str, str]) -> str:
    """Markdown listing each subtopic page of a topic with its questions and their summaries."""
    folder = posixpath.dirname(overview)
    out = ["/// html | div.qa-overview", f"    attrs: {{data-topic: {folder}}}", ""]
    for sub in subpages:
        link = posixpath.relpath(sub.src, folder)
        markdown = pages[sub.src]
        name = posixpath.splitext(posixpath.basename(sub.src))[0]
        out += [f"## [{escape(sub.title)}]({link}) {{#page-{name}}}", ""]
        out += [f"{sub.intro}（{len(sub.ids)} 题）" if sub.intro else f"{len(sub.ids)} 题。", ""]
        for entry in find_entries(markdown):
            line = f"- [{entry.title}]({link}#{entry.id}) {levels.label(entry.level)}".rstrip()
            brief = summary(entry_text(markdown, entry))
            out.append(f'{line}<br><span class="qa-summary">{brief}</span>' if brief else line)
        out.append("")
    return "\n".join([*out, "///"])
