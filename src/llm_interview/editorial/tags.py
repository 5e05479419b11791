"""Tags per question, and the tags page that lists each tag's questions.

A page's front-matter `tags` are its curated vocabulary. A question carries at most three of
them, found at build time: the ones its title names, then the ones its 关键词 line names, in order
of appearance (Latin letters in any case, never inside a Latin word). Nothing else to maintain.
A page without `tags` uses those of its section's `index.md` (a subtopic page under its topic).
"""

from __future__ import annotations

import posixpath
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from pymdownx.slugs import slugify

from llm_interview.checks.datafields import escape
from llm_interview.editorial import levels
from llm_interview.pages import frontmatter
from llm_interview.pages.glossary import WORD_CHARS
from llm_interview.pages.keywords import KEYWORD_LINE
from llm_interview.pages.matcher import Matcher, ascii_lower
from llm_interview.pages.pagetext import find_entries, page_title

MAX_TAGS = 3
TAGS_PAGE = "tags.md"
CHIPS_ATTRS = '{: .qa-tags aria-label="级别与标签" data-search-exclude="" }'
LISTING = '<div class="qa-tag-list" markdown="1">'  # no glossary marks in it (editorial/abbr.py)
_slug = slugify(case="lower")


@dataclass(frozen=True)
class Question:
    """One question and the tags it carries."""

    page: str  # the Markdown page (path under docs/) it lives on
    id: str
    title: str
    tags: tuple[str, ...]
    level: str | None = None


class Vocabulary:
    """A page's tags, found in a text in one pass."""

    def __init__(self, tags: Iterable[str]):
        self._tag = {ascii_lower(t): t for t in tags}
        self._matcher = Matcher(self._tag, WORD_CHARS)

    def pick(self, *texts: str, limit: int = MAX_TAGS) -> tuple[str, ...]:
        """The tags named in `texts`, in order of appearance, first text first, at most `limit`."""
        picked: list[str] = []
        for text in texts:
            for word in self._matcher.leftmost_longest(ascii_lower(text)):
                if self._tag[word] not in picked:
                    picked.append(self._tag[word])
        return tuple(picked[:limit])


def front_matter_tags(markdown: str) -> list[str]:
    """The page's front-matter `tags` (an empty list without any)."""
    # malformed front matter is make check's to report (checks/frontmatter), with its line
    tags = frontmatter.meta(markdown).get("tags")
    return [str(t) for t in tags] if isinstance(tags, list) else []


def page_questions(path: str, markdown: str, section: str) -> list[Question]:
    """The questions of one page with their tags, picked from the page's own `tags` or else
    from those of its section's index.md (Markdown `section`)."""
    tags = front_matter_tags(markdown) or front_matter_tags(section)
    vocabulary = Vocabulary(tags) if tags else None
    lines = markdown.split("\n")
    found = []
    for entry in find_entries(markdown):
        keywords = KEYWORD_LINE.search("\n".join(lines[entry.start : entry.end]))
        picked = vocabulary.pick(entry.title, keywords[1] if keywords else "") if tags else ()
        found.append(Question(path, entry.id, entry.title, picked, entry.level))
    return found


def questions(
    pages: dict[str, str], read: Callable[[str, str, str], list[Question]] = page_questions
) -> list[Question]:
    """Every question on `pages` (path under docs/ -> Markdown) with its tags, in page order,
    each page read by `read` (page_questions, or the editorial plugin's site.memo.Memo of it)."""
    return [
        question
        for path, markdown in pages.items()
        for question in read(
            path, markdown, pages.get(posixpath.join(posixpath.dirname(path), "index.md"), "")
        )
    ]


def anchors(found: list[Question]) -> dict[str, str]:
    """Tag -> its section id on the tags page (the heading slug, made unique)."""
    ids: dict[str, str] = {}
    for tag in dict.fromkeys(t for q in found for t in q.tags):
        base = _slug(tag, "-") or "tag"
        anchor, n = base, 1
        while anchor in ids.values():
            n += 1
            anchor = f"{base}-{n}"
        ids[tag] = anchor
    return ids


def chips(page: str, found: list[Question], ids: dict[str, str]) -> dict[str, str]:
    """Question id -> the Markdown line under its title: its level label, then its tag chips,
    for the questions on `page` that have either (pages.pagetext.append_to_entries)."""
    link = posixpath.relpath(TAGS_PAGE, posixpath.dirname(page) or ".")
    lines = {}
    for q in found:
        if q.page == page and (q.tags or q.level):
            line = [
                levels.label(q.level),
                *(f"[{escape(t)}]({link}#{ids[t]}){{: .md-tag }}" for t in q.tags),
            ]
            lines[q.id] = " ".join(part for part in line if part) + "\n" + CHIPS_ATTRS
    return lines


def tags_page(found: list[Question], pages: dict[str, str], order: list[str]) -> str:
    """The tags page body: per topic (a page's first folder, in `order`), an index of its tags,
    then each tag with the questions that carry it, linked. Titles and links only, no answers,
    so the page stays small as the questions grow. A tag shared by topics is listed once, under
    the topic where most of its questions are."""
    ids = anchors(found)
    by_tag: dict[str, list[Question]] = {t: [] for t in ids}
    for q in found:
        for t in q.tags:
            by_tag[t].append(q)
    rank = {g: n for n, g in enumerate(order)}
    home = {t: _home(qs, rank) for t, qs in by_tag.items()}
    groups = sorted(set(home.values()), key=lambda g: (rank.get(g, len(rank)), g))
    out = [LISTING, ""]
    for group in groups:
        name = _group_title(group, pages)
        tags = sorted((t for t in ids if home[t] == group), key=str.casefold)
        index = " ".join(f"[{escape(t)} · {len(by_tag[t])}](#{ids[t]}){{: .md-tag }}" for t in tags)
        out += [f"## {name}", "", index, "{: .qa-tag-index }", ""]
        for t in tags:
            # a paragraph, not a heading: hundreds of tags would swell the page's table of contents
            out += [f"**{escape(t)}**", f"{{: #{ids[t]} .qa-tag-name }}", ""]
            for q in by_tag[t]:
                where = (
                    "" if _group(q.page) == group else f" · {_group_title(_group(q.page), pages)}"
                )
                out.append(f"- [{escape(q.title)}]({q.page}#{q.id}){where}")
            out.append("")
    return "\n".join([*out, "</div>"])


def _home(tagged: list[Question], rank: dict[str, int]) -> str:
    """The topic where most of a tag's questions are (the earlier topic on a tie)."""
    counts = Counter(_group(q.page) for q in tagged)
    return min(counts, key=lambda g: (-counts[g], rank.get(g, len(rank)), g))


def _group(page: str) -> str:
    return page.split("/", 1)[0] if "/" in page else ""


def _group_title(group: str, pages: dict[str, str]) -> str:
    index = f"{group}/index.md"
    return page_title(pages[index], group) if index in pages else group or "其他"
