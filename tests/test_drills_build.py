"""The coding drills in the built site: one page per drill with its workbench, links both ways
with the questions, a download that pytest runs, nothing of the solution on paper."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from llm_interview.drills import source
from llm_interview.search.index import load_docs

ROOT = Path(__file__).resolve().parent.parent
DRILLS = source.load_all(ROOT / "drills")


def test_there_are_at_least_fourteen_drills_each_with_its_page_and_spec(built_site):
    assert len(DRILLS) >= 14
    for drill in DRILLS:
        page = (built_site / "drills" / drill.id / "index.html").read_text("utf-8")
        assert f'data-drill-id="{drill.id}"' in page and 'class="drill-skeleton"' in page
        assert "运行测试" not in page  # the button comes with the script; no dead button
        assert 'class="qa-question"' not in page  # its headings are no questions (nor in the PDF)
        spec = json.loads((built_site / "assets" / "drills" / f"{drill.id}.json").read_text())
        assert spec["cases"] == drill.cases and spec["runtime"] == drill.runtime


def test_the_section_page_lists_every_drill_and_the_home_and_nav_reach_it(built_site):
    section = (built_site / "drills" / "index.html").read_text("utf-8")
    assert all(f'data-drill-id="{d.id}"' in section for d in DRILLS)
    assert "为什么用 numpy，不用 PyTorch" in section
    home = (built_site / "index.html").read_text("utf-8")
    assert 'href="drills/' in home


def test_drills_and_questions_link_both_ways(built_site):
    attention = next(d for d in DRILLS if d.id == "attention")
    page = (built_site / "drills" / "attention" / "index.html").read_text("utf-8")
    assert all(f"#{qid}" in page for qid in attention.related)
    questions = (built_site / "architecture" / "attention" / "index.html").read_text("utf-8")
    assert "手撕代码" in questions and "../../drills/attention/" in questions


@pytest.mark.parametrize("name", ["solution", "skeleton"])
def test_the_download_runs_with_pytest(built_site, tmp_path, name):
    drill = next(d for d in DRILLS if d.id == "dpo")
    text = (built_site / "drills" / "dpo" / "dpo.py").read_text("utf-8")
    assert text.count(drill.skeleton.strip()) == 1
    if name == "solution":
        text = text.replace(drill.skeleton.strip(), drill.solution.strip())
    (tmp_path / "dpo.py").write_text(text, "utf-8")
    cmd = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "dpo.py"]
    done = subprocess.run(cmd, cwd=tmp_path, capture_output=True, text=True)
    assert (done.returncode == 0) == (name == "solution"), done.stdout[-2000:]


def test_paper_gets_the_task_and_the_explanation_but_not_the_solution(built_site):
    printed = (built_site / "print" / "index.html").read_text("utf-8")
    drill = next(d for d in DRILLS if d.id == "bpe")
    assert drill.title in printed and "drill-skeleton" in printed
    assert "drill-solution" not in printed


def test_search_finds_drills_by_title_and_keywords(built_site):
    drills = [r for r in load_docs(built_site) if r["location"].startswith("drills/")]
    beam = next(d for d in DRILLS if d.id == "beam-search")
    page = [r for r in drills if r["location"].startswith("drills/beam-search/")]
    assert any(r["title"] == beam.title for r in page)
    assert all(k in json.dumps(page, ensure_ascii=False) for k in beam.keywords)
