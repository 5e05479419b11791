"""A topic page's practice controls, written at build time (issue 22).

Above the first question: the topic's progress, links to practise it and the filter that hides
mastered questions; under each question's title 待复习 and 已掌握, and in the title a state badge
(hidden). The script (docs/assets/js/practice/topic.js) wires them and shows the reader's own
state. Written into the page they paint with it, so nothing the reader is looking at moves when
the script runs. Added to the finished page only: the print page and the search records, made
from the page's content, do not carry them.
"""

from __future__ import annotations

import re
from html import escape

from llm_interview.editorial.levels import QUESTION_CLASS

from .bank import BankEntry
from .setup import progress_bar

QUESTION = re.compile(rf'<h2 class="{QUESTION_CLASS}" id="(?P<id>[^"]+)">.*?</h2>', re.DOTALL)
HEADERLINK = '<a class="headerlink"'
BADGE = '<span class="practice-state" hidden></span>'


def toolbar(slug: str, practice_url: str, total: int) -> str:
    """The toolbar above a topic page's first question; `practice_url` is the practice page's
    address relative to this page, `total` the page's number of questions."""
    practise = f"{practice_url}?topics={escape(slug)}"
    return (
        '<div class="practice-toolbar" role="region" aria-label="本主题的练习进度">'
        f'<span class="practice-progress">{progress_bar(total)}</span>'
        '<p class="practice-toolbar__actions">'
        f'<a class="md-button md-button--primary" href="{practise}">练习本主题</a>'
        f'<a class="md-button practice-toolbar__due" href="{practise}&amp;mode=due">'
        "只练待复习（0）</a>"
        '<label class="practice-filter__label"><input type="checkbox" class="practice-filter">'
        " 隐藏已掌握的题</label>"
        '<span class="practice-hidden-note" aria-live="polite"></span></p>'
        '<p class="practice-toolbar__notice" hidden></p></div>'
    )


def mark(title: str) -> str:
    """The 待复习 / 已掌握 pair under the title of the question `title`."""
    buttons = "".join(
        f'<button class="practice-mark__button" type="button" aria-pressed="false">{label}</button>'
        for label in ("待复习", "已掌握")
    )
    label = f"练习状态：{escape(title)}"
    return f'<div class="practice-mark" role="group" aria-label="{label}">{buttons}</div>'


def with_marks(output: str, entries: list[BankEntry], slug: str, practice_url: str) -> str:
    """The finished topic page `output` with the controls of its `entries` (the questions with
    a 参考答案, practice.bank) in place; a page without entries is returned as it is."""
    if not entries:
        return output
    titles = {e.id: e.title for e in entries}

    def marked(found: re.Match) -> str:
        heading, title = found[0], titles.get(found["id"])
        if title is None:
            return heading
        at = heading.find(HEADERLINK)
        at = at if at >= 0 else heading.rindex("</h2>")
        before = toolbar(slug, practice_url, len(entries)) if found["id"] == entries[0].id else ""
        return before + heading[:at] + BADGE + heading[at:] + mark(title)

    return QUESTION.sub(marked, output)
