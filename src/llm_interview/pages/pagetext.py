"""Read entries back from a topic page: `## 题目 {#id}` up to the next level-1/2 heading.

One parser for everything that reads pages (the importer, the editorial and notebook hooks):
markdown-it-py's CommonMark tokens, so headings inside code, HTML blocks or indented text do
not count. Where CommonMark and the site's renderer (Python-Markdown with SuperFences) differ on
where a fence ends, the reader follows the renderer: a fence opener that is never closed is text.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from markdown_it import MarkdownIt
from markdown_it.token import Token

from llm_interview.pages import frontmatter

ENTRY_HEADING = re.compile(
    r"^##\s+(?P<title>.+?)\s*(?P<attrs>\{[^}]*#(?P<id>[A-Za-z0-9_-]+)[^}]*\})\s*$"
)
# A question's level, written in its heading's attribute list: `## 问句？ {#id level=基础}`.
LEVELS = ("基础", "进阶", "前沿")
LEVEL_ATTR = re.compile(r"(?<=[{\s])level=(?P<level>[^\s}]*)")
# Block structure only: what is read here (headings, fences, a heading's or paragraph's text)
# needs no inline parse, which was over half of the parsing time.
_PARSER = MarkdownIt("commonmark").disable("inline")


@dataclass(frozen=True)
class PageEntry:
    """One question on a page: its anchor, title, level as written (None when the heading has
    none) and the line span [start, end) it covers."""

    id: str
    title: str
    start: int
    end: int
    level: str | None = None


def tokens(markdown: str) -> list[Token]:
    """The page's block tokens as the renderer sees its blocks (front matter left out)."""
    return list(_tokens(markdown))


@functools.lru_cache(maxsize=4096)  # every page of a large site, read by several hooks
def _tokens(markdown: str) -> tuple[Token, ...]:
    lines = _without_front_matter(markdown).split("\n")
    while True:
        found = _PARSER.parse("\n".join(lines))
        opener = next((t.map[0] for t in found if _unclosed_fence(t, lines)), None)
        if opener is None:
            return tuple(found)
        lines[opener] = "\\" + lines[opener]  # SuperFences shows an unclosed opener as text


def _without_front_matter(markdown: str) -> str:
    """The page with its YAML front matter blanked, line numbers kept."""
    skipped = frontmatter.line_count(markdown)
    if not skipped:
        return markdown
    return "\n" * skipped + markdown.split("\n", skipped)[-1]


def _unclosed_fence(token: Token, lines: list[str]) -> bool:
    if token.type != "fence" or token.map is None:
        return False
    first, end = token.map
    closing = lines[end - 1].strip().lstrip(">").strip() if end - 1 > first else ""
    marker = token.markup[0]
    return not (closing.startswith(token.markup) and closing.strip(marker) == "")


def outside_fences(lines: list[str]) -> list[bool]:
    """For each line, whether it lies outside fenced code blocks."""
    flags = [True] * len(lines)
    for token in tokens("\n".join(lines)):
        if token.type == "fence" and token.map:
            for i in range(token.map[0], min(token.map[1], len(lines))):
                flags[i] = False
    return flags


def _section_starts(markdown: str) -> list[int]:
    """Lines where a top-level `#` or `##` heading starts."""
    return [
        t.map[0]
        for t in tokens(markdown)
        if t.type == "heading_open" and t.level == 0 and t.tag in ("h1", "h2") and t.map
    ]


def find_entries(markdown: str) -> list[PageEntry]:
    """Entries of a page in order; an entry ends at the next level-1/2 heading or the page end."""
    lines = markdown.split("\n")
    heads = _section_starts(markdown)
    entries = []
    for n, i in enumerate(heads):
        m = ENTRY_HEADING.match(lines[i])
        if m:
            end = heads[n + 1] if n + 1 < len(heads) else len(lines)
            level = LEVEL_ATTR.search(m["attrs"])
            entries.append(PageEntry(m["id"], m["title"], i, end, level and level["level"]))
    return entries


def entry_text(markdown: str, entry: PageEntry) -> str:
    """The Markdown of one entry, heading included."""
    return "\n".join(markdown.split("\n")[entry.start : entry.end])


def page_title(markdown: str, default: str) -> str:
    """The page's first level-1 heading, or `default`."""
    found = tokens(markdown)
    for n, token in enumerate(found):
        if token.type == "heading_open" and token.tag == "h1":
            return found[n + 1].content.strip()
    return default


def append_to_entries(
    markdown: str, additions: dict[str, str], under_titles: dict[str, str] | None = None
) -> str:
    """The page with a Markdown block added at the end of each entry named in `additions`, and
    one right under the title of each entry named in `under_titles` (one parse for both)."""
    return appended(markdown, additions, under_titles)[0]


def appended(
    markdown: str,
    additions: dict[str, str],
    under_titles: dict[str, str] | None = None,
    entries: Sequence[PageEntry] | None = None,
) -> tuple[str, Sequence[PageEntry] | None]:
    """`append_to_entries`, and the entries of the page it returns (None when nothing was added
    to a page whose entries were not given); given the page's `entries`, it needs no parse.
    The blocks hold no heading and no fence, so the entries only grow by the lines put in."""
    under_titles = under_titles or {}
    if not any(additions.values()) and not any(under_titles.values()):
        return markdown, entries  # nothing to add: no parse
    lines = markdown.split("\n")
    grown: list[PageEntry] = []
    shift = 0
    for entry in entries if entries is not None else find_entries(markdown):
        start, end = entry.start + shift, entry.end + shift
        title = under_titles.get(entry.id)
        if title:
            lines[start + 1 : start + 1] = ["", *title.split("\n")]
            end += 1 + title.count("\n") + 1
        block = additions.get(entry.id)
        if block:
            last = end
            while last > start and not lines[last - 1].strip():
                last -= 1
            added = ["", *block.strip("\n").split("\n"), ""]
            lines[last:last] = added
            end += len(added)
        grown.append(replace(entry, start=start, end=end))
        shift = end - entry.end
    return "\n".join(lines), grown
