"""The rules every entry of a question page follows, reported as `file:line: message`.

An entry is `## 问句？ {#id level=基础}` (the level one of 基础, 进阶, 前沿), its 关键词 line, a
参考答案 block that cites at least one work (`[@key]`) and ends with at least two 面试追问, and for
entries from the seed the 原始回答 block. An entry the importer has just added carries a 待审核
note instead of a 参考答案 (and no level) until an editor writes one.
"""

from __future__ import annotations

import re

from llm_interview.checks.problem import Problem
from llm_interview.editorial.bibliography import CITATION
from llm_interview.pages import formulas
from llm_interview.pages.layout import INBOX, PAGE_LIMIT, is_question_page, topic_of
from llm_interview.pages.pagetext import ENTRY_HEADING, LEVELS, find_entries, outside_fences

ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ANSWER_OPEN = "/// html | div.qa-answer"
ORIGINAL_OPEN = "/// details | 原始回答"
BLOCK_CLOSE = "///"
PENDING = '!!! note "待审核"'
FOLLOW_UPS = "**面试追问**"
MIN_FOLLOW_UPS = 2
# In math, `<` before a letter reads as an HTML tag to Markdown and swallows what follows.
TAG_IN_MATH = re.compile(r"<(?=[A-Za-z/!?])")


def _block(lines: list[str], opener: str, start: int, end: int) -> tuple[int, int] | None:
    """(first, last) line of the `///` block opened by `opener` within [start, end), or None."""
    first = next((i for i in range(start, end) if lines[i].strip() == opener), None)
    if first is None:
        return None
    last = next((i for i in range(first + 1, end) if lines[i].strip() == BLOCK_CLOSE), end)
    return first, last


def is_pending(lines: list[str], entry) -> bool:
    """Whether the entry still carries the importer's 待审核 note (no editor has reviewed it)."""
    return any(line.startswith(PENDING) for line in lines[entry.start : entry.end])


def _entry_problems(page: str, lines: list[str], entry) -> list[Problem]:
    page = f"docs/{page}"
    at = entry.start + 1
    found = []
    if not ID.match(entry.id):
        found.append(
            Problem(page, at, f"id「{entry.id}」只能用小写英文、数字和连字符，如 kv-cache")
        )
    if not entry.title.endswith("？"):
        found.append(Problem(page, at, f"题目「{entry.title}」要写成问句，以全角问号「？」结尾"))
    body = lines[entry.start + 1 : entry.end]
    if not any(line.strip() for line in body):
        return [*found, Problem(page, at, "这道题没有内容：在标题下写参考答案")]
    answer = _block(lines, ANSWER_OPEN, entry.start, entry.end)
    if answer is None:
        if not is_pending(lines, entry):
            found.append(
                Problem(page, at, f"缺少参考答案：在关键词行之后写「{ANSWER_OPEN}」…「///」块")
            )
        return found
    found += _level_problems(page, at, entry)
    first, last = answer
    if last == entry.end:
        found.append(Problem(page, first + 1, "参考答案块没有结束：在答案末尾单独一行写「///」"))
    text = lines[first + 1 : last]
    if not any(line.strip() for line in text):
        found.append(Problem(page, first + 1, "参考答案是空的"))
    elif not any(CITATION.search(line) for line in text):
        found.append(
            Problem(
                page,
                first + 1,
                "参考答案至少要引用一篇文献：写 [@key]，key 见 data/references.yaml",
            )
        )
    else:
        found += _follow_up_problems(page, first + 1, text)
    original = _block(lines, ORIGINAL_OPEN, last, entry.end)
    if original and not any(line.strip() for line in lines[original[0] + 2 : original[1]]):
        found.append(Problem(page, original[0] + 1, "原始回答块是空的：删掉这个块，或放回原文"))
    return found


def _level_problems(page: str, at: int, entry) -> list[Problem]:
    choices = "、".join(f"level={level}" for level in LEVELS)
    if entry.level is None:
        return [
            Problem(
                page,
                at,
                f"题目缺少级别：在标题末尾的 {{#{entry.id}}} 里加一个 {choices}，"
                f"如「{{#{entry.id} level={LEVELS[0]}}}」（基础：人人要会；进阶：有经验的候选人"
                "会被问到；前沿：2024 年以来的新研究）",
            )
        ]
    if entry.level not in LEVELS:
        return [Problem(page, at, f"级别「{entry.level}」不认识：写成 {choices} 之一")]
    return []


