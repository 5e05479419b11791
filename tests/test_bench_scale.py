"""The scale benchmark's synthetic bank and figures (scripts/bench/bench_scale.py): copies of
every question on sibling pages, whatever page the question lives on."""

from __future__ import annotations

from pathlib import Path

from llm_interview.bench.search_timing import original, top3_hit
from llm_interview.bench.site_figures import html_path, kind, largest_file, shard_files
from llm_interview.bench.synthetic_bank import questions, replicate, scaled_copy
from llm_interview.pages.pagetext import find_entries

ENTRY = """## 什么是 RoPE？ {#rope}

关键词：RoPE · 旋转位置编码
{: .qa-keywords }

见 [上文](#rope) 与 [术语](../glossary.md#rope)。
"""
PAGE = f"---\ntags:\n  - RoPE\n---\n\n# 位置编码\n\n{ENTRY}\n## 为什么要外推？ {{#extrapolation}}\n\n关键词：外推\n"
CONFIG = """site_name: t
nav:
  - 首页: index.md
  - 模型架构:
      - architecture/index.md
      - 位置编码: architecture/position.md
      - notebooks/attention.py
  - 练习: practice.md
"""


def test_a_copy_has_new_ids_links_and_titles():
    copy = replicate(PAGE, 3)
    assert [e.id for e in find_entries(copy)] == ["rope-x3", "extrapolation-x3"]
    assert "](#rope-x3)" in copy and "](../glossary.md#rope)" in copy
    assert "# 位置编码（第 3 组）" in copy and "什么是 RoPE？（第 3 组） {#rope-x3}" in copy
    assert "关键词：RoPE · 旋转位置编码" in copy  # the search terms stay


def test_every_page_with_questions_gets_siblings_wherever_it_lives(tmp_path: Path):
    root = tmp_path / "repo"
    (root / "docs" / "architecture").mkdir(parents=True)
    (root / "docs" / "notebooks").mkdir()
    (root / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    (root / "docs" / "index.md").write_text("# 首页\n", encoding="utf-8")
    (root / "docs" / "architecture" / "index.md").write_text("# 模型架构\n", encoding="utf-8")
    (root / "docs" / "architecture" / "position.md").write_text(PAGE, encoding="utf-8")
    (root / "docs" / "practice.md").write_text("# 练习\n\n## 错题本 {#missed}\n", encoding="utf-8")
    (root / "docs" / "notebooks" / "attention.py").write_text("# %%\n", encoding="utf-8")

    count = scaled_copy(root, tmp_path / "copy", 3)

    docs = tmp_path / "copy" / "docs"
    assert count == 6
    assert sorted(p.name for p in (docs / "architecture").iterdir()) == [
        "index.md",
        "position-x2.md",
        "position-x3.md",
        "position.md",
    ]
    assert not (docs / "practice-x2.md").exists() and not (docs / "notebooks").exists()
    nav = (tmp_path / "copy" / "mkdocs.yml").read_text(encoding="utf-8")
    assert (
        "      - 位置编码: architecture/position.md\n"
        "      - architecture/position-x2.md\n"
        "      - architecture/position-x3.md\n"
        "  - 练习: practice.md"
    ) in nav
    assert "notebooks/" not in nav
    ids = [e.id for p in docs.rglob("*.md") for e in questions(p.read_text(encoding="utf-8"))]
    assert len(ids) == len(set(ids)) == 6


def test_a_copy_for_the_pdf_keeps_the_notebooks_and_their_cached_outputs(tmp_path: Path):
    root = tmp_path / "repo"
    (root / "docs" / "architecture").mkdir(parents=True)
    (root / "docs" / "notebooks").mkdir()
    (root / ".cache").mkdir()
    (root / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    (root / "docs" / "architecture" / "position.md").write_text(PAGE, encoding="utf-8")
    (root / "docs" / "notebooks" / "attention.py").write_text("# %%\n", encoding="utf-8")

    assert scaled_copy(root, tmp_path / "copy", 2, notebooks=True) == 4

    copy = tmp_path / "copy"
    assert (copy / "docs" / "notebooks" / "attention.py").is_file()
    assert "notebooks/attention.py" in (copy / "mkdocs.yml").read_text(encoding="utf-8")
    assert (copy / ".cache").resolve() == (root / ".cache").resolve()


def test_pages_are_told_apart_by_kind():
    assert html_path("architecture/position.md") == "architecture/position/index.html"
    assert html_path("architecture/index.md") == "architecture/index.html"
    assert kind("index.md", False) == "home" and kind("errata.md", False) == "errata"
    assert kind("architecture/index.md", False) == "topic overview"
    assert kind("architecture/index.md", True) == "topic page"
    assert kind("architecture/position-x2.md", True) == "content page"
    assert kind("practice.md", False) == "other"


def test_a_synthetic_copy_counts_as_its_question():
    assert original("architecture/position-x12/#rope-x12") == "architecture/position/#rope"
    assert original("architecture/index-x3/#rope-x3") == "architecture/#rope"
    assert top3_hit("architecture/#rope", ["a/", "b/", "architecture/index-x2/#rope-x2"])
    assert not top3_hit("architecture/#rope", ["a/", "b/", "c/", "architecture/#rope"])


def test_the_shards_of_records_are_told_from_the_other_search_files():
    files = {
        "records-0.json": (2000, 200),
        "records-text-0.json": (900, 300),
        "records-text-12.json": (800, 310),
        "search_index.json": (10, 5),
    }
    assert shard_files(files) == {
        "heads": {"records-0.json": (2000, 200)},
        "texts": {"records-text-0.json": (900, 300), "records-text-12.json": (800, 310)},
    }
    assert largest_file(files) == ("records-text-12.json", 800, 310)
