"""相关问题: mutual relations between entries, declared once as groups, rendered both ways."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from itertools import combinations

from llm_interview.pages.pagetext import append_to_entries

HEADING = "**相关问题**"
OPEN = '<div class="qa-related" markdown="1" data-search-exclude="">'


class RelatedError(ValueError):
    """An unknown entry id or a relation declared twice."""


@dataclass(frozen=True)
class Target:
    """Where an entry lives: its page (path inside docs/) and its title."""

    page: str
    title: str


def neighbours(groups: list[list[str]], known: set[str]) -> dict[str, list[str]]:
    """Every entry's related entries; within a group all entries relate to each other."""
    result: dict[str, list[str]] = {}
    seen: set[frozenset[str]] = set()
    for group in groups:
        unknown = [i for i in group if i not in known]
        if unknown:
            raise RelatedError(
                f"data/related.yaml：页面上没有这些 id 的题目：{'、'.join(unknown)}；检查拼写"
            )
        for a, b in combinations(group, 2):
            pair = frozenset((a, b))
            if a == b or pair in seen:
                raise RelatedError(
                    f"data/related.yaml：{a} 和 {b} 的关系写了两次（或和自己相关）："
                    "删掉重复的那一组"
                )
            seen.add(pair)
            result.setdefault(a, []).append(b)
            result.setdefault(b, []).append(a)
    return result


def link(from_page: str, target: Target, entry_id: str) -> str:
    """A Markdown link from `from_page` to an entry, relative so MkDocs can check it."""
    if target.page == from_page:
        return f"#{entry_id}"
    rel = posixpath.relpath(target.page, posixpath.dirname(from_page) or ".")
    return f"{rel}#{entry_id}"


def block(page: str, ids: list[str], targets: dict[str, Target]) -> str:
    """The 相关问题 block appended to one entry; kept out of search so that another entry's
    title never makes this entry a search hit."""
    items = [f"- [{targets[i].title}]({link(page, targets[i], i)})" for i in ids]
    return "\n".join([OPEN, "", HEADING, "", *items, "", "</div>"])


def blocks(page: str, related: dict[str, list[str]], targets: dict[str, Target]) -> dict[str, str]:
    """Entry id -> its 相关问题 block, for every entry that has related entries."""
    return {i: block(page, ids, targets) for i, ids in related.items() if ids}


def insert(markdown: str, page: str, related: dict[str, list[str]], targets: dict[str, Target]):
    """The page with a 相关问题 list at the end of every entry that has related entries."""
    return append_to_entries(markdown, blocks(page, related, targets))
