"""Render entries and topic pages as Markdown without changing a character of the dump's text.

Dump text never becomes markup: it is written as escaped HTML blocks (paragraphs, lists, code,
links), and where it sits in Markdown (a provisional title) every character that could start
markup is a numeric character reference.
"""

from __future__ import annotations

import re

import yaml

from llm_interview.importer.records import Entry, Line
from llm_interview.importer.references import References
from llm_interview.importer.text import Kind, body, is_lead_in, kind_of
from llm_interview.pages.layout import INBOX_TITLE
from llm_interview.pages.topics import Topic
from llm_interview.pages.typeset import typeset

PENDING_NOTE = (
    '!!! note "待审核"\n'
    "    这道题由导入脚本按规则自动切分、归类和命名，还没有经过编辑审核：题目取自回答的开头。"
    "欢迎在 `data/curation.yaml` 里为它写一个真正的面试题题目。\n"
)
MERGED_NOTE = (
    '!!! info "重复回答已合并"\n'
    "    原始资料中这道题出现了不止一次（第 {lines} 行与本题内容相同，"
    "仅列表符号、空格或大小写不同），这里只保留一份。\n"
)
LINK_ONLY_NOTE = "原始资料对这道题只给出了参考资料，要点请阅读下面的链接。"
OVERVIEW_NOTE = (
    "<!-- 本页是主题总览：构建时在下面列出本主题每一页的全部题目和一句话摘要。题目写在同一文件夹的"
    "分页里（front matter 的 title 是分页标题，order 是顺序）；导入脚本新收录的题目先放在 new.md，"
    "等编辑移到合适的分页。 -->"
)
INBOX_ORDER = 1000  # inbox pages come after every subtopic page
INBOX_NOTE = (
    "<!-- 导入脚本把还不在任何页面上的新题追加到本页末尾（按 {#id} 识别），不改动已有内容；"
    "本页满 25 题后接着写 new-2.md。编辑审核后请把题目移到合适的分页。 -->"
)

# Characters that start markup somewhere: in Markdown and its extensions (emphasis, code, links,
# attribute lists, keys, math, snippets), in HTML, and in the build hooks that read page text
# (`[@key]` citations). Dump text shows them as numeric character references, which every
# Markdown and HTML reader turns back into the character itself and nothing else.
_MARKUP_CHARS = '&<>"\\`*_{}[]#+|~$'
_REFERENCES = {ord(c): f"&#{ord(c)};" for c in _MARKUP_CHARS}
_URL_SCHEME_RE = re.compile(r"^https?://", re.IGNORECASE)
_TAIL_LEAD_RE = re.compile(r"(查阅|参阅|参见|详见|请见|请查看)\s*")
_TAIL_STOP = ",，。:："
_CLOSER_LEAD_RE = re.compile(r"(查阅|参阅|参见|见|参考|解读)\s*")


def escape(text: str) -> str:
    """Dump text as literal characters: safe as HTML text, as an attribute and in Markdown."""
    return text.translate(_REFERENCES)


def prose(text: str) -> str:
    """Dump prose as shown: Chinese punctuation full width, names in their usual form, escaped."""
    return escape(typeset(text))


def render_entry(entry: Entry, refs: References) -> str:
    """One entry: a `##` question with an explicit id, then its answer as escaped HTML blocks."""
    parts = [f"## {prose(entry.title)} {{#{entry.id}}}"]
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
        items = [[_closer(c, refs), []] for c in closers]
        parts.append("**延伸阅读**\n\n" + _html_list(items))
    if entry.merged:
        numbers = [line.no for line in entry.merged]
        span = f"{numbers[0]}–{numbers[-1]}" if len(numbers) > 1 else str(numbers[0])
        parts.append(MERGED_NOTE.format(lines=span).rstrip("\n"))
    return "\n\n".join(parts) + "\n"


