"""Content rules over every entry (参考答案, citations, ids, titles) and the bibliography's rules."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from editorial import bibliography, entry_rules, related

from seedsplit.pagetext import find_entries
from seedsplit.topics import SLUGS as TOPICS

ROOT = Path(__file__).resolve().parent.parent
REFERENCES = ROOT / "scripts" / "references.yaml"


def topic_pages() -> dict[str, str]:
    """Path inside docs/ -> Markdown, for every topic page."""
    return {
        f"{t}/index.md": (ROOT / "docs" / t / "index.md").read_text(encoding="utf-8")
        for t in TOPICS
        if (ROOT / "docs" / t / "index.md").exists()
    }


@pytest.mark.parametrize("page", sorted(topic_pages()))
def test_every_entry_follows_the_entry_rules(page):
    problems = entry_rules.page_problems(page, topic_pages()[page])
    assert not problems, "\n".join(map(str, problems))


def test_ids_are_unique_across_pages():
    problems = entry_rules.duplicate_ids(topic_pages())
    assert not problems, "\n".join(map(str, problems))


def test_every_entry_has_a_related_question_both_ways():
    pages = topic_pages()
    ids = {e.id for text in pages.values() for e in find_entries(text)}
    declared = yaml.safe_load((ROOT / "scripts" / "related.yaml").read_text(encoding="utf-8"))
    links = related.neighbours(declared["groups"], ids)
    lonely = sorted(ids - set(links) - set(declared.get("alone") or []))
    assert not lonely, f"entries without 相关问题: {lonely}"
    assert all(a in links[b] for a in links for b in links[a])


def test_bibliography_is_valid_and_every_work_is_cited():
    works = bibliography.load(REFERENCES)
    citations = [c for p, t in topic_pages().items() for c in bibliography.find_citations(p, t)]
    bibliography.check(works, citations)
    assert all(w.checked for w in works.values())


ENTRY = """## 什么是 RoPE？ {#rope}

关键词：RoPE
{: .qa-keywords }

/// html | div.qa-answer
RoPE 用旋转矩阵编码位置 [@su2021roformer]。
///

/// details | 原始回答
    type: quote

原文。
///
"""


def problems_of(markdown: str) -> list[str]:
    return [p.message for p in entry_rules.page_problems("x/index.md", markdown)]


def test_a_well_formed_entry_passes():
    assert problems_of(ENTRY) == []


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (("{#rope}", "{#RoPE_1}"), "只能用小写英文"),
        (("什么是 RoPE？", "RoPE 简介"), "要写成问句"),
        (("/// html | div.qa-answer", "参考答案："), "缺少参考答案"),
        ((" [@su2021roformer]", ""), "至少要引用一篇文献"),
        (("原文。", ""), "原始回答块是空的"),
        (("用旋转矩阵", "用 $p(x_t\\mid x_{<t})$ 和旋转矩阵"), "写成「\\lt 」"),
    ],
    ids=[
        "id-form",
        "title-not-a-question",
        "no-answer",
        "no-citation",
        "empty-original",
        "tag-in-math",
    ],
)
def test_each_entry_rule_fails_with_its_message(change, expected):
    messages = problems_of(ENTRY.replace(*change))
    assert any(expected in m for m in messages), messages


def test_an_entry_awaiting_review_may_lack_an_answer():
    pending = '## 什么是 RoPE？ {#rope}\n\n!!! note "待审核"\n\n    导入的新题。\n\n原文。\n'
    assert problems_of(pending) == []


def test_a_duplicate_id_names_both_places():
    pages = {"a/index.md": ENTRY, "b/index.md": "# B\n\n" + ENTRY}
    [problem] = entry_rules.duplicate_ids(pages)
    assert str(problem).startswith("docs/b/index.md:3:")
    assert "docs/a/index.md:1" in problem.message


WORK = {
    "key": "su2021roformer",
    "authors": ["Jianlin Su", "Yu Lu"],
    "year": 2021,
    "title": "RoFormer: Enhanced Transformer with Rotary Position Embedding",
    "arxiv": "2104.09864",
    "url": "https://arxiv.org/abs/2104.09864",
    "checked": "arXiv abstract page",
}


def load(tmp_path: Path, records: list[dict]) -> dict[str, bibliography.Work]:
    path = tmp_path / "references.yaml"
    path.write_text(yaml.safe_dump(records, allow_unicode=True), encoding="utf-8")
    return bibliography.load(path)


@pytest.mark.parametrize(
    ("records", "expected"),
    [
        ([{**WORK, "arxiv": "2104.986"}], "格式不对"),
        ([{**WORK, "key": "Su_2021"}], "键名只用小写字母、数字和连字符"),
        ([WORK, {**WORK, "key": "roformer2021"}], "同时登记为"),
        ([{k: v for k, v in WORK.items() if k != "checked"}], "缺少字段 checked"),
    ],
    ids=["arxiv-form", "key-form", "arxiv-twice", "unchecked"],
)
def test_malformed_bibliography_fails(tmp_path, records, expected):
    with pytest.raises(bibliography.BibliographyError, match=expected):
        load(tmp_path, records)


def test_unknown_key_and_uncited_work_fail(tmp_path):
    works = load(tmp_path, [WORK])
    cites = bibliography.find_citations(
        "x/index.md", ENTRY.replace("su2021roformer", "nobody2020x")
    )
    with pytest.raises(bibliography.BibliographyError, match=r"docs/x/index.md:7: .*nobody2020x"):
        bibliography.check(works, cites)
    with pytest.raises(bibliography.BibliographyError, match="没有任何页面引用"):
        bibliography.check(works, [])


def test_citations_become_links_and_the_listing_names_citing_entries(tmp_path):
    works = load(tmp_path, [WORK])
    cites = bibliography.find_citations("arch/index.md", ENTRY)
    assert bibliography.replace("见 [@su2021roformer]。", works) == (
        '见 [Su et al., 2021](https://arxiv.org/abs/2104.09864 "RoFormer: Enhanced Transformer'
        ' with Rotary Position Embedding"){ .qa-cite }。'
    )
    listing = bibliography.render(works, cites, "references.md")
    assert "arXiv:2104.09864" in listing
    assert "[什么是 RoPE？](arch/index.md#rope)" in listing
