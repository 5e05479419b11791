"""Figures of a built site read from its files: page sizes by kind, search index size, and a local
server that compresses like a static host (GitHub Pages sends HTML, CSS, JS and JSON gzipped)."""

from __future__ import annotations

import gzip
import re
from dataclasses import dataclass
from pathlib import Path

from llm_interview.pages.urls import html_path

COMPRESSED = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt"}
KINDS = ("home", "topic overview", "content page", "glossary", "errata", "tags", "other")
NAMED = {"index.md": "home", "glossary.md": "glossary", "errata.md": "errata", "tags.md": "tags"}
SHARD = re.compile(r"records-(text-)?\d+\.json")


@dataclass(frozen=True)
class PageSize:
    path: str  # the page's URL path inside the site, e.g. "architecture/"
    raw: int
    gz: int


def gz_size(data: bytes) -> int:
    return len(gzip.compress(data, 6))


def kind(src: str, holds_questions: bool) -> str:
    """Which kind of reading page a Markdown source is."""
    if src in NAMED:
        return NAMED[src]
    if src.endswith("/index.md") and src.count("/") == 1:
        return "topic overview" if not holds_questions else "topic page"
    return "content page" if holds_questions else "other"


def largest_pages(site: Path, pages: dict[str, str]) -> dict[str, tuple[PageSize, int]]:
    """Per kind: its largest page (gzipped) and how many pages it has. `pages`: src -> kind."""
    found: dict[str, list[PageSize]] = {}
    for src, page_kind in pages.items():
        built = site / html_path(src)
        if built.exists():
            data = built.read_bytes()
            url = html_path(src).removesuffix("index.html")
            found.setdefault(page_kind, []).append(PageSize(url, len(data), gz_size(data)))
    return {k: (max(v, key=lambda p: p.gz), len(v)) for k, v in found.items()}


def over_budget(site: Path, pages: dict[str, str], budget_kb: float) -> list[PageSize]:
    """Reading pages over `budget_kb` gzipped."""
    sizes = []
    for src in pages:
        built = site / html_path(src)
        if built.exists():
            data = built.read_bytes()
            size = PageSize(html_path(src), len(data), gz_size(data))
            if size.gz > budget_kb * 1024:
                sizes.append(size)
    return sizes


def search_files(site: Path) -> dict[str, tuple[int, int]]:
    """Raw and gzipped bytes of each file of the search index (the stub and the records)."""
    files = sorted((site / "search").glob("*.json"))
    return {f.name: (f.stat().st_size, gz_size(f.read_bytes())) for f in files}


def shard_files(files: dict[str, tuple[int, int]]) -> dict[str, dict[str, tuple[int, int]]]:
    """The shards of records among the search files (search.index), heads and texts apart."""
    found: dict[str, dict[str, tuple[int, int]]] = {"heads": {}, "texts": {}}
    for name, size in files.items():
        if m := SHARD.fullmatch(name):
            found["texts" if m[1] else "heads"][name] = size
    return found


def largest_file(files: dict[str, tuple[int, int]]) -> tuple[str, int, int]:
    """The name, raw and gzipped bytes of the file that is largest gzipped."""
    name, (raw, gz) = max(files.items(), key=lambda item: item[1][1])
    return name, raw, gz
