"""`abbr` for Chinese text, marking each term once per question.

Python-Markdown's abbr needs `\\b` around a term, which never holds between two Han characters or
between Han and Latin ("使用LoRA微调"); this variant only refuses matches inside ASCII words.
A second pass then keeps a tooltip only where a reader meets a term first within an entry (a
section from one heading to the next), and never in a heading, a keyword line or a tag list: one
dotted underline per term and question, not one per mention. A kept term can take keyboard focus
(`tabindex="0"`), which shows its tip (docs/assets/js/glossary-tip.js); the `title` stays for
readers without JavaScript.
"""

from __future__ import annotations

import functools
import re
import xml.etree.ElementTree as etree

from markdown.treeprocessors import Treeprocessor

from llm_interview.compat import AbbrExtension, AbbrTreeprocessor
from llm_interview.pages.glossary import bounded

SECTION = {"h1", "h2", "h3"}
HEADING = {"h1", "h2", "h3", "h4", "h5", "h6"}
HIDDEN_IN = {"qa-tags", "qa-tag-list"}  # tag chips, the tags page


class CjkAbbrTreeprocessor(AbbrTreeprocessor):
    """Wraps known abbreviations in `<abbr>` with CJK-aware boundaries."""

    def run(self, root):
        if not self.abbrs:
            return
        self.RE = _alternation(tuple(self.abbrs))
        self.iter_element(root)


@functools.lru_cache(maxsize=4)
def _alternation(terms: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for every term, longest first, compiled once per glossary (not per page)."""
    keys = sorted(terms, key=len, reverse=True)
    return re.compile(bounded("|".join(re.escape(k) for k in keys)))


def _unwrap(parent: etree.Element, abbr: etree.Element) -> None:
    """Replace an `<abbr>` by its text, keeping the text around it."""
    text = (abbr.text or "") + (abbr.tail or "")
    index = list(parent).index(abbr)
    if index:
        before = parent[index - 1]
        before.tail = (before.tail or "") + text
    else:
        parent.text = (parent.text or "") + text
    parent.remove(abbr)


class FirstUseTreeprocessor(Treeprocessor):
    """Keeps the first `<abbr>` of each term in each section, focusable; drops it in headings,
    keyword lines and tag lists."""

    def run(self, root):
        parents = {child: parent for parent in root.iter() for child in parent}
        seen: set[str] = set()
        drop = []
        for el in root.iter():
            if el.tag in SECTION:
                seen = set()
            if el.tag != "abbr":
                continue
            term = el.get("title", "")
            if term in seen or self._in_heading_or_hidden(el, parents):
                drop.append(el)
            else:
                seen.add(term)
                el.set("tabindex", "0")
        for el in drop:
            _unwrap(parents[el], el)

    @staticmethod
    def _in_heading_or_hidden(el, parents) -> bool:
        while el in parents:
            el = parents[el]
            if el.tag in HEADING or HIDDEN_IN & set((el.get("class") or "").split()):
                return True
        return False


class CjkAbbrExtension(AbbrExtension):
    """Drop-in replacement for `abbr`: CJK-aware matching, one tooltip per term and section."""

    def extendMarkdown(self, md):
        super().extendMarkdown(md)
        md.treeprocessors.register(CjkAbbrTreeprocessor(md, self.abbrs), "abbr", 7)
        md.treeprocessors.register(FirstUseTreeprocessor(md), "abbr-first-use", 6.9)
