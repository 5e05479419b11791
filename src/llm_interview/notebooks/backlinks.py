"""The line put at the end of every entry that a notebook illustrates (动手实验) or a drill
practises (手撕代码); the site model puts it there (site.model.SiteModel.append_to_entries)."""

from __future__ import annotations


def backlink_line(links: list[tuple[str, str]], label: str = "动手实验") -> str:
    """One Markdown paragraph linking to the notebooks or drills ([(title, href)])."""
    joined = "、".join(f"[{title}]({href})" for title, href in links)
    return f'<p class="nb-backlink" markdown>**{label}**：{joined}</p>'


def backlink_blocks(
    links: dict[str, list[tuple[str, str]]], label: str = "动手实验"
) -> dict[str, str]:
    """Entry id → the line to put at the end of that entry, for every id that has links."""
    return {i: backlink_line(found, label) for i, found in links.items() if found}
