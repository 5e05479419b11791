"""What a contributor relies on in the built site: edit links, update dates, well-formed links.
Update dates in a shallow clone: tests/test_contributed_copy.py; without any history (a source
tarball) and link checking: the contributor check's own builds (tests/test_contributor_check.py)."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from conftest import ROOT

from helpers import UPDATED

EDIT_PREFIX = "https://github.com/llm-interview-zh/llm-interview-zh/edit/main/"
EDIT_LINK = re.compile(r'<a href="([^"]+)" title="编辑此页"')
EXTERNAL = re.compile(r'<a [^>]*href="((?:https?:)?//[^"]*)"')
HOSTNAME = re.compile(r"^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$", re.I)


def pages(site: Path) -> list[Path]:
    """Every page MkDocs built from a source file (not the 404 page, not JupyterLite's files, not
    the PDF edition's print page, which joins all the others)."""
    return [
        p
        for p in sorted(site.rglob("*.html"))
        if p.name != "404.html"
        and p.relative_to(site).as_posix() != "print/index.html"
        and 'name="generator" content="mkdocs-' in p.read_text("utf-8")
    ]


def test_every_page_has_an_edit_link_to_an_existing_file(built_site: Path):
    """Pages the build generates (a topic's errata page) have no file to edit, and no link."""
    generated = {f"errata/{p.parent.name}/index.html" for p in (ROOT / "docs").glob("*/index.md")}
    for page in pages(built_site):
        links = EDIT_LINK.findall(page.read_text(encoding="utf-8"))
        if page.relative_to(built_site).as_posix() in generated:
            assert links == [], page
            continue
        assert links, f"{page.relative_to(built_site)} has no 编辑此页 link"
        assert links[0].startswith(EDIT_PREFIX), links[0]
        assert (ROOT / links[0].removeprefix(EDIT_PREFIX)).is_file(), links[0]


def test_contributing_page_edits_the_guide_itself(built_site: Path):
    html = (built_site / "contributing/index.html").read_text(encoding="utf-8")
    assert EDIT_LINK.findall(html) == [EDIT_PREFIX + "CONTRIBUTING.md"]
    assert "报错对照表" in html


def test_every_page_shows_its_last_update(built_site: Path):
    for page in pages(built_site):
        assert UPDATED.search(page.read_text(encoding="utf-8")), page.relative_to(built_site)


def test_external_links_are_well_formed(built_site: Path):
    for page in pages(built_site):
        for href in EXTERNAL.findall(page.read_text(encoding="utf-8")):
            url = urlsplit(href.replace("&amp;", "&"))
            assert url.scheme in ("http", "https"), f"{page}: {href}"
            assert HOSTNAME.match(url.hostname or ""), f"{page}: bad host in {href}"
            assert not re.search(r"\s", href), f"{page}: whitespace in {href}"
