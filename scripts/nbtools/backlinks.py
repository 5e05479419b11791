"""Insert a 动手实验 line after every entry that a notebook illustrates."""

from __future__ import annotations

import re

_ENTRY = re.compile(r"^## .*\{#([\w-]+)[^}]*\}\s*$", re.MULTILINE)
_NEXT_ENTRY = re.compile(r"^## ", re.MULTILINE)


def backlink_line(links: list[tuple[str, str]]) -> str:
    """One Markdown paragraph linking to the notebooks ([(title, href)])."""
    joined = "、".join(f"[{title}]({href})" for title, href in links)
    return f'<p class="nb-backlink" markdown>**动手实验**：{joined}</p>'


def insert_backlinks(markdown: str, links: dict[str, list[tuple[str, str]]]) -> str:
    """Put the line at the end of each entry (before the next `## ` heading) whose id has links."""
    out, pos = [], 0
    for match in _ENTRY.finditer(markdown):
        entry_links = links.get(match[1])
        if not entry_links:
            continue
        nxt = _NEXT_ENTRY.search(markdown, match.end())
        end = nxt.start() if nxt else len(markdown)
        body = markdown[pos:end].rstrip("\n")
        out.append(f"{body}\n\n{backlink_line(entry_links)}\n\n")
        pos = end
    out.append(markdown[pos:])
    return "".join(out)
