"""Insert a 动手实验 line after every entry that a notebook illustrates."""

from __future__ import annotations

from llm_interview.pages.pagetext import append_to_entries


def backlink_line(links: list[tuple[str, str]]) -> str:
    """One Markdown paragraph linking to the notebooks ([(title, href)])."""
    joined = "、".join(f"[{title}]({href})" for title, href in links)
    return f'<p class="nb-backlink" markdown>**动手实验**：{joined}</p>'


def insert_backlinks(markdown: str, links: dict[str, list[tuple[str, str]]]) -> str:
    """Put the line at the end of each entry whose id has links."""
    return append_to_entries(
        markdown, {i: backlink_line(found) for i, found in links.items() if found}
    )