def _follow_up_problems(page: str, at: int, text: list[str]) -> list[Problem]:
    """At least MIN_FOLLOW_UPS list items under the answer's 面试追问 heading."""
    start = next((i for i, line in enumerate(text) if line.strip() == FOLLOW_UPS), None)
    items = 0 if start is None else sum(line.startswith("- ") for line in text[start + 1 :])
    if items >= MIN_FOLLOW_UPS:
        return []
    where = "没有「**面试追问**」" if start is None else f"「**面试追问**」下只有 {items} 条"
    return [
        Problem(
            page,
            at if start is None else at + 1 + start,
            f"参考答案{where}：在答案末尾单独一行写 **面试追问**，下面至少列 {MIN_FOLLOW_UPS} 条"
            "「- **追问？** 回答」",
        )
    ]


def _math_problems(page: str, markdown: str) -> list[Problem]:
    return [
        Problem(
            f"docs/{page}",
            markdown.count("\n", 0, m.start() + tag.start()) + 1,
            "公式里「<」紧跟字母会被当成 HTML 标签：写成「\\lt 」，如 x_{\\lt t}",
        )
        for m in formulas.spans(markdown)
        for tag in TAG_IN_MATH.finditer(m[0])
    ]


def _headings_without_id(page: str, lines: list[str]) -> list[Problem]:
    return [
        Problem(
            f"docs/{page}",
            n,
            "题目缺少 id：在标题末尾加一个空格和 {#英文-id}，"
            "如「## 什么是 KV Cache？ {#kv-cache}」",
        )
        for n, (line, prose) in enumerate(zip(lines, outside_fences(lines), strict=True), 1)
        if prose and line.startswith("## ") and not ENTRY_HEADING.match(line)
    ]


def page_problems(page: str, markdown: str) -> list[Problem]:
    """Every broken entry rule on one question page, in page order."""
    lines = markdown.split("\n")
    found = [p for e in find_entries(markdown) for p in _entry_problems(page, lines, e)]
    found += _headings_without_id(page, lines) + _math_problems(page, markdown)
    return sorted(found, key=lambda p: p.line)


def duplicate_ids(pages: dict[str, str]) -> list[Problem]:
    """An id used twice, anywhere across the pages, with both places named."""
    first: dict[str, tuple[str, int]] = {}
    found = []
    for page, markdown in pages.items():
        for e in find_entries(markdown):
            if e.id in first:
                where, line = first[e.id]
                found.append(
                    Problem(
                        f"docs/{page}",
                        e.start + 1,
                        f"id「{e.id}」已在 docs/{where}:{line} 用过：换一个没用过的 id"
                        "（已发布的 id 不要改，改新加的那个）",
                    )
                )
            else:
                first[e.id] = (page, e.start + 1)
    return found


def placement_problems(pages: dict[str, str]) -> list[Problem]:
    """A topic's questions live on its subtopic pages, at most PAGE_LIMIT to a page, never on
    its overview."""
    found = []
    for page, markdown in pages.items():
        entries = find_entries(markdown)
        topic = topic_of(page)
        if entries and topic and not is_question_page(page):
            found.append(
                Problem(
                    f"docs/{page}",
                    entries[0].start + 1,
                    f"总览页不放题目：把本页的 {len(entries)} 道题移到 docs/{topic}/ 下的分页"
                    f"（如 docs/{topic}/{INBOX}.md），总览页会自动列出它们",
                )
            )
        elif topic and len(entries) > PAGE_LIMIT:
            found.append(
                Problem(
                    f"docs/{page}",
                    entries[PAGE_LIMIT].start + 1,
                    f"本页有 {len(entries)} 道题，超过 {PAGE_LIMIT} 道：把从这里起的一部分题移到"
                    f"同一文件夹下的新页面 docs/{topic}/<名字>.md（开头的 front matter 写 title 和 "
                    "order），导航和总览页会自动列出新页面",
                )
            )
    return found
