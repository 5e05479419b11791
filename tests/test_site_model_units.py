"""The site model as a page renders: the plugins that add to a page's entries in turn (notebook
and drill links, related questions, tag chips) share its entries instead of each parsing it."""

from __future__ import annotations

import pytest
from mkdocs.utils.meta import get_data

from llm_interview.pages import pagetext
from llm_interview.pages.keywords import without_keyword_lines
from llm_interview.site.model import SiteModel

SRC = "rl/p.md"
PAGE = """---
title: 页
---

# 页

## 一是什么？ {#one}

关键词：甲、乙
{: .keywords }

答一，见 [@ouyang2022]。

## 二是什么？ {#two}

答二。
"""


@pytest.fixture
def parses(monkeypatch) -> list[str]:
    found: list[str] = []
    parse = pagetext.find_entries
    monkeypatch.setattr(pagetext, "find_entries", lambda md: found.append(md) or parse(md))
    return found


def started() -> tuple[SiteModel, str]:
    """The model, and the page's Markdown as the site plugin hands it on (front matter cut by
    MkDocs, keyword lines blanked)."""
    model = SiteModel(markdown={SRC: PAGE}, pages={}, topics={})
    body = without_keyword_lines(get_data(PAGE)[0])
    model.start_page(SRC, body)
    return model, body


def test_additions_in_turn_with_edits_in_place_between_them_need_no_parse(parses):
    model, body = started()
    first = model.append_to_entries(SRC, body, {"one": "**动手实验**：[笔记](n.py)"})
    cited = first.replace(
        "[@ouyang2022]", "[Ouyang et al., 2022](https://arxiv.org/abs/2203.02155)"
    )
    last = model.append_to_entries(SRC, cited, {"two": "相关问题"}, {"one": "标签"})
    assert parses == []
    expected = pagetext.append_to_entries(
        pagetext.append_to_entries(body, {"one": "**动手实验**：[笔记](n.py)"}).replace(
            "[@ouyang2022]", "[Ouyang et al., 2022](https://arxiv.org/abs/2203.02155)"
        ),
        {"two": "相关问题"},
        {"one": "标签"},
    )
    assert last == expected


def test_a_plugin_that_moved_lines_makes_the_next_addition_parse(parses):
    model, body = started()
    first = model.append_to_entries(SRC, body, {"one": "相关问题"})
    shifted = first.replace("# 页\n\n", "# 页\n", 1)  # a line fewer above the entries
    assert model.append_to_entries(SRC, shifted, {"two": "标签"}) == (
        pagetext.append_to_entries(shifted, {"two": "标签"})
    )
    assert len(parses) == 2  # the model's own look, and the check against the module's
    other = model.append_to_entries("rl/q.md", body, {"one": "x"})  # another page: no sharing
    assert other == pagetext.append_to_entries(body, {"one": "x"}) and len(parses) == 4
