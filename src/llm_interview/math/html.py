"""Where a rendered page's HTML holds formulas, and the page with them replaced.

Two sources write formulas into a page:
- pymdownx.arithmatex (generic mode), from the Markdown's `$…$` and `$$…$$`:
  `<span class="arithmatex">\\(…\\)</span>` and `<div class="arithmatex">\\[…\\]</div>`;
- mkdocs-jupyter, from a notebook's Markdown cells: it leaves `$…$` and `$$…$$` as text, in the
  prose inside `div.jupyter-wrapper` (a display formula alone in its `<p>`); code cells
  (`div.jp-CodeCell`, their outputs included) and `<pre>`/`<code>` hold code, not formulas.
Every formula becomes `<span class="arithmatex"><math>…</math></span>`, or a
`<div class="arithmatex">` for a display block, so styles, search and print treat both alike.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass

from llm_interview.pages.formulas import MATH

ARITHMATEX = re.compile(r'<(span|div) class="arithmatex">([^<]*)</\1>')
DELIMITERS = re.compile(r"\\[(\[](.*)\\[)\]]", re.DOTALL)
TAG = re.compile(r"<!--.*?-->|<(/?)([a-zA-Z][\w:-]*)([^>]*)>", re.DOTALL)
VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)
CODE = frozenset({"pre", "code", "script", "style", "math"})
NOTEBOOK = "jupyter-wrapper"
CODE_CELL = "jp-CodeCell"


@dataclass(frozen=True)
class Spot:
    """A formula at html[start:end]: its TeX, whether it is displayed, and whether it takes a
    block of its own (a `<div>`) or sits in the text (a `<span>`)."""

    start: int
    end: int
    tex: str
    display: bool
    block: bool


def _classes(attrs: str) -> list[str]:
    m = re.search(r'\bclass="([^"]*)"', attrs)
    return m[1].split() if m else []


def arithmatex_spots(page: str) -> list[Spot]:
    """The formulas pymdownx.arithmatex marked."""
    found = []
    for m in ARITHMATEX.finditer(page):
        text = html.unescape(m[2]).strip()
        inner = DELIMITERS.fullmatch(text)
        tex = (inner[1] if inner else text).strip()
        block = m[1] == "div"
        found.append(Spot(m.start(), m.end(), tex, block, block))
    return found


def text_spots(page: str, everywhere: bool = False) -> list[Spot]:
    """The `$…$` and `$$…$$` formulas in the text of notebook prose (or of all of `page` when
    `everywhere`), outside code; a display formula alone in its paragraph takes the paragraph."""
    found: list[Spot] = []
    if not everywhere and NOTEBOOK not in page:
        return found  # no notebook prose: no tag needs reading
    stack: list[tuple[str, bool, bool]] = []  # (tag, in notebook prose, in code)
    cursor, paragraph = 0, None
    for tag in TAG.finditer(page + "<end>"):
        prose, code = stack[-1][1:] if stack else (everywhere, False)
        if prose and not code:
            for m in MATH.finditer(page, cursor, tag.start()):
                display = m[0].startswith("$$")
                edge = 2 if display else 1
                tex = html.unescape(m[0][edge:-edge]).strip()
                alone = (
                    display
                    and paragraph is not None
                    and page[cursor : tag.start()].strip() == m[0]
                    and tag[0] == "</p>"
                )
                if alone:
                    found.append(Spot(paragraph, tag.end(), tex, True, True))
                else:
                    found.append(Spot(m.start(), m.end(), tex, display, False))
        cursor = tag.end()
        closing, name = tag[1], (tag[2] or "").lower()
        paragraph = tag.start() if name == "p" and not closing else None
        if not name or name in VOID or tag[3].endswith("/"):
            continue
        if closing:
            depth = next((i for i in range(len(stack) - 1, -1, -1) if stack[i][0] == name), None)
            if depth is not None:
                del stack[depth:]
            continue
        classes = _classes(tag[3])
        stack.append(
            (name, prose or NOTEBOOK in classes, code or name in CODE or CODE_CELL in classes)
        )
    return found


def spots(page: str) -> list[Spot]:
    """Every formula of a rendered page, in page order."""
    return sorted(arithmatex_spots(page) + text_spots(page), key=lambda s: s.start)


def replace(page: str, found: list[Spot], mathml: Callable[[Spot], str]) -> str:
    """`page` with each spot replaced by its `mathml` in the site's wrapper."""
    out, cursor = [], 0
    for spot in found:
        tag = "div" if spot.block else "span"
        out += [page[cursor : spot.start], f'<{tag} class="arithmatex">{mathml(spot)}</{tag}>']
        cursor = spot.end
    return "".join(out) + page[cursor:]
