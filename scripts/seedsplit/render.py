"""Render entries and topic pages as Markdown without changing a character of the dump's text."""

from __future__ import annotations

import html
import re

from .records import Entry, Line
from .references import References
from .text import Kind, body, is_lead_in, kind_of
from .topics import Topic

PENDING_NOTE = (
    '!!! note "待审核"\n'
    "    这道题由导入脚本按规则自动切分、归类和命名，还没有经过编辑审核：题目取自回答的开头。"
    "欢迎在 `scripts/curation.yaml` 里为它写一个真正的面试题题目。\n"
)
MERGED_NOTE = (
    '!!! info "重复回答已合并"\n'
    "    原始资料中这道题出现了不止一次（第 {lines} 行与本题内容相同，"
    "仅列表符号、空格或大小写不同），这里只保留一份。\n"
)
LINK_ONLY_NOTE = "原始资料对这道题只给出了参考资料，要点请阅读下面的链接。"
PAGE_NOTE = (
    "<!-- 本页由 scripts/split_seed.py 首次生成。之后以本页为准：可以直接修改任何题目和回答，"
    "重新导入只会在末尾追加本页还没有的新题（按 {#id} 识别），不会改动已有内容。 -->"
)

_TAIL_LINK_RE = re.compile(r"(查阅|参阅|参见|详见|请见|请查看)\s*(?P<tail>[^,，。:：]+?)\s*$")


def escape(text: str) -> str:
    """Escape dump text so Markdown and HTML show it literally."""
    text = html.escape(text, quote=False)
    text = re.sub(r"([\\`*\[\]{}|])", r"\\\1", text)
    text = re.sub(r"(?<![0-9A-Za-z])_|_(?![0-9A-Za-z])", r"\\_", text)
    text = re.sub(r"^(\d+)\. ", r"\1\\. ", text)
    return re.sub(r"^([#>+=])", r"\\\1", text)


def render_entry(entry: Entry, refs: References) -> str:
    """One entry as a `##` question with an explicit id and its answer."""
    parts = [f"## {escape(entry.title)} {{#{entry.id}}}"]
    if entry.keywords:
        parts.append(
            "关键词：" + " · ".join(escape(k) for k in entry.keywords) + "\n{: .qa-keywords }"
        )
    if not entry.curated:
        parts.append(PENDING_NOTE.rstrip("\n"))
    answer = [line for line in entry.lines if kind_of(line.text) is not Kind.CLOSER]
    closers = [line for line in entry.lines if kind_of(line.text) is Kind.CLOSER]
    if answer:
        parts.append(render_answer(answer, refs))
    elif closers:
        parts.append(LINK_ONLY_NOTE)
    if closers:
        parts.append("**延伸阅读**\n\n" + "\n".join(f"- {_closer(c, refs)}" for c in closers))
    if entry.merged:
        numbers = [line.no for line in entry.merged]
        span = f"{numbers[0]}–{numbers[-1]}" if len(numbers) > 1 else str(numbers[0])
        parts.append(MERGED_NOTE.format(lines=span).rstrip("\n"))
    return "\n\n".join(parts) + "\n"


def render_answer(lines: list[Line], refs: References) -> str:
    """Rebuild paragraphs, tight and loose lists, nested points and code blocks."""
    blocks: list[str] = []
    loose = False  # inside a loose list opened by a lone "-"
    pending_item = False  # the previous line was a lone "-"
    under_item = False  # the previous item ended in a colon: its followers are its sub-points
    code: list[str] = []
    for line in lines:
        kind = kind_of(line.text)
        if kind is Kind.CODE:
            code.append(line.text.strip())
            continue
        if code:
            blocks.append("```python\n" + "\n".join(code) + "\n```")
            code = []
        text = _inline(line.text, refs)
        if kind is Kind.MARKER:
            loose, pending_item = True, True
        elif pending_item:
            blocks.append(f"- {_inline(body(line.text), refs) if kind is Kind.ITEM else text}")
            pending_item = False
        elif kind is Kind.ITEM:
            item = f"- {_inline(body(line.text), refs)}"
            _append_item(blocks, f"    {item}" if loose or under_item else item)
            under_item = under_item or (not loose and is_lead_in(line.text))
        else:
            loose = under_item = False
            blocks.append(text)
    if code:
        blocks.append("```python\n" + "\n".join(code) + "\n```")
    if pending_item:
        blocks.append("-")
    return "\n\n".join(blocks)


def _append_item(blocks: list[str], item: str) -> None:
    """Tight list items stay in one block so Markdown keeps the list tight."""
    if blocks and blocks[-1].lstrip().startswith("- ") and not blocks[-1].startswith("```"):
        previous_indent = len(blocks[-1]) - len(blocks[-1].lstrip())
        if item.startswith("    ") or previous_indent == 0:
            blocks[-1] += "\n" + item
            return
    blocks.append(item)


def _inline(text: str, refs: References) -> str:
    """Escape a line and turn a trailing "…查阅 X" or a URL into a real link."""
    url = refs.url_for(text)
    if url and url in text:
        before, _, after = text.partition(url)
        return f"{escape(before)}<{url}>{escape(after)}"
    if url:
        match = _TAIL_LINK_RE.search(text)
        if match:
            head, tail = text[: match.start("tail")], match.group("tail")
            return f"{escape(head)}[{escape(tail)}]({url})"
    return escape(text)


_CLOSER_SPLIT_RE = re.compile(r"^(?P<lead>.*?(查阅|参阅|参见|见|参考|解读)\s*)(?P<title>.+)$")


def _closer(line: Line, refs: References) -> str:
    """A further-reading line, linked to its address when it is known."""
    text = body(line.text)
    url = refs.url_for(text)
    if not url or url in text:
        return _inline(text, refs)
    match = _CLOSER_SPLIT_RE.match(text)
    if not match:
        return f"[{escape(text)}]({url})"
    return f"{escape(match.group('lead'))}[{escape(match.group('title'))}]({url})"


def render_page(topic: Topic, entries: list[Entry], refs: References) -> str:
    """A complete topic page: front matter with tags, title, scope, then every entry."""
    tags = sorted({tag for entry in entries for tag in entry.tags}, key=str.casefold)
    head = ["---", "tags:", *[f"  - {_yaml_scalar(t)}" for t in tags], "---"] if tags else []
    page = [
        *head,
        "",
        f"# {topic.title}",
        "",
        topic.scope,
        "",
        PAGE_NOTE,
    ]
    text = "\n".join(page).lstrip("\n") + "\n"
    return text + "".join("\n" + render_entry(entry, refs) for entry in entries)


def _yaml_scalar(text: str) -> str:
    return text if re.fullmatch(r"[\w\u3400-\u9fff][\w\u3400-\u9fff .+-]*", text) else f'"{text}"'
