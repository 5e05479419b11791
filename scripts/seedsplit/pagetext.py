"""Read entries back from a topic page: `## 题目 {#id}` up to the next level-1/2 heading.

One parser for everything that reads pages (the importer, the editorial and notebook hooks),
so that they agree on where an entry ends; headings inside fenced code do not count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ENTRY_HEADING = re.compile(r"^##\s+(?P<title>.+?)\s*\{[^}]*#(?P<id>[A-Za-z0-9_-]+)[^}]*\}\s*$")
SECTION_HEADING = re.compile(r"^#{1,2}\s")
FENCE = re.compile(r"^\s*(```|~~~)")
PAGE_TITLE = re.compile(r"^#\s+(?P<title>.+?)\s*$", re.MULTILINE)


@dataclass(frozen=True)
class PageEntry:
    """One question on a page: its anchor, title and the line span [start, end) it covers."""

    id: str
    title: str
    start: int
    end: int


def outside_fences(lines: list[str]) -> list[bool]:
    """For each line, whether it lies outside fenced code blocks."""
    flags, fenced = [], False
    for line in lines:
        if FENCE.match(line):
            fenced = not fenced
            flags.append(False)
        else:
            flags.append(not fenced)
    return flags


def find_entries(markdown: str) -> list[PageEntry]:
    """Entries of a page in order; an entry ends at the next level-1/2 heading or the page end."""
    lines = markdown.split("\n")
    outside = outside_fences(lines)
    heads = [i for i, line in enumerate(lines) if outside[i] and SECTION_HEADING.match(line)]
    entries = []
    for n, i in enumerate(heads):
        m = ENTRY_HEADING.match(lines[i])
        if m:
            end = heads[n + 1] if n + 1 < len(heads) else len(lines)
            entries.append(PageEntry(m["id"], m["title"], i, end))
    return entries


def entry_text(markdown: str, entry: PageEntry) -> str:
    """The Markdown of one entry, heading included."""
    return "\n".join(markdown.split("\n")[entry.start : entry.end])


def page_title(markdown: str, default: str) -> str:
    """The page's level-1 heading, or `default`."""
    m = PAGE_TITLE.search(markdown)
    return m["title"] if m else default


def append_to_entries(markdown: str, additions: dict[str, str]) -> str:
    """The page with a Markdown block added at the end of each entry named in `additions`."""
    lines = markdown.split("\n")
    for entry in reversed(find_entries(markdown)):
        block = additions.get(entry.id)
        if not block:
            continue
        end = entry.end
        while end > entry.start and not lines[end - 1].strip():
            end -= 1
        lines[end:end] = ["", *block.strip("\n").split("\n"), ""]
    return "\n".join(lines)
