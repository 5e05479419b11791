"""The bibliography (data/references.yaml): works cited by key as `[@key]` in the pages.

Each work is kept once: key, authors, year, title, arXiv id or venue, URL, and how it was checked.
The build turns `[@key]` into a link to the work and renders the 参考文献 page, which lists every
work with the entries that cite it. Unknown keys, malformed arXiv ids, a work cited nowhere and
one arXiv id under two keys are errors.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from llm_interview.checks.datafields import escape
from llm_interview.editorial import related
from llm_interview.editorial.listing import first_few
from llm_interview.pages import yamltext
from llm_interview.pages.pagetext import find_entries, outside_fences

CITATION = re.compile(r"\[@(?P<key>[a-z][a-z0-9-]*)\]")
KEY = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
ARXIV = re.compile(r"^\d{4}\.\d{4,5}$")
REQUIRED = ("key", "authors", "title", "url", "checked")


class BibliographyError(ValueError):
    """A malformed work, a key cited but not defined, or a work defined but never cited."""


@dataclass(frozen=True)
class Work:
    """One cited work."""

    key: str
    authors: tuple[str, ...]
    title: str
    url: str
    checked: str
    year: int | None = None  # a paper's year; documentation may have none
    arxiv: str = ""
    venue: str = ""

    @property
    def short(self) -> str:
        """How a citation reads in the text: «Su et al., 2021»."""
        first = self.authors[0]
        surname = first if re.search(r"[\u4e00-\u9fff]", first) else first.split()[-1]
        etal = " et al." if len(self.authors) > 1 else ""
        return f"{surname}{etal}, {self.year}" if self.year else f"{first}{etal}"

    @property
    def where(self) -> str:
        """Venue and arXiv id as the bibliography prints them."""
        parts = [self.venue] if self.venue else []
        if self.arxiv:
            parts.append(f"arXiv:{self.arxiv}")
        return "，".join(parts)


@dataclass(frozen=True)
class Citation:
    """One `[@key]` in a page: where it is and which entry it belongs to."""

    key: str
    page: str
    line: int
    entry_id: str
    entry_title: str


def _work(record: dict, n: int) -> Work:
    missing = [f for f in REQUIRED if not record.get(f)]
    if record.get("arxiv") and not record.get("year"):
        missing.append("year")
    where = f"data/references.yaml 第 {n} 条（{record.get('key', '?')}）"
    if missing:
        raise BibliographyError(f"{where}：缺少字段 {', '.join(missing)}")
    if not KEY.match(record["key"]):
        raise BibliographyError(
            f"{where}：键名只用小写字母、数字和连字符：论文写成「第一作者姓 + 年份 + 标题首词」，"
            "如 su2021roformer；文档写成「机构-主题」，如 hf-peft-lora"
        )
    arxiv = str(record.get("arxiv") or "")
    if arxiv and not ARXIV.match(arxiv):
        raise BibliographyError(f"{where}：arXiv 编号「{arxiv}」格式不对，应为 2104.09864 这样")
    if arxiv and arxiv not in record["url"]:
        raise BibliographyError(f"{where}：url 没有指向 arXiv:{arxiv}")
    authors = record["authors"]
    return Work(
        key=record["key"],
        authors=tuple(authors if isinstance(authors, list) else [authors]),
        year=int(record["year"]) if record.get("year") else None,
        title=str(record["title"]),
        url=str(record["url"]),
        checked=str(record["checked"]),
        arxiv=arxiv,
        venue=str(record.get("venue") or ""),
    )


def load(path: Path) -> dict[str, Work]:
    """The works in the bibliography file, by key; malformed or repeated works are errors."""
    return parse(path.read_text(encoding="utf-8"))


def parse(text: str) -> dict[str, Work]:
    """The works in the bibliography file's text (see load)."""
    works: dict[str, Work] = {}
    by_arxiv: dict[str, str] = {}
    for n, record in enumerate(yamltext.load(text) or [], 1):
        work = _work(record, n)
        if work.key in works:
            raise BibliographyError(f"data/references.yaml：键 {work.key} 出现了两次")
        if work.arxiv and work.arxiv in by_arxiv:
            raise BibliographyError(
                f"data/references.yaml：arXiv:{work.arxiv} 同时登记为 "
                f"{by_arxiv[work.arxiv]} 和 {work.key}，只保留一个键"
            )
        works[work.key] = work
        if work.arxiv:
            by_arxiv[work.arxiv] = work.key
    return works


def check(works: dict[str, Work], citations: list[Citation]) -> None:
    """Every citation names a known work and every work is cited somewhere."""
    for c in citations:
        if c.key not in works:
            raise BibliographyError(
                f"docs/{c.page}:{c.line}: 引用了未登记的文献 [@{c.key}]。"
                "请先在 data/references.yaml 里登记这篇文献（见 CONTRIBUTING「引用文献」）。"
            )
    unused = sorted(set(works) - {c.key for c in citations})
    if unused:
        raise BibliographyError(
            f"data/references.yaml：这些文献没有任何页面引用，请删除或引用：{', '.join(unused)}"
        )


def link(work: Work) -> str:
    """The Markdown a citation becomes: the short form linking to the work, full title on hover."""
    title = work.title.replace('"', "'")
    return f'[{work.short}]({work.url} "{title}"){{ .qa-cite }}'


def replace(markdown: str, works: dict[str, Work]) -> str:
    """`[@key]` → a link to the work (unknown keys are left for `check` to report)."""
    return CITATION.sub(lambda m: link(works[m["key"]]) if m["key"] in works else m[0], markdown)


def render(works: dict[str, Work], citations: list[Citation], page: str) -> str:
    """The 参考文献 list: each work with the entries that cite it, sorted by first author."""
    cited_by: dict[str, dict[str, Citation]] = defaultdict(dict)
    for c in citations:
        cited_by[c.key].setdefault(c.entry_id, c)
    lines = []
    for work in sorted(works.values(), key=lambda w: (w.authors[0].split()[-1].lower(), w.key)):
        authors = escape(", ".join(work.authors))
        year = f" {work.year}." if work.year else ""
        where = f"，{escape(work.where)}" if work.where else ""
        stop = "" if authors.endswith(".") else "."
        lines.append(f"- {authors}{stop}{year} [{escape(work.title)}]({work.url}){where}  ")
        refs = [
            f"[{c.entry_title}]({related.link(page, related.Target(c.page, ''), c.entry_id)})"
            for c in cited_by[work.key].values()
        ]
        lines.append(f"  引用它的题目：{first_few(refs, '；')}")
    return "\n".join(lines)


def find_citations(page: str, markdown: str) -> list[Citation]:
    """The `[@key]` citations inside the entries of one topic page, outside fenced code."""
    lines = markdown.split("\n")
    outside = outside_fences(lines)
    return [
        Citation(m["key"], page, i + 1, entry.id, entry.title)
        for entry in find_entries(markdown)
        for i in range(entry.start, entry.end)
        if outside[i]
        for m in CITATION.finditer(lines[i])
    ]
