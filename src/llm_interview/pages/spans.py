"""Spans of a line that typographic rules leave alone, and how a rule edits around them.

Code spans, link targets, HTML tags (and so their attributes), web addresses and inline formulas
are not prose: the full-width punctuation rule and the name rule find their matches in the whole
line (so a match still sees its real neighbours) and drop the ones that touch such a span.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from llm_interview.pages.formulas import INLINE

PROTECTED = re.compile(
    r"(`+).*?\1"  # code span
    r"|\]\([^)]*\)"  # link target
    r"|<[^<>\n]*>"  # autolink, HTML tag or comment
    r"|https?://[^\s)\]>，。；]+"  # bare web address
    rf"|{INLINE}"  # inline formula
)


def protected_spans(text: str, pattern: re.Pattern[str] = PROTECTED) -> list[tuple[int, int]]:
    """(start, end) of every span of `text` that `pattern` protects, left to right."""
    return [m.span() for m in pattern.finditer(text)]


def is_free(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """True when [start, end) overlaps none of the protected spans."""
    return all(end <= s or start >= e for s, e in spans)


def splice(text: str, edits: Iterable[tuple[int, int, str]]) -> str:
    """`text` with each non-overlapping (start, end, replacement) applied."""
    out, cursor = [], 0
    for start, end, new in sorted(edits):
        out += [text[cursor:start], new]
        cursor = end
    return "".join(out) + text[cursor:]
