"""Unit tests of the editorial helpers (scripts/editorial) on small strings."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest
import yaml

from llm_interview.editorial import errata, related
from llm_interview.editorial.abbr import CjkAbbrExtension
from llm_interview.editorial.entries import reader_text
from llm_interview.editorial.glossary import abbreviations
from llm_interview.pages import glossary
from llm_interview.pages.pagetext import entry_text, find_entries, page_title

ROOT = Path(__file__).resolve().parent.parent

PAGE = """---
tags: [x]
---

# 模型架构

## 第一题 {#one}

答案第一行。

- 列表项

    !!! bug "勘误 · 事实"

        **问题**：原文说错了。

        **更正**：正确的说法。

        **来源**：[论文](https://arxiv.org/abs/1706.03762)

```python
## not a heading {#nope}
```

## 第二题 {#two}

已改正的文字。

!!! bug "勘误 · 错别字"

    **问题**：原文写作「layner-norm」。

    **更正**：已改为「LayerNorm」。

## 没有 id 的标题

尾部。
"""


def test_find_entries_ignores_code_and_ends_at_next_heading():
    entries = find_entries(PAGE)
    assert [(e.id, e.title) for e in entries] == [("one", "第一题"), ("two", "第二题")]
    assert "not a heading" in entry_text(PAGE, entries[0])
    assert "尾部" not in entry_text(PAGE, entries[1])
    assert page_title(PAGE, "x") == "模型架构"


def test_reader_text_drops_ids_comments_and_link_targets():
    md = "## 对齐 {#modality-alignment}\n<!-- lora -->\n[LoRA 文章](https://x.org/lora)\n{: .kw }"
    assert reader_text(md) == "## 对齐 \n\n[LoRA 文章]\n"
    keywords = "## 题 {#a}\n\n关键词：LoRA · 低秩适配\n{: .qa-keywords }\n\n答案。\n"
    assert "LoRA" not in reader_text(keywords) and "答案。" in reader_text(keywords)


def test_parse_notes_reads_indented_and_top_level_notes():
    notes = errata.parse_notes(PAGE)
    assert [(n.entry_id, n.kind) for n in notes] == [("one", "事实"), ("two", "错别字")]
    assert notes[0].problem == "原文说错了。"
    assert notes[0].source.startswith("[论文]")
    assert notes[1].source == ""


@pytest.mark.parametrize(
    "note",
    [
        '!!! bug "勘误 · 事实"\n\n    **问题**：错。\n\n    **更正**：对。\n',  # no source
        '!!! bug "勘误 · 其他"\n\n    **问题**：错。\n\n    **更正**：对。\n',  # unknown kind
        '!!! warning "勘误"\n\n    **问题**：错。\n',  # wrong form
        '!!! bug "勘误 · 翻译"\n\n**问题**：错。\n**更正**：对。\n',  # body not indented
    ],
)
def test_malformed_notes_fail(note):
    with pytest.raises(errata.ErrataError):
        errata.parse_notes(f"## 题 {{#q}}\n\n{note}")


def test_errata_render_links_every_note_to_its_entry():
    text = errata.render([("architecture/index.md", errata.parse_notes(PAGE))])
    assert text.startswith("共 2 条勘误：事实 1 条，翻译 0 条，错别字 1 条。")
    assert "## [第一题](architecture/index.md#one)" in text
    assert "    - 问题：原文写作「layner-norm」。" in text


def test_neighbours_are_mutual_and_declared_once():
    got = related.neighbours([["a", "b", "c"], ["c", "d"]], {"a", "b", "c", "d"})
    assert got == {"a": ["b", "c"], "b": ["a", "c"], "c": ["a", "b", "d"], "d": ["c"]}
    with pytest.raises(related.RelatedError):
        related.neighbours([["a", "b"], ["b", "a"]], {"a", "b"})
    with pytest.raises(related.RelatedError):
        related.neighbours([["a", "zz"]], {"a"})


def test_links_are_relative_markdown_paths():
    target = related.Target("inference/index.md", "T")
    assert related.link("architecture/index.md", target, "kv") == "../inference/index.md#kv"
    assert related.link("inference/index.md", target, "kv") == "#kv"


def test_insert_appends_block_at_end_of_each_entry():
    targets = {
        "one": related.Target("a/index.md", "第一题"),
        "two": related.Target("a/index.md", "第二题"),
    }
    out = related.insert(PAGE, "a/index.md", {"one": ["two"], "two": ["one"]}, targets)
    one, two = find_entries(out)
    assert entry_text(out, one).rstrip().endswith("- [第二题](#two)\n\n</div>")
    assert entry_text(out, two).rstrip().endswith("- [第一题](#one)\n\n</div>")
    assert out.count(related.HEADING) == 2


TERMS = """
terms:
  - {id: lora, term: LoRA, zh: 低秩适配, en: Low-Rank Adaptation, aliases: [Lora],
     definition: 低秩增量。, topic: fine-tuning}
  - {id: forgetting, term: 灾难性遗忘, zh: 灾难性遗忘, en: Catastrophic Forgetting,
     aliases: [遗忘问题], definition: 忘记旧知识。, topic: fine-tuning}
"""


def test_uses_matches_aliases_case_insensitively_but_not_inside_words():
    uses = glossary.TermFinder(glossary.load_terms(TERMS)).uses
    assert [t.id for t in uses("使用lora微调")] == ["lora"]
    assert uses("Loras and floral") == []
    assert [t.id for t in uses("出现遗忘问题")] == ["forgetting"]
    assert [t.id for t in uses("遗忘问题之后用 LORA")] == ["lora", "forgetting"]  # glossary order


def test_uses_finds_a_term_overlapped_by_a_longer_one():
    """Every term is found on its own, as one pattern per term did: 遗忘问题 inside 灾难性遗忘问题."""
    uses = glossary.TermFinder(glossary.load_terms(TERMS)).uses
    assert [t.id for t in uses("灾难性遗忘问题")] == ["forgetting"]
    both = TERMS.replace("aliases: [遗忘问题]", "aliases: []") + (
        "  - {id: problem, term: 遗忘问题, zh: 遗忘问题, en: Forgetting Problem, aliases: [],\n"
        "     definition: 问题。, topic: fine-tuning}\n"
    )
    finder = glossary.TermFinder(glossary.load_terms(both))
    assert [t.id for t in finder.uses("灾难性遗忘问题")] == ["forgetting", "problem"]


def test_duplicate_surface_forms_are_rejected():
    dup = TERMS.replace("aliases: [遗忘问题]", "aliases: [lora]")
    with pytest.raises(glossary.GlossaryError):
        glossary.load_terms(dup)


def test_cjk_abbr_wraps_terms_between_han_characters():
    terms = glossary.load_terms(TERMS)
    source = "使用LoRA微调会导致灾难性遗忘吗？FLoRA 不算。\n\n" + abbreviations(terms)
    html = markdown.markdown(source, extensions=[CjkAbbrExtension()])
    assert html.count("<abbr") == 2
    tip = '<abbr tabindex="0" title="低秩适配（Low-Rank Adaptation）：低秩增量。">LoRA</abbr>微调'
    assert tip in html  # focusable: the keyboard opens the tip (docs/assets/js/glossary-tip.js)


def test_a_term_is_marked_once_per_entry_and_never_in_headings_or_tags():
    terms = glossary.load_terms(TERMS)
    source = (
        "## LoRA 是什么？ {#one}\n\n[LoRA](tags.md#lora)\n{: .qa-tags }\n\n"
        "LoRA 冻结权重。Lora 只训练旁路，LoRA 可合并。\n\n"
        "## 为什么用 LoRA？ {#two}\n\n因为 LoRA 省显存。\n\n" + abbreviations(terms)
    )
    html = markdown.markdown(source, extensions=["attr_list", CjkAbbrExtension()])
    one, two = html.split('<h2 id="two">')
    assert one.count("<abbr") == 1 and "<abbr" not in one.split("</h2>")[0]
    assert "<abbr" not in one.split('class="qa-tags"')[1].split("</p>")[0]
    assert "冻结权重" in one.split("</abbr>")[1]  # the first use in the answer keeps it
    assert two.count("<abbr") == 1 and "<abbr" not in two.split("</h2>")[0]
    assert "Lora 只训练旁路，LoRA 可合并" in one  # later uses are plain text, nothing lost


def test_repository_glossary_is_valid_and_large_enough():
    terms = glossary.load_terms((ROOT / "data" / "glossary.yaml").read_text())
    assert len(terms) >= 45


def test_abbreviations_snippet_is_current():
    terms = glossary.load_terms((ROOT / "data" / "glossary.yaml").read_text())
    path = ROOT / "includes" / "abbreviations.md"
    assert path.read_text() == abbreviations(terms), "run `mkdocs build` to regenerate"


def test_related_yaml_names_entries_that_are_on_the_pages():
    ids = {
        e.id
        for page in (ROOT / "docs").glob("*/*.md")
        for e in find_entries(page.read_text(encoding="utf-8"))
    }
    groups = yaml.safe_load((ROOT / "data" / "related.yaml").read_text())["groups"]
    assert set(related.neighbours(groups, ids)) <= ids
