"""Question levels (src/llm_interview/editorial/levels.py): read from the heading, shown under the title and
in the overview, and carried into the HTML for the practice bank and the search records."""

from __future__ import annotations

import markdown

from llm_interview.editorial import levels, overview, tags
from llm_interview.pages.layout import Subpage
from llm_interview.pages.pagetext import append_to_entries, find_entries
from llm_interview.practice.bank import bank_entries
from llm_interview.search.records import page_records

PAGE = """---
tags:
  - DPO
---

# 偏好优化

## DPO 的损失是什么？ {#dpo level=进阶}

/// html | div.qa-answer
1. 用对数概率比当隐式奖励。
///

## 没有标签的题？ {#plain level=基础}

/// html | div.qa-answer
1. 答案。
///

## 导入的新题 {#new}
"""


def test_the_level_is_read_from_the_headings_attribute_list():
    assert [(e.id, e.level) for e in find_entries(PAGE)] == [
        ("dpo", "进阶"),
        ("plain", "基础"),
        ("new", None),
    ]


def _rendered(page: str) -> str:
    found = tags.questions({"rl/po.md": page})
    lines = tags.chips("rl/po.md", found, tags.anchors(found))
    body = levels.question_headings(append_to_entries(page, {}, lines)).split("---\n", 2)[2]
    return markdown.markdown(body, extensions=["attr_list", "pymdownx.blocks.html"])


def test_the_label_comes_first_under_the_title_and_the_heading_is_marked_a_question():
    html = _rendered(PAGE)
    assert '<h2 class="qa-question" id="dpo">' in html and 'level="' not in html.replace(
        'data-level="', ""
    )
    dpo_line = html.split('id="dpo">')[1].split("</p>")[0]
    assert dpo_line.index('class="qa-level" data-level="进阶"') < dpo_line.index(">DPO</a>")
    plain_line = html.split('id="plain">')[1].split("</p>")[0]
    assert 'data-level="基础"' in plain_line and "md-tag" not in plain_line
    assert html.endswith(
        '<h2 class="qa-question" id="new">导入的新题</h2>'
    )  # no level, no label line


def test_the_practice_bank_and_search_records_carry_the_level():
    html = _rendered(PAGE)
    bank = {e.id: e.level for e in bank_entries(html, "rl", "rl/po/", {})}
    assert bank == {"dpo": "进阶", "plain": "基础"}
    records = {r.location: r.level for r in page_records(html, "rl/po/", "偏好优化")}
    assert records["rl/po/#dpo"] == "进阶" and records["rl/po/#new"] == ""


def test_the_overview_labels_each_question_and_names_its_topic():
    sub = Subpage("rl/po.md", "偏好优化", 1, ("dpo", "plain", "new"), "")
    listing = overview.render("rl/index.md", [sub], {"rl/po.md": PAGE})
    assert listing.split("\n")[1] == "    attrs: {data-topic: rl}"
    assert f"[DPO 的损失是什么？](po.md#dpo) {levels.label('进阶')}<br>" in listing
    assert "- [导入的新题](po.md#new)\n" in listing


def test_an_unknown_level_gets_no_label():
    assert levels.label("专家") == "" and levels.label(None) == ""
