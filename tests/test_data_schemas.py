"""Bad data is a message, never a traceback: a corrupted copy of each data file gives exactly one
`file:line` message that says what to write (editorial/schemas.py, through datafields)."""

from __future__ import annotations

import re

import pytest
from conftest import ROOT

from llm_interview.checks import datafields


def _first_line_of(text: str, pattern: str) -> int:
    return next(n for n, line in enumerate(text.split("\n"), 1) if re.search(pattern, line))


# (file, what is changed (a regex on the first line it matches), into what, expected message)
CORRUPTIONS = [
    ("data/glossary.yaml", r"^    topic: \w", "    topic: nowhere", "主题要写成"),
    ("data/glossary.yaml", r"^    definition: ", "    meaning: ", "缺少字段 definition"),
    ("data/glossary.yaml", r"^    aliases: \[", "    aliases: 很多", "这里要写成列表"),
    ("data/references.yaml", r"^  year: \d", "  year: soon", "年份写成四位数字"),
    (
        "data/references.yaml",
        r"^  arxiv: '",
        "  arxiv: 2305.13245",
        "arXiv 编号写成带引号的字符串",
    ),
    ("data/references.yaml", r"^  venue: ", "  where: ", "不认识的字段「where」"),
    ("data/names.yaml", r"^    chinese: true", "    chinese: 是", "这里写 true 或 false"),
    ("data/names.yaml", r"^  - name: ", "  - nam: ", "缺少字段 name"),
    ("data/related.yaml", r"^groups:", "group:", "缺少字段 groups"),
    ("data/related.yaml", r"^  - \[", "  - [Not An Id, ", "id 只能用小写英文"),
    ("data/topic_lexicon.yaml", r"^  architecture:", "  archi:", "主题要写成"),
    (
        "data/topic_lexicon.yaml",
        r'^    "transformer": \d',
        '    "transformer": 9',
        "权重写成 1 到 4",
    ),
    ("data/curation.yaml", r"^    keywords: \[", "    keywords: [1:5, ", "加上引号写成 '1:5'"),
    ("data/curation.yaml", r"^  - id: ", "  - key: ", "缺少字段 id"),
    ("data/glossary.yaml", r"^terms:", "terms: [", "不是合法的 YAML"),
]


@pytest.mark.parametrize(
    ("name", "pattern", "replacement", "message"),
    CORRUPTIONS,
    ids=[f"{c[0].split('/')[1]}:{c[3]}" for c in CORRUPTIONS],
)
def test_a_corrupted_data_file_gives_one_message_at_its_line(name, pattern, replacement, message):
    text = (ROOT / name).read_text(encoding="utf-8")
    line = _first_line_of(text, pattern)
    lines = text.split("\n")
    lines[line - 1] = re.sub(pattern, replacement, lines[line - 1])
    (problem,) = datafields.file_problems(name, "\n".join(lines))
    assert message in problem.message, problem
    assert problem.path == name and line - 10 <= problem.line <= line + 2, problem  # or record


def test_every_data_file_of_the_repository_has_its_shape():
    assert datafields.problems(ROOT) == []
