"""The navigation: a topic's subtopic pages join it right after the topic's overview."""

from __future__ import annotations

from llm_interview.pages.layout import Subpage, overview_path


def with_subpages(nav: list, topics: dict[str, list[Subpage]]) -> list:
    """The nav with each topic's subtopic pages inserted after its overview page."""
    out = []
    for item in nav:
        if isinstance(item, dict):
            item = {title: _entries(value, topics) for title, value in item.items()}
        out.append(item)
        if isinstance(item, str):
            out += [s.src for s in _subpages_of(item, topics) if s.src not in nav]
    return out


def _entries(value, topics: dict[str, list[Subpage]]):
    return with_subpages(value, topics) if isinstance(value, list) else value


def _subpages_of(src: str, topics: dict[str, list[Subpage]]) -> list[Subpage]:
    return next((subs for slug, subs in topics.items() if src == overview_path(slug)), [])
