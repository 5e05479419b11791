"""What a reader sees of an entry's Markdown (the page parser itself is seedsplit.pagetext)."""

from __future__ import annotations

import re

HIDDEN = re.compile(r"\{[:#.][^}\n]*\}|<!--.*?-->|(?<=\])\([^)\s]*\)", re.DOTALL)
# The keyword line and its `{: .qa-keywords }`: search terms, taken off the page by the search hook.
KEYWORD_LINE = re.compile(r"^关键词：.*\n\{:[^}\n]*\.qa-keywords\b[^}\n]*\}[ \t]*$", re.MULTILINE)


def reader_text(markdown: str) -> str:
    """Markdown without what a reader never sees: keyword lines, attribute lists, comments,
    link targets."""
    return HIDDEN.sub("", KEYWORD_LINE.sub("", markdown))
