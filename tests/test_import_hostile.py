"""Issue 10 reproducers at unit level: hostile dump text never becomes markup, re-import is
idempotent, invisible characters follow the copy lint's rule, duplicate ids stop the build."""

from __future__ import annotations

import json

import pytest
from hostile import REPRODUCERS, XSS, as_shown, inspect, site_markdown, squash, urls_in
from mkdocs.exceptions import PluginError

import llm_interview.checks.lint_copy as lint_copy
from helpers import import_into, run_split, snapshot
from llm_interview.checks.entry_rules import duplicate_ids
from llm_interview.editorial import errata
from llm_interview.editorial.plugin import refuse
from llm_interview.importer.assemble import assemble
from llm_interview.importer.references import References
from llm_interview.importer.render import render_entry
from llm_interview.importer.source import parse_dump, parse_source
from llm_interview.importer.text import Kind, kind_of
from llm_interview.pages.pagetext import find_entries, outside_fences

NO_REFS = References([])


def rendered(lines: list[str]) -> tuple[str, str]:
    """(Markdown, site HTML) of every entry the importer makes of `lines`."""
    dump = parse_dump("\n".join(lines).encode("utf-8"))
    page = "\n".join(render_entry(e, NO_REFS) for e in assemble(dump, [], NO_REFS).entries)
    return page, site_markdown(page)


@pytest.mark.parametrize("name", sorted(REPRODUCERS))
def test_reproducer_shows_its_text_and_no_markup(name):
    lines = REPRODUCERS[name]
    page, html = rendered(lines)
    problems, shown = inspect(html, urls_in(lines))
    assert problems == [], f"{name}: {problems}\n{page}"
    for line in parse_dump("\n".join(lines).encode("utf-8")):
        if kind_of(line.text) is not Kind.MARKER:
            assert as_shown(line.text) in shown, f"{line.text!r} is not shown as written"


def test_the_xss_url_is_a_plain_link_with_its_text_verbatim():
    _, html = rendered(REPRODUCERS["xss-autolink"])
    url = XSS.removeprefix("见 ")
    assert "onmouseover" not in html.replace("onmouseover=alert", "")
    assert 'href="https://example.org/&#96;a&#96;&#123;onmouseover=alert&#38;&#35;40;' in html
    problems, shown = inspect(html, {url})
    assert problems == [] and squash(url) in shown


@pytest.mark.parametrize(
    ("name", "forbidden"),
    [
        ("rule", "<hr"),
        ("admonition", 'class="admonition"'),
        ("details", "<details"),
        ("keys", "<kbd"),
        ("leading-spaces", "<pre"),
        ("equals", "\\="),
    ],
)
def test_reproducer_markup_is_absent(name, forbidden):
    assert forbidden not in rendered(REPRODUCERS[name])[1]


def test_an_errata_opener_in_the_dump_is_not_a_note():
    page, _ = rendered(["勘误如下:", *REPRODUCERS["errata-line"]])
    assert errata.parse_notes(page) == []


def test_invisible_characters_are_removed_by_the_copy_lint_rule_and_reported():
    raw = "\n".join(["第一行。", *REPRODUCERS["zero-width"], "\u200b", "\u202e反向\u202c文字。"])
    dump = parse_source(raw.encode("utf-8"))
    assert [c["line"] for c in dump.cleaned] == [2, 3, 4]
    assert dump.cleaned[1] == {"line": 3, "removed": ["U+200B"], "blank": True}
    assert dump.cleaned[2]["removed"] == ["U+202E", "U+202C"]
    page = "\n".join(render_entry(e, NO_REFS) for e in assemble(dump.lines, [], NO_REFS).entries)
    assert lint_copy.invisible_problems(page.split("\n")) == []
    assert "零宽字符与软连字符。" in page


def test_the_report_lists_every_cleaned_line(tmp_path):
    dump = tmp_path / "dump.txt"
    dump.write_text("第一行。\n零\u200b宽。\n\u00a0\n", encoding="utf-8")
    report = import_into(tmp_path / "docs", dump)
    assert report["cleaned"] == [
        {"line": 2, "removed": ["U+200B"], "blank": False},
        {"line": 3, "removed": ["U+00A0"], "blank": True},
    ]


def test_a_tilde_line_does_not_hide_later_entries_on_reimport(tmp_path):
    dump = tmp_path / "dump.txt"
    dump.write_text(
        "~~~\n第一个回答讲注意力机制。\n\nLoRA只训练降维矩阵A与升维矩阵B。\n", encoding="utf-8"
    )
    out = tmp_path / "docs"
    first = import_into(out, dump)
    before = snapshot(out)
    second = import_into(out, dump)
    assert snapshot(out) == before
    assert not any(e["written"] for e in second["entries"])
    ids = [e.id for page in out.rglob("*.md") for e in find_entries(page.read_text("utf-8"))]
    assert sorted(ids) == sorted(e["id"] for e in first["entries"])


@pytest.mark.parametrize(
    "page",
    [
        "## a {#a}\n\n~~~\n\n## b {#b}\n",
        "## a {#a}\n\n```\n## b {#b}\n",
        "## a {#a}\n\n```\n## not {#not}\n```\n\n## b {#b}\n",
        "---\ntags:\n  - x\n---\n\n# 标题\n\n## a {#a}\n\n- x\n\n    ```\n    ## not {#not}\n    ```\n\n## b {#b}\n",
        "## a {#a}\n\n<p>## not {#not}</p>\n\n<pre><code>x\n\n## not2 {#not2}\n</code></pre>\n\n## b {#b}\n",
    ],
)
def test_the_page_reader_finds_the_headings_the_renderer_makes(page):
    html = site_markdown(page)
    shown = [i for i in ("a", "b", "not", "not2") if f'<h2 id="{i}"' in html]
    assert [e.id for e in find_entries(page)] == shown


def test_outside_fences_follows_the_renderer_on_unclosed_fences():
    lines = ["x", "```", "y", "```", "~~~", "z"]
    assert outside_fences(lines) == [True, False, False, False, True, True]


def test_a_duplicate_id_anywhere_stops_the_build_naming_both_places():
    pages = {
        "rl/basics.md": "# 强化学习\n\n## 甲？ {#same}\n",
        "notes.md": "# 笔记\n\n正文。\n\n## 乙？ {#same}\n",
    }
    with pytest.raises(PluginError) as raised:
        refuse(duplicate_ids(pages))
    message = str(raised.value)
    assert "\n" not in message
    assert "docs/notes.md:5" in message and "docs/rl/basics.md:3" in message


def test_unique_ids_pass_the_build_check():
    refuse(duplicate_ids({"a.md": "## 甲？ {#a}\n## 乙？ {#b}\n"}))


def test_importing_reproducers_exits_zero_and_a_second_run_writes_nothing(tmp_path):
    dump = tmp_path / "dump.txt"
    dump.write_text("\n".join(x for lines in REPRODUCERS.values() for x in lines), "utf-8")
    out = tmp_path / "docs"
    import_into(out, dump)
    before = snapshot(out)
    result = run_split("--seed", dump, "--out", out, "--report", tmp_path / "r.json")
    assert result.returncode == 0, result.stderr
    assert snapshot(out) == before
    assert not any(e["written"] for e in json.loads((tmp_path / "r.json").read_text())["entries"])
