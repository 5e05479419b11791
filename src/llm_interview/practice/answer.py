"""An answer's HTML for the practice bank, written out of the page's parsed tree (site.rendered).

The answer is shown as on its page, less what only works there: glossary marks become their text
(the same definition repeats on every use: most of the bank's weight), code blocks lose their
empty per-line anchors, and every link and image goes through `link` (the bank roots them at the
site). The markup is written as BeautifulSoup wrote it before the page was parsed only once:
attributes sorted, `&`, `<` and `>` escaped, void elements as `<br/>`; formulas, three quarters
of an answer's elements, are written by lxml as they stand (attributes in source order).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from lxml import etree

from llm_interview.site.rendered import Element

VOID = {
    *("area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "menuitem"),
    *("meta", "param", "source", "track", "wbr", "basefont", "bgsound", "command", "frame"),
    *("image", "isindex", "nextid", "spacer"),
}
RAW_TEXT = {"script", "style"}
# Attributes that hold a list of words: written with single spaces between them.
WORD_LISTS = {
    "*": {"class", "accesskey", "dropzone"},
    **{"a": {"rel", "rev"}, "link": {"rel", "rev"}, "area": {"rel"}},
    **{"td": {"headers"}, "th": {"headers"}, "form": {"accept-charset"}},
    **{"object": {"archive"}, "icon": {"sizes"}, "iframe": {"sandbox"}, "output": {"for"}},
}
LINKED = {"a": "href", "img": "src"}
CODE_LINE_ANCHOR = "#__codelineno"
ESCAPED = re.compile("[&<>]")
ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}


def answer_html(answer: Element, link: Callable[[str], str]) -> str:
    """The inner HTML of the `answer` element, for the practice bank."""
    out: list[str] = []
    _inner(answer, link, out)
    return "".join(out).strip()


def _escape(text: str) -> str:
    return ESCAPED.sub(lambda m: ESCAPES[m[0]], text)


def _inner(element: Element, link: Callable[[str], str], out: list[str]) -> None:
    raw = element.tag in RAW_TEXT
    if element.text:
        out.append(element.text if raw else _escape(element.text))
    for child in element:
        if child.tag is etree.Comment:
            out.append(f"<!--{child.text or ''}-->")
        elif not isinstance(child.tag, str):  # a processing instruction
            pass
        elif child.tag == "abbr":
            _inner(child, link, out)
        elif child.tag == "math":  # formulas hold no link, mark or anchor: lxml writes them as-is
            out.append(etree.tostring(child, method="html", encoding="unicode", with_tail=False))
        elif not (child.tag == "a" and (child.get("href") or "").startswith(CODE_LINE_ANCHOR)):
            _element(child, link, out)
        if child.tail:
            out.append(child.tail if raw else _escape(child.tail))


def _element(element: Element, link: Callable[[str], str], out: list[str]) -> None:
    tag = element.tag
    words = WORD_LISTS["*"] | WORD_LISTS.get(tag, set())
    attrs = []
    for name, value in sorted(element.attrib.items()):
        if name in words:
            value = " ".join(value.split())
        elif name == LINKED.get(tag) and value:
            value = link(value)
        attrs.append(f" {name}={_quoted(_escape(value))}")
    if tag in VOID and len(element) == 0 and not element.text:
        out.append(f"<{tag}{''.join(attrs)}/>")
        return
    out.append(f"<{tag}{''.join(attrs)}>")
    _inner(element, link, out)
    out.append(f"</{tag}>")


def _quoted(value: str) -> str:
    if '"' not in value:
        return f'"{value}"'
    if "'" not in value:
        return f"'{value}'"
    return '"' + value.replace('"', "&quot;") + '"'
