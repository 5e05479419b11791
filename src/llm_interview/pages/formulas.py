"""Where a page's Markdown holds formulas: the one rule for `$…$` and `$$…$$`.

It follows pymdownx.arithmatex (which renders them): a `$` escaped as `\\$` is text, an inline
formula stays on one line and neither starts nor ends with a space (so `$5 和 $6` is text), a
display formula may span lines. The content checks, the copy lint, the overview summaries and the
typographic rules all find formulas here; code (fences and backtick spans) holds none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from llm_interview.pages.pagetext import outside_fences

DISPLAY = r"(?<!\\)\$\$.+?(?<!\\)\$\$"
INLINE = r"(?<![\\$])\$(?![\s$])(?:\\.|[^\\$\n])+?(?<![\s\\])\$"
MATH = re.compile(rf"{DISPLAY}|{INLINE}", re.DOTALL)
CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")


@dataclass(frozen=True)
class Formula:
    """A formula's TeX (delimiters and outer spaces removed), whether it is displayed, and its
    1-based first and last line in the page."""

    tex: str
    display: bool
    line: int
    last: int


def _blank(text: str) -> str:
    return re.sub(r"[^\n]", " ", text)


def _math_text(markdown: str) -> str:
    """The page with fenced code and code spans blanked (lines and columns kept)."""
    lines = markdown.split("\n")
    kept = [
        CODE_SPAN.sub(lambda m: _blank(m[0]), line) if prose else _blank(line)
        for line, prose in zip(lines, outside_fences(lines), strict=True)
    ]
    return "\n".join(kept)


def spans(markdown: str) -> list[re.Match]:
    """Every formula of the page, as a match over the page's text."""
    return list(MATH.finditer(_math_text(markdown)))


def formulas(markdown: str) -> list[Formula]:
    """Every formula of the page, in page order."""
    found = []
    for m in spans(markdown):
        display = m[0].startswith("$$")
        edge = 2 if display else 1
        line = markdown.count("\n", 0, m.start()) + 1
        found.append(Formula(m[0][edge:-edge].strip(), display, line, line + m[0].count("\n")))
    return found


def without_formulas(markdown: str) -> str:
    """The page with its formulas blanked out (a `<` in math is no tag), lines kept in place."""
    out, cursor = [], 0
    for m in spans(markdown):
        out += [markdown[cursor : m.start()], _blank(m[0])]
        cursor = m.end()
    return "".join(out) + markdown[cursor:]
