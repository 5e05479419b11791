"""Content rules over every entry (参考答案, citations, ids, titles) and the bibliography's rules."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from llm_interview.checks import content_check, entry_rules
from llm_interview.editorial import bibliography
from llm_interview.pages.layout import PAGE_LIMIT

ROOT = Path(__file__).resolve().parent.parent
REFERENCES = ROOT / "data" / "references.yaml"


def test_the_repository_passes_every_content_rule():
    """The same rules `make check` applies; here so that a pytest run alone also sees them."""
    problems = content_check.collect(ROOT)
    assert not problems, "\n".join(map(str, problems))


ENTRY = """## 什么是 RoPE？ {#rope level=基础}

关键词：RoPE
{: .qa-keywords }

/// html | div.qa-answer
RoPE 用旋转矩阵编码位置 [@su2021roformer]。

**面试追问**

- **为什么是相对位置？** 两个旋转的内积只依赖位置差。
- **能外推吗？** 不能直接外推，要插值或调整底数。
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
        (("{#rope level", "{#RoPE_1 level"), "只能用小写英文"),
        ((" level=基础", ""), "题目缺少级别：在标题末尾的 {#rope} 里加一个 level=基础"),
        (("level=基础", "level=初级"), "级别「初级」不认识"),
        (
            ("- **能外推吗？** 不能直接外推，要插值或调整底数。\n", ""),
            "「**面试追问**」下只有 1 条",
        ),
        (("**面试追问**", "**延伸**"), "参考答案没有「**面试追问**」"),
        (("什么是 RoPE？", "RoPE 简介"), "要写成问句"),
        (("/// html | div.qa-answer", "参考答案："), "缺少参考答案"),
        ((" [@su2021roformer]", ""), "至少要引用一篇文献"),
        (("原文。", ""), "原始回答块是空的"),
        (("用旋转矩阵", "用 $p(x_t\\mid x_{<t})$ 和旋转矩阵"), "写成「\\lt 」"),
    ],
    ids=[
        "id-form",
        "no-level",
        "unknown-level",
        "one-follow-up",
        "no-follow-ups",
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


def test_raw_html_is_refused_outside_code_and_math_but_allowed_inline_tags_pass():
    page = "H<sub>2</sub>O、`<eos>`、$x_{<t}$、<https://example.org>\n\n```\n<div>\n```\n"
    assert content_check.raw_html_problems("docs/p.md", page) == []
    (problem,) = content_check.raw_html_problems("docs/p.md", "一\n<div onclick=x>二</div>\n")
    assert (problem.line, "<div>") == (2, problem.message.split("标签 ")[1][:5])


@pytest.mark.parametrize(
    ("front", "expected"),
    [
        ("---\ntags:\n  - LoRA\n---\n", None),
        ("---\ntags:\n  - [LoRA\n---\n", "不是合法的 YAML"),
        ("---\ntags: LoRA\n---\n", "tags 要写成一串词"),
        ("---\ntags:\n  - LoRA\n", "没有结束"),
    ],
    ids=["valid", "malformed", "tags-not-a-list", "unclosed"],
)
def test_front_matter_must_be_yaml_with_a_list_of_tags(front, expected):
    problems = content_check.front_matter_problems("docs/p.md", front + "# 标题\n")
    assert [expected in p.message for p in problems] == ([True] if expected else [])


def test_links_to_questions_must_name_an_existing_id():
    ids = {"rl/index.md": {"dpo"}, "inference/index.md": {"kv"}}
    page = "[a](#dpo) [b](../inference/index.md#kv) [c](../inference/#nope) [d](https://x.org/#y)\n"
    (problem,) = content_check.anchor_problems("docs/rl/index.md", page, ids)
    assert "docs/inference/index.md 上不存在的题目 #nope" in problem.message
    (problem,) = content_check.anchor_problems("docs/rl/index.md", "[a](#dqn)", ids)
    assert "docs/rl/index.md 上不存在的题目 #dqn" in problem.message


def test_entries_awaiting_review_may_hold_the_importers_escaped_html():
    pending = '## 新题 {#new}\n\n!!! note "待审核"\n\n    导入的新题。\n\n<p>原文&#42;</p>\n'
    ids = {"rl/index.md": {"new"}}
    assert content_check.page_problems("docs/rl/index.md", pending, ids, "") == []
    reviewed = pending.replace('!!! note "待审核"\n\n    导入的新题。\n\n', "")
    problems = content_check.page_problems("docs/rl/index.md", reviewed, ids, "")
    assert {p.message[:6] for p in problems} >= {"页面里不能写", "题目「新题」"}


def test_a_page_over_the_limit_and_an_overview_with_questions_are_refused():
    entry = "## 题{n}？ {{#q{n}}}\n\n正文。\n"
    full = "# 页\n\n" + "\n".join(entry.format(n=n) for n in range(PAGE_LIMIT + 1))
    pages = {"rl/basics.md": full, "rl/index.md": "# 强化学习\n\n" + entry.format(n="x")}
    over, overview = sorted(entry_rules.placement_problems(pages), key=str)
    assert str(over).startswith(
        f"docs/rl/basics.md:{3 + 4 * PAGE_LIMIT}: 本页有 {PAGE_LIMIT + 1} 道题"
    )
    assert "docs/rl/<名字>.md" in over.message
    assert str(overview).startswith(
        "docs/rl/index.md:3: 总览页不放题目"
    ) and "docs/rl/new.md" in str(overview)
    assert (
        entry_rules.placement_problems({"practice.md": full, "rl/sft.md": entry.format(n=1)}) == []
    )


def test_level_and_follow_up_problems_point_at_their_lines():
    lines = ENTRY.replace(" level=基础", "").replace(
        "- **能外推吗？** 不能直接外推，要插值或调整底数。\n", ""
    )
    level, follow_ups = entry_rules.page_problems("x/a.md", lines)
    assert level.message.startswith("题目缺少级别") and level.line == 1
    assert "下只有 1 条" in follow_ups.message
    assert lines.split("\n")[follow_ups.line - 1] == "**面试追问**"
