"""Insert a line after every entry that a notebook illustrates (动手实验) or a drill practises
(手撕代码)."""

from __future__ import annotations

from llm_interview.pages.pagetext import append_to_entries


def backlink_line(links: list[tuple[str, str]], label: str = "动手实验") -> str:
    """One Markdown paragraph linking to the notebooks or drills ([(title, href)])."""
    joined = "、".join(f"[{title}]({href})" for title, href in links)
    return f'<p class="nb-backlink" markdown>**{label}**：{joined}</p>'


def insert_backlinks(
    markdown: str, links: dict[str, list[tuple[str, str]]], label: str = "动手实验"
) -> str:
    """Put the line at the end of each entry whose id has links."""
    return append_to_entries(
        markdown, {i: backlink_line(found, label) for i, found in links.items() if found}
    )
