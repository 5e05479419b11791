"""Lists of questions on the pages that gather the whole bank (glossary, 参考文献), kept short so
that those pages do not grow with the number of questions."""

from __future__ import annotations

SHOWN = 6


def first_few(links: list[str], sep: str) -> str:
    """The first SHOWN links joined by `sep`, then how many there are in all when more."""
    if len(links) <= SHOWN:
        return sep.join(links)
    return f"{sep.join(links[:SHOWN])} 等 {len(links)} 道题"
