"""Parse 勘误 notes written in the pages and render the errata lists (one page per topic).

A note is an admonition placed under the wrong text (indented like the list item it sits in):

    !!! bug "勘误 · 事实"

        **问题**：原文说……
        **更正**：……
        **来源**：[论文或官方文档](https://…)

Kinds: 事实, 翻译, 错别字. 来源 is required except for 错别字 (a typo fixed in place).
"""

from __future__ import annotations

import posixpath
import re
from collections import Counter
from dataclasses import dataclass

from llm_interview.pages.pagetext import find_entries

KINDS = ("事实", "翻译", "错别字")
NOTE_START = re.compile(r'^(?P<indent> *)!!! bug "勘误 · (?P<kind>[^"]+)"\s*$')
ANY_ERRATUM = re.compile(r"^\s*[!?]{3}\+?\s.*勘误")
FIELD = re.compile(r"^\*\*(?P<name>问题|更正|来源)\*\*：(?P<value>.+)$")


class ErrataError(ValueError):
    """A 勘误 note that does not follow the agreed form, at a 1-based line of its page."""

    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line


@dataclass(frozen=True)
class Note:
    """One correction: the entry it belongs to, its kind and its fields."""

    entry_id: str
    entry_title: str
    kind: str
    problem: str
    fix: str
    source: str


def _body(lines: list[str], start: int, indent: int) -> list[str]:
    """The body lines of the admonition whose title line is `start`, dedented."""
    prefix = " " * (indent + 4)
    body = []
    for line in lines[start + 1 :]:
        if line.strip() and not line.startswith(prefix):
            break
        body.append(line[len(prefix) :])
    return body


def _note(lines: list[str], i: int, m: re.Match[str], entry_id: str, title: str) -> Note:
    kind, fields = m["kind"], {}
    for line in _body(lines, i, len(m["indent"])):
        m = FIELD.match(line.strip())
        if m:
            fields[m["name"]] = m["value"].strip()
    if kind not in KINDS:
        raise ErrataError(
            i + 1, f'勘误类型「{kind}」不认识：只能是 {"、".join(KINDS)}，如 !!! bug "勘误 · 事实"'
        )
    missing = [f for f in ("问题", "更正") if f not in fields]
    if kind != "错别字" and "来源" not in fields:
        missing.append("来源")
    if missing:
        example = "；".join(f"**{f}**：……" for f in missing)
        raise ErrataError(
            i + 1,
            f"勘误缺少 {'、'.join(missing)}：在这条勘误里缩进 4 格补一行 {example}"
            "（来源写论文或官方文档的链接；只有错别字可以不写来源）",
        )
    return Note(entry_id, title, kind, fields["问题"], fields["更正"], fields.get("来源", ""))


def parse_notes(markdown: str) -> list[Note]:
    """All 勘误 notes of a page in order; raises ErrataError on a malformed note."""
    lines = markdown.split("\n")
    notes = []
    for entry in find_entries(markdown):
        for i in range(entry.start, entry.end):
            m = NOTE_START.match(lines[i])
            if m:
                notes.append(_note(lines, i, m, entry.id, entry.title))
            elif ANY_ERRATUM.match(lines[i]):
                raise ErrataError(
                    i + 1, '勘误的写法不对：写成 !!! bug "勘误 · 事实"（或 翻译、错别字）'
                )
    return notes


def summary(notes: list[Note]) -> str:
    """One line with the number of notes per kind."""
    counts = Counter(n.kind for n in notes)
    kinds = "，".join(f"{k} {counts[k]} 条" for k in KINDS)
    return f"共 {len(notes)} 条勘误：{kinds}。"


def render(pages: list[tuple[str, list[Note]]], here: str = "errata.md") -> str:
    """Markdown list of every note, grouped by entry; `pages` pairs a page path with its notes,
    and links are relative to the page `here` the list goes on."""
    out = [summary([n for _, notes in pages for n in notes]), ""]
    for path, notes in pages:
        link = posixpath.relpath(path, posixpath.dirname(here) or ".")
        current = None
        for note in notes:
            if note.entry_id != current:
                current = note.entry_id
                out += [f"## [{note.entry_title}]({link}#{note.entry_id})", ""]
            out += [
                f"- **{note.kind}**",
                "",
                f"    - 问题：{note.problem}",
                f"    - 更正：{note.fix}",
            ]
            if note.source:
                out.append(f"    - 来源：{note.source}")
            out.append("")
    return "\n".join(out)
