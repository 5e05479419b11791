"""Issue 10 reproducers through a real `mkdocs build --strict` of a copy of the site.

The hostile dump is imported into the copy's pages (twice: the second run must change nothing),
the copy is built with the repository's own mkdocs.yml, and every imported entry's built HTML
must show its text as written with no markup the importer did not write. A duplicate id then
stops the build with one line naming both places.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from conftest import ROOT, mkdocs_build
from hostile import REPRODUCERS, as_shown, inspect, urls_in

from helpers import run_split, snapshot
from llm_interview.importer.source import parse_dump
from llm_interview.importer.text import Kind, kind_of
from llm_interview.pages.pagetext import find_entries

pytestmark = pytest.mark.build  # these tests build the site themselves

NOT_COPIED = (".git", ".venv", "site", "build", ".pytest_cache", ".ruff_cache", "__pycache__")
SECTION_END = re.compile(r"<h2 |<aside |</article>")


@pytest.fixture(scope="module")
def imported(tmp_path_factory) -> tuple[Path, dict, Path]:
    """(the copy, the import report, the built site) after importing every reproducer."""
    tmp = tmp_path_factory.mktemp("hostile")
    tree = tmp / "tree"
    shutil.copytree(ROOT, tree, ignore=shutil.ignore_patterns(*NOT_COPIED), symlinks=True)
    dump = tmp / "hostile.txt"
    dump.write_text("\n".join(x for lines in REPRODUCERS.values() for x in lines), "utf-8")
    args = ("--seed", dump, "--out", tree / "docs", "--report", tmp / "report.json")
    first = run_split(*args)
    assert first.returncode == 0, first.stderr
    report = json.loads((tmp / "report.json").read_text(encoding="utf-8"))
    pages = snapshot(tree / "docs")
    second = run_split(*args)
    assert second.returncode == 0, second.stderr
    assert snapshot(tree / "docs") == pages, "a second import changed the pages"
    result = mkdocs_build(tree / "mkdocs.yml", tmp / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    return tree, report, tmp / "site"


def section(page_html: str, entry_id: str) -> str:
    """The built HTML of one entry: its heading up to the next heading or the page's end."""
    start = page_html.index(f'<h2 class="qa-question" id="{entry_id}"')
    end = SECTION_END.search(page_html, start + 1)
    return page_html[start : end.start() if end else len(page_html)]


def test_every_reproducer_is_imported_and_the_strict_build_passes(imported):
    _, report, site = imported
    written = [e for e in report["entries"] if e["written"]]
    assert written and (site / "index.html").is_file()
    held = sorted(n for e in report["entries"] for n in e["lines"])
    assert held == [line.no for line in _dump_lines()]


def test_built_entries_show_the_dump_text_and_no_markup(imported):
    _, report, site = imported
    lines = {line.no: line.text for line in _dump_lines()}
    urls = urls_in(list(lines.values()))
    for entry in report["entries"]:
        page = entry["anchor"].split("#")[0]
        html = section((site / page / "index.html").read_text("utf-8"), entry["id"])
        problems, shown = inspect(html, urls)
        assert problems == [], f"{entry['id']}: {problems}\n{html}"
        for n in entry["lines"]:
            if kind_of(lines[n]) is not Kind.MARKER:
                assert as_shown(lines[n]) in shown, f"line {n} not shown: {lines[n]!r}"
    assert "onmouseover" not in "".join(
        p.read_text("utf-8").replace("onmouseover=alert", "") for p in site.rglob("*.html")
    )


def test_the_errata_pages_list_no_imported_line(imported):
    _, report, site = imported
    errata = "".join(p.read_text("utf-8") for p in (site / "errata").rglob("index.html"))
    assert not any(f"#{e['id']}" in errata for e in report["entries"] if e["written"])


def test_a_duplicate_id_fails_the_build_naming_both_places(imported, tmp_path):
    tree, _, _ = imported
    topic = tree / "docs" / "rl" / "basics.md"
    taken = find_entries(topic.read_text("utf-8"))[0]
    extra = tree / "docs" / "errata.md"
    original = extra.read_text("utf-8")
    try:
        extra.write_text(original + f"\n## 重复的题目？ {{#{taken.id}}}\n", "utf-8")
        line = original.count("\n") + 2
        result = mkdocs_build(tree / "mkdocs.yml", tmp_path / "site")
    finally:
        extra.write_text(original, "utf-8")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output
    [message] = [x for x in output.splitlines() if f"「{taken.id}」" in x]
    places = {f"docs/rl/basics.md:{taken.start + 1}", f"docs/errata.md:{line}"}
    assert all(place in message for place in places), message


def _dump_lines():
    return parse_dump("\n".join(x for lines in REPRODUCERS.values() for x in lines).encode())
