"""Where questions live: every topic is a folder of pages, and the structure is read off them.

- `docs/<topic>/index.md` is the topic's overview: front matter, title and introduction, no
  questions; the build lists every question of the topic there, page by page.
- Every other page `docs/<topic>/<name>.md` is a subtopic page holding at most PAGE_LIMIT
  questions. Its front matter gives `title` (the nav and overview heading) and `order` (its
  place among the topic's pages, smallest first; pages without one come last, by title).
- Questions the importer adds and nobody has placed yet go to the topic's inbox pages,
  `new.md`, then `new-2.md`, … as each fills up, for an editor to move onto a subtopic page.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from llm_interview.pages import frontmatter
from llm_interview.pages.pagetext import find_entries, page_title, tokens
from llm_interview.pages.topics import SLUGS

PAGE_LIMIT = 25
INBOX = "new"
INBOX_TITLE = "新收录（待归类）"
PRACTICE_PAGE = "practice.md"  # the 练习 page, which the topic pages and the scripts link to
_UNORDERED = 10**6


def overview_path(slug: str) -> str:
    """A topic's overview page, relative to the docs folder."""
    return f"{slug}/index.md"


def inbox_path(slug: str, n: int) -> str:
    """The n-th inbox page (1-based) of a topic."""
    return f"{slug}/{INBOX}.md" if n == 1 else f"{slug}/{INBOX}-{n}.md"


def topic_of(src: str) -> str | None:
    """The topic a page belongs to (`architecture/attention.md` → `architecture`), or None."""
    folder, _, name = src.partition("/")
    return folder if folder in SLUGS and name.endswith(".md") and "/" not in name else None


def is_question_page(src: str) -> bool:
    """Whether a page may hold questions: a topic's page other than its overview."""
    return topic_of(src) is not None and not is_overview(src)


def is_overview(src: str) -> bool:
    """Whether a page is a topic's overview (its questions are searched on their own pages)."""
    return topic_of(src) is not None and src.endswith("/index.md")


@dataclass(frozen=True)
class Subpage:
    """A subtopic page: where it is, its title, its place, its question ids and the paragraph
    that introduces it (under its title, before its first question; may be empty)."""

    src: str
    title: str
    order: float
    ids: tuple[str, ...]
    intro: str


def subpage(src: str, markdown: str) -> Subpage:
    """Read one subtopic page's place in its topic."""
    meta = frontmatter.meta(markdown)
    title = str(meta.get("title") or page_title(markdown, src.rsplit("/", 1)[-1][:-3]))
    order = meta.get("order")
    order = float(order) if isinstance(order, int | float) else _UNORDERED
    return Subpage(src, title, order, tuple(e.id for e in find_entries(markdown)), _intro(markdown))


def _intro(markdown: str) -> str:
    """The first paragraph after the page's `#` title, if it comes before any other heading."""
    found = tokens(markdown)
    start = next(
        (n for n, t in enumerate(found) if t.type == "heading_open" and t.tag == "h1"), None
    )
    if start is None:
        return ""
    for n in range(start + 3, len(found)):
        if found[n].type == "paragraph_open" and found[n].level == 0:
            return found[n + 1].content.strip()
        if found[n].type == "heading_open":
            break
    return ""


def structure(
    pages: dict[str, str], read: Callable[[str, str], Subpage] = subpage
) -> dict[str, list[Subpage]]:
    """Each topic's subtopic pages in reading order, from `{src: markdown}` of the site's pages,
    each read by `read(src, markdown)` (subpage, or the site plugin's site.memo.Memo of it)."""
    found: dict[str, list[Subpage]] = {slug: [] for slug in SLUGS}
    for src, markdown in pages.items():
        if is_question_page(src):
            found[topic_of(src)].append(read(src, markdown))
    for subpages in found.values():
        subpages.sort(key=lambda s: (s.order, s.title, s.src))
    return found


def site_pages(files) -> dict[str, str]:
    """`{src: markdown}` of the Markdown pages in an MkDocs `Files` collection."""
    return {
        f.src_uri: f.content_string
        for f in files.documentation_pages()
        if f.src_uri.endswith(".md")
    }


def question_pages(pages: dict[str, str]) -> dict[str, str]:
    """The question pages among `{src: markdown}`."""
    return {src: text for src, text in pages.items() if is_question_page(src)}


def read_pages(docs: Path) -> dict[str, str]:
    """`{src: markdown}` of every question page under a docs folder."""
    return {
        src: (docs / src).read_text(encoding="utf-8")
        for src in sorted(p.relative_to(docs).as_posix() for p in docs.glob("*/*.md"))
        if is_question_page(src)
    }
