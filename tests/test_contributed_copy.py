"""A copy of the repository as a pull request could leave it, built once with the repository's own
mkdocs.yml, strict, for every test here:

- a shallow clone, as CI checks a pull request out (one commit of history, so the pages' update
  dates come from that commit);
- every issue-10 reproducer imported into its pages, twice (the second import must change
  nothing): every imported entry's built HTML shows its text as written, with no markup the
  importer did not write, and a duplicate id then stops the build with one line naming both
  places;
- every hostile payload the data rule lets through (tests/hostile.py), in every field a page
  shows: the site shows it as text.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import mkdocs_build, shallow_clone
from hostile import (
    REPRODUCERS,
    as_shown,
    display_fields,
    elements_made_by_payloads,
    inspect,
    urls_in,
)

from helpers import UPDATED, run_split, snapshot
from llm_interview.importer.source import parse_dump
from llm_interview.importer.text import Kind, kind_of
from llm_interview.pages.pagetext import find_entries

pytestmark = pytest.mark.build  # these tests build the site themselves

SECTION_END = re.compile(r"<h2 |<aside |</article>")


@pytest.fixture(scope="module")
def contributed(tmp_path_factory) -> Path:
    """The copy's folder: `repo/`, `report.json` (the first import's report) and `site/`."""
    folder = tmp_path_factory.mktemp("contributed")
    tree = shallow_clone(folder / "repo")
    assert (tree / ".git" / "shallow").is_file()
    dump = folder / "hostile.txt"
    dump.write_text("\n".join(x for lines in REPRODUCERS.values() for x in lines), "utf-8")
    args = ("--seed", dump, "--out", tree / "docs", "--report")
    first = run_split(*args, folder / "report.json")
    assert first.returncode == 0, first.stderr
    pages = snapshot(tree / "docs")
    second = run_split(*args, folder / "second-report.json")
    assert second.returncode == 0, second.stderr
    assert snapshot(tree / "docs") == pages, "a second import changed the pages"
    display_fields(tree)
    result = mkdocs_build(tree / "mkdocs.yml", folder / "site")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return folder


@pytest.fixture(scope="module")
def imported(contributed: Path) -> tuple[Path, dict, Path]:
    """(the copy, the first import's report, the built site)."""
    report = json.loads((contributed / "report.json").read_text(encoding="utf-8"))
    return contributed / "repo", report, contributed / "site"


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


def test_a_shallow_clone_shows_update_dates(contributed: Path):
    """CI checks a pull request out with one commit of history."""
    for page in ("index.html", "rl/rlhf/index.html"):
        html = (contributed / "site" / page).read_text(encoding="utf-8")
        assert UPDATED.search(html), page


def test_what_the_rule_lets_through_stays_text_on_every_page(contributed: Path):
    hostile_site = contributed / "site"
    pages = [
        p for p in hostile_site.rglob("*.html") if "lite" not in p.relative_to(hostile_site).parts
    ]
    made = {
        p.relative_to(hostile_site).as_posix(): found
        for p in pages
        if (found := elements_made_by_payloads(p.read_text(encoding="utf-8")))
    }
    assert made == {}
    glossary_page = (hostile_site / "glossary" / "index.html").read_text(encoding="utf-8")
    assert "{{ 7*7 }}" in glossary_page and "49 " not in glossary_page.split("{{ 7*7 }}")[0][-5:]
    references = (hostile_site / "references" / "index.html").read_text(encoding="utf-8")
    assert "长" * 10240 in references
    notebook = (hostile_site / "notebooks" / "q_learning" / "index.html").read_text(
        encoding="utf-8"
    )
    assert "{% if true %}" in notebook
