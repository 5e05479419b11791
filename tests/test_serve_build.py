"""A dirty rebuild of `make serve` after an edit (issue 22), built as `mkdocs serve --dirty` builds:
the edited page, its topic overview, its search records and its practice items show the edit;
the pages it did not render keep exactly one policy, the same as the others; the formulas' font
keeps the characters of every page, not only the edited one's."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import source_copy
from mkdocs.commands.build import build
from mkdocs.config import load_config

from llm_interview.math.font import URI as FONT
from llm_interview.search.index import load_docs

PAGE, URL = "docs/rl/rlhf.md", "rl/rlhf/"
TITLE = "## 大语言模型的对齐问题有哪些典型表现？ {#alignment-problems"
POLICY = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')


@pytest.fixture(scope="module")
def copy(tmp_path_factory) -> Path:
    return source_copy(tmp_path_factory.mktemp("serve") / "repo")


def serve_build(repo: Path, site: Path, first: bool) -> None:
    """One build as `mkdocs serve --dirty` runs it (the configuration loaded anew each time)."""
    config = load_config(str(repo / "mkdocs.yml"), site_dir=str(site))
    config.site_url = "http://127.0.0.1:8000/llm-interview-zh/"
    if first:
        config.plugins.on_startup(command="serve", dirty=True)
    build(config, serve_url=config.site_url, dirty=True)


def practice(site: Path) -> list[dict]:
    bank = json.loads((site / "practice.json").read_text(encoding="utf-8"))
    return [e for e in bank["entries"] if e["url"].startswith(URL)]


def records(site: Path) -> list[dict]:
    return [d for d in load_docs(site) if d["location"].startswith(URL)]


def test_a_dirty_rebuild_shows_the_edit_and_keeps_the_rest(copy, tmp_path, monkeypatch):
    monkeypatch.setenv("GIT_DATES", "false")
    monkeypatch.setenv("PRINT_PAGE", "false")
    monkeypatch.chdir(copy)
    site = tmp_path / "site"
    serve_build(copy, site, first=True)
    font = (site / FONT).read_bytes()
    counts = len(records(site)), len(practice(site)), len(load_docs(site))
    page = copy / PAGE
    text = page.read_text(encoding="utf-8")
    assert TITLE in text and "**要点**" in text
    edited = text.replace(TITLE, TITLE.replace("典型表现", "标记乙"), 1)
    page.write_text(edited.replace("**要点**", "**要点** 标记甲", 1), encoding="utf-8")

    serve_build(copy, site, first=False)

    assert "标记甲" in (site / URL / "index.html").read_text(encoding="utf-8")
    assert "标记乙" in (site / "rl" / "index.html").read_text(encoding="utf-8")  # its overview
    found = records(site)
    assert (len(found), len(practice(site)), len(load_docs(site))) == counts
    assert any("标记乙" in d["title"] and "标记甲" in d["text"] for d in found)
    assert any("标记乙" in e["title"] and "标记甲" in e["answer"] for e in practice(site))
    policies = set()
    for html in site.rglob("*.html"):
        found_policies = POLICY.findall(html.read_text(encoding="utf-8"))
        assert len(found_policies) == 1, html
        policies.update(found_policies)
    assert len(policies) == 1
    assert (site / FONT).read_bytes() == font
