"""The practice page's setup, written at build time (issue 22).

Everything the page shows before the reader starts a session is in its HTML: the topics with
their question counts, the levels with theirs, the modes and the start button. It paints with
the page, and nothing moves when the script (docs/assets/js/practice/drill.js) takes the form
over and fills in the reader's own progress; the answers are fetched only when a session starts.
"""

from __future__ import annotations

from collections import Counter
from html import escape

from llm_interview.pages.pagetext import LEVELS

MODES = (("order", "顺序"), ("random", "随机"), ("due", "只练待复习"))  # value, label
LEGEND = ("已掌握", "学习中", "未练")  # dom.js LABELS, in progressBar's order


def progress_bar(total: int) -> str:
    """A topic's progress before the reader has practised any of its `total` questions: the
    markup of progressBar (docs/assets/js/practice/dom.js) for that state, which the script
    redraws from the reader's records."""
    counts = (0, 0, total)
    text = " · ".join(f"{label} {n}" for label, n in zip(LEGEND, counts, strict=True))
    segments = "".join(
        f'<span class="practice-bar__{part}" style="flex-grow: {n};"></span>'
        for part, n in zip(("mastered", "learning", "new"), counts, strict=True)
    )
    return (
        f'<span class="practice-progress__inner"><span class="practice-bar" role="img" '
        f'aria-label="{text}">{segments}</span><span class="practice-legend">{text}</span></span>'
    )


def _topic(value: str, name: str, total: int, extra: str = "") -> str:
    """One topic's checkbox label; `value` "" is 全部主题 (checked: no topic chosen)."""
    input_attrs = f'value="{escape(value)}"' if value else "checked"
    modifier = "" if value else " practice-topic--all"
    return (
        f'<label class="practice-topic{modifier}"><input type="checkbox" {input_attrs}>'
        f'<span class="practice-topic__name">{escape(name)}</span>'
        f'<span class="practice-progress"{extra}>{progress_bar(total)}</span></label>'
    )


def setup_form(document: dict) -> str:
    """The setup of the bank `document` (practice.bank) for a reader with no progress yet."""
    entries = document["entries"]
    per_topic = Counter(e["topic"] for e in entries)
    per_level = Counter(e["level"] for e in entries)
    everything = _topic("", "全部主题", len(entries), ' data-all="1"')
    topics = "".join(
        _topic(t["slug"], t["title"], per_topic[t["slug"]]) for t in document["topics"]
    )
    levels = "".join(
        f'<label class="practice-mode practice-level"><input type="checkbox" value="{level}">'
        f'<span class="qa-level" data-level="{level}">{level}</span>'
        f'<span class="practice-level__count">（{per_level[level]}）</span></label>'
        for level in LEVELS
    )
    due = '<span class="practice-mode__due">（0）</span>'
    modes = "".join(
        f'<label class="practice-mode"><input type="radio" name="practice-mode" value="{value}"'
        f"{' checked' if value == 'order' else ''}><span>{label}{due if value == 'due' else ''}"
        "</span></label>"
        for value, label in MODES
    )
    return (
        '<section class="practice-setup" aria-label="选择题目">'
        "<noscript><p>练习功能需要浏览器启用 JavaScript。</p></noscript>"
        '<p class="practice-due">今天待复习 <strong class="practice-due__count">0</strong> 题</p>'
        '<fieldset class="practice-topics"><legend>主题</legend>'
        f"{everything}{topics}</fieldset>"
        '<fieldset class="practice-modes practice-levels"><legend>级别（都不选即全部）</legend>'
        f"{levels}</fieldset>"
        f'<fieldset class="practice-modes"><legend>方式</legend>{modes}</fieldset>'
        '<button class="md-button md-button--primary practice-start" type="button">'
        "开始练习</button>"
        '<p class="practice-empty" role="status"></p></section>'
    )
