"""`abbr` for Chinese text: Python-Markdown's abbr needs `\\b` around a term, which never holds
between two Han characters or between Han and Latin ("使用LoRA微调"). This variant only refuses
matches inside ASCII words and is otherwise the standard extension."""

from __future__ import annotations

import re

from markdown.extensions.abbr import AbbrExtension, AbbrTreeprocessor

from seedsplit.glossary import bounded


class CjkAbbrTreeprocessor(AbbrTreeprocessor):
    """Wraps known abbreviations in `<abbr>` with CJK-aware boundaries."""

    def run(self, root):
        if not self.abbrs:
            return
        keys = sorted(self.abbrs, key=len, reverse=True)
        self.RE = re.compile(bounded("|".join(re.escape(k) for k in keys)))
        self.iter_element(root)


class CjkAbbrExtension(AbbrExtension):
    """Drop-in replacement for `abbr` that registers the CJK-aware tree processor."""

    def extendMarkdown(self, md):
        super().extendMarkdown(md)
        md.treeprocessors.register(CjkAbbrTreeprocessor(md, self.abbrs), "abbr", 7)