def render_answer(lines: list[Line], refs: References) -> str:
    """Paragraphs, lists with nested points and code as HTML blocks, one per Markdown block.

    Every block starts with a tag at the start of a line and holds no blank line, so Markdown
    passes it through untouched and the page reader sees where it ends.
    """
    blocks: list[tuple[str, list]] = []  # ("p", [html]), ("ul", [[html, [sub html]]]), ("pre", …)
    loose = False  # inside a loose list opened by a lone "-"
    pending_item = False  # the previous line was a lone "-"
    under_item = False  # the previous item ended in a colon: its followers are its sub-points
    for line in lines:
        kind = kind_of(line.text)
        if kind is Kind.CODE:
            if not blocks or blocks[-1][0] != "pre":
                blocks.append(("pre", []))
            blocks[-1][1].append(escape(line.text.strip()))
        elif kind is Kind.MARKER:
            loose, pending_item = True, True
        elif pending_item:
            _list(blocks).append([_inline(body(line.text), refs), []])
            pending_item = False
        elif kind is Kind.ITEM:
            item = [_inline(body(line.text), refs), []]
            items = _list(blocks)
            (items[-1][1] if (loose or under_item) and items else items).append(item)
            under_item = under_item or (not loose and is_lead_in(line.text))
        else:
            loose = under_item = False
            blocks.append(("p", [_inline(line.text, refs)]))
    if pending_item:
        _list(blocks).append(["", []])
    return "\n\n".join(_html_block(tag, content) for tag, content in blocks)


def _list(blocks: list[tuple[str, list]]) -> list:
    """The items of the list the answer is in, opening a new list after any other block."""
    if not blocks or blocks[-1][0] != "ul":
        blocks.append(("ul", []))
    return blocks[-1][1]


def _html_block(tag: str, content: list) -> str:
    if tag == "p":
        return f"<p>{content[0]}</p>"
    if tag == "pre":
        return '<pre><code class="language-python">' + "\n".join(content) + "</code></pre>"
    return _html_list(content)


def _html_list(items: list) -> str:
    """A `<ul>` of [html, sub-items] pairs, one tag per line and no blank line."""
    out = ["<ul>"]
    for text, subs in items:
        if subs:
            out += [f"<li>{text}", _html_list(subs), "</li>"]
        else:
            out.append(f"<li>{text}</li>")
    out.append("</ul>")
    return "\n".join(out)


def _link(url: str, text: str) -> str:
    """An escaped link to a web address; anything but http(s) stays text."""
    if not _URL_SCHEME_RE.match(url):
        return escape(text)
    return f'<a href="{escape(url)}">{prose(text)}</a>'


def _inline(text: str, refs: References) -> str:
    """Escape a line and turn a trailing "…查阅 X" or a URL into a real link."""
    url = refs.url_for(text)
    if url and url in text:
        before, _, after = text.partition(url)
        return f"{prose(before)}{_link(url, url)}{prose(after)}"
    if url:
        start = _tail_start(text)
        title = text[start:].rstrip() if start is not None else ""
        if title:
            return prose(text[:start]) + _link(url, title) + prose(text[start + len(title) :])
    return prose(text)


def _tail_start(text: str) -> int | None:
    """Where the title after a final "…查阅" starts (no comma or colon after it), if any."""
    last_stop = max(text.rfind(c) for c in _TAIL_STOP)
    match = _TAIL_LEAD_RE.search(text, last_stop + 1)
    return match.end() if match else None


def _closer(line: Line, refs: References) -> str:
    """A further-reading line, linked to its address when it is known."""
    text = body(line.text)
    url = refs.url_for(text)
    if not url or url in text:
        return _inline(text, refs)
    match = _CLOSER_LEAD_RE.search(text)
    if not match or match.end() == len(text):
        return _link(url, text)
    return prose(text[: match.end()]) + _link(url, text[match.end() :])


def render_overview(topic: Topic) -> str:
    """A topic's overview page: title and scope; the build lists the questions under them."""
    return f"# {topic.title}\n\n{topic.scope}\n\n{OVERVIEW_NOTE}\n"


def render_inbox(topic: Topic, n: int) -> str:
    """The head of a topic's n-th inbox page, which the importer fills with new questions."""
    title = INBOX_TITLE if n == 1 else f"{INBOX_TITLE} {n}"
    meta = _front_matter({"title": title, "order": INBOX_ORDER + n}).rstrip("\n")
    scope = f"导入脚本新收录、还没有归入{topic.title}各分页的题目。"
    return f"---\n{meta}\n---\n\n# {title}\n\n{scope}\n\n{INBOX_NOTE}\n"


class _IndentedDumper(yaml.SafeDumper):
    """Indents list items under their key, as the pages' front matter is written."""

    def increase_indent(self, flow: bool = False, indentless: bool = False):
        return super().increase_indent(flow, False)


def _front_matter(data: dict) -> str:
    """YAML for a page's front matter, written by the YAML library so no value can break it."""
    return yaml.dump(data, Dumper=_IndentedDumper, allow_unicode=True, sort_keys=False, width=1000)
