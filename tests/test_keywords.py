"""Search keywords: seeded from curation and the glossary, and present under every question."""

from __future__ import annotations

from pathlib import Path

import pytest

from llm_interview.pages.glossary import Term
from llm_interview.pages.keywords import section_keywords, seed, without_keyword_lines, words
from llm_interview.pages.layout import read_pages
from llm_interview.pages.pagetext import entry_text, find_entries

ROOT = Path(__file__).resolve().parent.parent
PAGES = [ROOT / "docs" / src for src in read_pages(ROOT / "docs")]  # every question page


def _term(term: str, zh: str, en: str, *aliases: str) -> Term:
    return Term(term.lower(), term, zh, en, aliases, "定义。", "inference")


KV = _term("KV Cache", "键值缓存", "Key-Value Cache", "KV-Cache", "kv cache", "KV缓存")
ZERO = _term("ZeRO", "零冗余优化器", "Zero Redundancy Optimizer")
RLHF = _term("RLHF", "人类反馈强化学习", "RLHF", "RHFL")


def test_seed_adds_the_names_the_text_lacks_after_the_curated_ones():
    text = "推理时用 KV Cache 缓存历史的键和值。"
    assert seed(text, ["显存"], [KV, ZERO]) == ["显存", "键值缓存", "Key-Value Cache", "KV缓存"]


def test_seed_reads_letter_case_so_zero_shot_is_not_zero():
    assert seed("zero-shot 提示", [], [ZERO]) == []


def test_seed_corrects_a_misspelling_and_expands_curated_keywords():
    assert seed("采用人类反馈强化学习 (RHFL)", [], [RLHF]) == ["RLHF"]
    assert seed("对齐阶段", ["ZeRO"], [ZERO]) == [
        "ZeRO",
        "零冗余优化器",
        "Zero Redundancy Optimizer",
    ]


def test_keyword_lines_move_out_of_the_markdown_by_section_leaving_the_other_lines_in_place():
    page = (
        "# 页\n\n关键词：页面 · 总览\n{: .qa-keywords }\n\n## 题 {#a}\n\n"
        "关键词：LoRA · 低秩适配\n{: .qa-keywords }\n\n答案。\n"
    )
    assert section_keywords(page) == {"": ["页面", "总览"], "a": ["LoRA", "低秩适配"]}
    assert without_keyword_lines(page) == "# 页\n\n\n\n\n## 题 {#a}\n\n\n\n\n答案。\n"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_every_question_has_a_keyword_line(page):
    text = page.read_text(encoding="utf-8")
    entries = find_entries(text)
    assert entries, f"{page} has no questions"
    for entry in entries:
        entry_id = entry.id
        first = entry_text(text, entry).split("\n", 1)[1].lstrip("\n").split("\n", 2)
        assert first[0].startswith("关键词："), f"{entry_id}: no keyword line under the question"
        assert first[1] == "{: .qa-keywords }", f"{entry_id}: keyword line lacks its class"
        assert words(first[0].removeprefix("关键词：")), entry_id
