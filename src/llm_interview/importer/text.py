"""Shapes of single dump lines: list markers, code, closers, lead-ins, connectives."""

from __future__ import annotations

import functools
import re
import unicodedata
from enum import Enum

URL_RE = re.compile(r"https?://[^\s<>\"'，。；）)\]]+")


class Kind(Enum):
    """What a line is in the dump's flattened Markdown."""

    MARKER = "marker"  # a lone "-": the next line is a loose list item's paragraph
    ITEM = "item"  # "- text": a tight list item (nesting was flattened)
    ENUM = "enum"  # "1)text", "2.text": a numbered step kept as text
    CODE = "code"  # a line of a code block whose fences were stripped
    CLOSER = "closer"  # "更详细请查阅…", a reference or a bare URL: closes an answer
    PARA = "para"  # any other paragraph


_MARKER_RE = re.compile(r"^\s*[-*+•]\s*")
_SPACE_RE = re.compile(r"\s+")
_ITEM_RE = re.compile(r"^[-*+•]\s+\S")
_ENUM_RE = re.compile(r"^(\d{1,2}|[一二三四五六七八九十])\s*[)）.、](?!\d)")
_CLOSER_RE = re.compile(
    r"^(更详细|更多|详细(的)?(解释|内容|解析|介绍)?(请)?(见|参见|参考|参阅|查阅)|(请)?参考(论文|资料|文献|链接|文章)?"
    r"|知乎解读|原文|论文(地址|链接)|相关(论文|阅读)|延伸阅读|see also|reference)",
    re.IGNORECASE,
)
_CODE_RE = re.compile(
    r"^(import |from \S+ import |def \w+\(|class \w+[(:]|return\b|if __name__|for \w+ in |print\()"
    # Possessive quantifiers: a long run of spaces is read once, never backtracked into.
    r"|^[A-Za-z_][\w.\[\], ]*+\s*+[+\-*/@]?=\s*+\S"
    r"|^@\w+"
)
_HAN_RE = re.compile(r"[\u3400-\u9fff]")
_TERMINAL = "。.!?！？;；…"
_CONNECTIVE_RE = re.compile(
    r"^(而|所以|因此|但是|但|然而|此外|另外|同时|并且|总之|综上|换句话说|也就是说|反过来"
    r"|这|该|其|上述|以上|在此基础上|之所以|为了更好地理解)"
)
_LATIN_TERM_ITEM_RE = re.compile(r"^[A-Za-z][A-Za-z0-9 .+\-]{0,30}\s*[:：]")
_TERM_ITEM_RE = re.compile(r"^[^,，。:：;；]{1,24}[:：]")
_LATIN_WORD_RE = re.compile(r"[A-Za-z][A-Za-z0-9\-]{2,}")
_COMMON_WORDS = {
    "the",
    "and",
    "for",
    "with",
    "model",
    "models",
    "llm",
    "llms",
    "gpt",
    "http",
    "https",
}


@functools.lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """Normalise for matching: NFKC, case-folded, list marker and all white space removed."""
    text = _MARKER_RE.sub("", unicodedata.normalize("NFKC", text).casefold(), count=1)
    return _SPACE_RE.sub("", text)


def body(text: str) -> str:
    """The line without its list marker."""
    return _MARKER_RE.sub("", text.strip(), count=1)


@functools.lru_cache(maxsize=8192)
def kind_of(text: str) -> Kind:
    """Classify one dump line."""
    stripped = text.strip()
    if stripped in {"-", "*", "+", "•"}:
        return Kind.MARKER
    inner = body(stripped)
    if is_closer(inner):
        return Kind.CLOSER
    if is_code(stripped):
        return Kind.CODE
    if _ITEM_RE.match(stripped):
        return Kind.ITEM
    if _ENUM_RE.match(stripped):
        return Kind.ENUM
    return Kind.PARA


def is_bare_url(text: str) -> bool:
    """A line that is nothing but an address."""
    return bool(URL_RE.fullmatch(body(text).strip()))


def is_heading_like(text: str) -> bool:
    """A short paragraph naming what follows, like "KV Cache(Key-Value Cache):"."""
    stripped = text.strip()
    return kind_of(stripped) is Kind.PARA and len(stripped) <= 40 and stripped[-1:] in (":", "：")


def is_closer(inner: str) -> bool:
    """A pointer to further reading, a reference or a bare URL."""
    if URL_RE.fullmatch(inner.strip()):
        return True
    return bool(_CLOSER_RE.match(inner)) and len(inner) < 160


def is_code(text: str) -> bool:
    """A code line: Python-looking and without Chinese prose."""
    return not _HAN_RE.search(text) and bool(_CODE_RE.match(text.strip()))


def is_lead_in(text: str) -> bool:
    """A line that announces what follows.

    A list item does so only with a final colon; a paragraph also when it ends without
    closing punctuation ("…通常表现为").
    """
    stripped = text.strip()
    inner = body(stripped).rstrip()
    if not inner or is_code(stripped):
        return False
    if inner[-1] in ":：":
        return True
    is_paragraph = not (_ITEM_RE.match(stripped) or _ENUM_RE.match(stripped))
    return is_paragraph and inner[-1] not in _TERMINAL + ")）]】」”\"'"


def starts_with_connective(text: str) -> bool:
    """A paragraph that continues the previous one (而…, 因此…, 这…)."""
    return bool(_CONNECTIVE_RE.match(body(text)))


def is_latin_term_item(text: str) -> bool:
    """A list item that defines an English term: "- Models:…"."""
    return bool(_LATIN_TERM_ITEM_RE.match(body(text)))


def is_term_item(text: str) -> bool:
    """A list item that opens with a short term and a colon, in any language."""
    return bool(_TERM_ITEM_RE.match(body(text)))


def latin_words(text: str) -> set[str]:
    """The distinctive English words and names in a text, case-folded."""
    words = {w.casefold() for w in _LATIN_WORD_RE.findall(text)}
    return words - _COMMON_WORDS


def opening(text: str, size: int = 20) -> str:
    """The first characters of a line's text, folded, for comparing what two lines are about."""
    return fold(body(text))[:size]


def share_run(a: str, b: str, size: int) -> bool:
    """Whether two strings have a common substring of `size` characters."""
    return any(a[i : i + size] in b for i in range(len(a) - size + 1))
