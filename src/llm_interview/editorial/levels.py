"""A question's level (基础, 进阶, 前沿), written in its heading as `{#id level=基础}`.

On the page the heading loses its `level=` and gains the class `qa-question`: `<h2 class=
"qa-question" id>` is what "a question" is in the rendered HTML, for every reader of it (the
practice bank, the PDF's contents, the page scripts). A small label shows the level under the
title, in front of the question's tag chips (editorial/tags.py). The label's `data-level` is
what the practice bank, the search records and the overview filter read.
"""

from __future__ import annotations

from llm_interview.pages.pagetext import ENTRY_HEADING, LEVEL_ATTR, LEVELS

MEANING = {
    "基础": "每个候选人都要答上来",
    "进阶": "问有经验的候选人：设计取舍、系统内部、推导",
    "前沿": "2024–26 年的新研究，面试已经开始问",
}


def label(level: str | None) -> str:
    """The level's label (HTML) for the line under a question's title; empty without a level."""
    if level not in LEVELS:
        return ""
    return f'<span class="qa-level" data-level="{level}" title="{MEANING[level]}">{level}</span>'


QUESTION_CLASS = "qa-question"


def question_headings(markdown: str) -> str:
    """The page with each question heading's `level=…` taken out and `.qa-question` put in."""
    lines = markdown.split("\n")
    for n, line in enumerate(lines):
        found = ENTRY_HEADING.match(line)
        if found:
            attrs = LEVEL_ATTR.sub("", found["attrs"]).rstrip(" }") + f" .{QUESTION_CLASS}}}"
            lines[n] = line[: found.start("attrs")] + attrs + line[found.end("attrs") :]
    return "\n".join(lines)
