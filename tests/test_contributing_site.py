"""What a contributor relies on in the built site: edit links, update dates, link checking."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import ROOT, mkdocs_build, source_copy

pytestmark = pytest.mark.build  # these tests build the site themselves

EDIT_PREFIX = "https://github.com/llm-interview-zh/llm-interview-zh/edit/main/"
EDIT_LINK = re.compile(r'<a href="([^"]+)" title="编辑此页"')
UPDATED = re.compile(r'git-revision-date-localized-plugin-date"[^>]*>(\d{4}年\d{1,2}月\d{1,2}日)<')
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


def git(cwd: Path, *args: str) -> None:
    ident = ["-c", "user.name=test", "-c", "user.email=test@example.com"]
    subprocess.run(["git", *ident, *args], cwd=cwd, check=True, capture_output=True)


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


@pytest.mark.parametrize("shallow", [False, True], ids=["no-git", "shallow-clone"])
def test_builds_without_git_history(tmp_path: Path, shallow: bool):
    tree = source_copy(tmp_path / "src")
    if shallow:
        git(tree, "init", "-q")
        git(tree, "add", "-A")
        git(tree, "commit", "-q", "-m", "snapshot")
        git(tree, "commit", "-q", "--allow-empty", "-m", "later")  # depth 1 then cuts history
        git(tmp_path, "clone", "-q", "--depth", "1", f"file://{tree}", "shallow")
        for untracked in (
            ".cache",
            "node_modules",
        ):  # installed, not committed: the clone lacks them
            if (tree / untracked).is_dir():
                shutil.copytree(tree / untracked, tmp_path / "shallow" / untracked)
        tree = tmp_path / "shallow"
        assert (tree / ".git/shallow").is_file()
    result = mkdocs_build(tree / "mkdocs.yml", tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    assert UPDATED.search((tmp_path / "site/index.html").read_text(encoding="utf-8"))


def test_strict_build_fails_on_a_broken_link_or_anchor(tmp_path: Path):
    tree = source_copy(tmp_path / "src")
    page = next(p for p in sorted((tree / "docs").glob("*/*.md")) if "notebooks" not in str(p))
    with page.open("a", encoding="utf-8") as f:
        f.write("\n[坏链接](../no-such-page.md) [坏锚点](../contributing.md#no-such-anchor)\n")
    result = mkdocs_build(tree / "mkdocs.yml", tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "no-such-page.md" in output
    assert "#no-such-anchor" in output
