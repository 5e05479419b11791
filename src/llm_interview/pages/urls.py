"""Where a source page is served, under MkDocs' directory URLs (`use_directory_urls: true`, the
default): the one rule for "URL of a page" outside a build (inside one, MkDocs' own
`File.url` answers, as the site model keeps it)."""

from __future__ import annotations

from pathlib import PurePosixPath


def page_url(src: str) -> str:
    """The URL of a page from its path in docs/ (`rl/new.md` → `rl/new/`, `rl/index.md` → `rl/`,
    `index.md` → ``; a notebook `notebooks/lora.py` → `notebooks/lora/`)."""
    inside = PurePosixPath(src).with_suffix("")
    if inside.name == "index":
        inside = inside.parent
    return "" if str(inside) == "." else f"{inside}/"


def html_path(src: str) -> str:
    """The built file of a page: `a/b.md` → `a/b/index.html`, `index.md` → `index.html`."""
    return f"{page_url(src)}index.html"
