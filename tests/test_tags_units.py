"""Per-question tags (src/llm_interview/editorial/tags.py) on small pages."""

from __future__ import annotations

import markdown

from llm_interview.editorial import tags
from llm_interview.editorial.abbr import CjkAbbrExtension
from llm_interview.editorial.glossary import abbreviations
from llm_interview.pages import glossary
from llm_interview.pages.pagetext import append_to_entries

PAGE = """---
tags:
  - LoRA
  - QLoRA
  - 显存
  - 量化
  - 微调
  - RoPE
---

# 微调

## QLoRA 和 LoRA 有什么区别？ {#qlora}

关键词：量化 · 4-bit · 显存 · 微调
{: .qa-keywords }

答案。

## 为什么要量化？ {#why-quant}

关键词：lora · 省显存
{: .qa-keywords }

## 没有标签的题？ {#none}

关键词：Roper · 无关
{: .qa-keywords }
"""


def test_title_tags_come_first_then_keyword_tags_in_order_at_most_three():
    found = {q.id: q.tags for q in tags.questions({"ft/index.md": PAGE})}
    assert found["qlora"] == ("QLoRA", "LoRA", "量化")  # QLoRA is not LoRA inside a word
    assert found["why-quant"] == ("量化", "LoRA", "显存")  # keyword case does not matter
    assert found["none"] == ()  # RoPE inside "Roper" is not the tag


def test_a_subtopic_page_without_tags_uses_its_topic_index():
    sub = "# 量化\n\n## 量化为什么省显存？ {#q}\n\n答案。\n"
    found = tags.questions({"ft/index.md": PAGE, "ft/quant.md": sub, "other.md": sub})
    assert [(q.page, q.tags) for q in found if q.id == "q"] == [
        ("ft/quant.md", ("量化", "显存")),
        ("other.md", ()),
    ]


def test_chips_go_under_the_title_and_link_to_the_tags_page():
    found = tags.questions({"ft/quant.md": PAGE})
    page = append_to_entries(PAGE, {}, tags.chips("ft/quant.md", found, tags.anchors(found)))
    lines = page.split("\n")
    title = lines.index("## QLoRA 和 LoRA 有什么区别？ {#qlora}")
    assert lines[title + 2] == (
        "[QLoRA](../tags.md#qlora){: .md-tag } [LoRA](../tags.md#lora){: .md-tag } "
        "[量化](../tags.md#量化){: .md-tag }"
    )
    assert lines[title + 3] == tags.CHIPS_ATTRS
    assert "## 没有标签的题？ {#none}\n\n关键词" in page  # no empty chip line


def test_chips_are_never_glossary_marks():
    terms = glossary.load_terms(
        "terms:\n  - {id: lora, term: LoRA, zh: 低秩适配, en: LoRA, aliases: [],"
        " definition: 低秩增量。, topic: fine-tuning}\n"
    )
    found = tags.questions({"ft/index.md": PAGE})
    page = append_to_entries(PAGE, {}, tags.chips("ft/index.md", found, tags.anchors(found)))
    html = markdown.markdown(
        page.split("---\n", 2)[2] + "\nLoRA 冻结权重。\n\n" + abbreviations(terms),
        extensions=["attr_list", CjkAbbrExtension()],
    )
    chips = html.split('class="qa-tags"')[1].split("</p>")[0]
    assert "<abbr" not in chips and 'class="md-tag"' in chips
    assert html.count("<abbr") == 1  # only in the answer text appended to the last entry


def test_tag_anchors_are_unique():
    found = [tags.Question("a.md", "x", "X？", ("C++", "C#", "C"))]
    assert tags.anchors(found) == {"C++": "c", "C#": "c-2", "C": "c-3"}


def test_tags_page_lists_each_tag_once_with_its_questions_under_its_main_topic():
    other = "---\ntags: [LoRA, 合并]\n---\n\n# 推理优化\n\n## LoRA 推理能合并权重吗？ {#merge}\n"
    pages = {"ft/index.md": PAGE, "inference/index.md": other}
    body = tags.tags_page(tags.questions(pages), pages, ["inference", "ft"])
    assert body.startswith(tags.LISTING) and body.endswith("</div>")
    assert body.index("## 推理优化") < body.index("## 微调")  # topics in the given order
    assert body.count("{: #lora .qa-tag-name }") == 1
    lora = body.split("{: #lora .qa-tag-name }")[1].split("{: #")[0]
    assert "- [QLoRA 和 LoRA 有什么区别？](ft/index.md#qlora)" in lora
    assert "- [LoRA 推理能合并权重吗？](inference/index.md#merge) · 推理优化" in lora
    assert "- [LoRA 推理能合并权重吗？](inference/index.md#merge)\n" in body  # under 合并
    assert body.index("{: #lora") > body.index("## 微调")  # LoRA is listed where most uses are
    assert "[LoRA · 3](#lora){: .md-tag }" in body
    assert "答案" not in body and "#none" not in body  # titles only; an untagged question is absent


def test_front_matter_tags_tolerates_pages_without_them():
    assert tags.front_matter_tags("# 标题\n") == []
    assert tags.front_matter_tags("---\nsearch:\n  exclude: true\n---\n# x\n") == []
    assert tags.front_matter_tags(PAGE)[:2] == ["LoRA", "QLoRA"]
    assert tags.front_matter_tags("---\ntags: [GPT-, x.]\n---\n") == ["GPT-", "x."]
    assert tags.front_matter_tags("---\ntags:\n  - [未闭合\n---\n") == []
