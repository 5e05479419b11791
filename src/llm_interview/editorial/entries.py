"""What a reader sees of an entry's Markdown (the page parser itself is pages.pagetext)."""

from __future__ import annotations

import re

from llm_interview.pages.keywords import KEYWORD_LINE

HIDDEN = re.compile(r"\{[:#.][^}\n]*\}|<!--.*?-->|(?<=\])\([^)\s]*\)", re.DOTALL)


def reader_text(markdown: str) -> str:
    """Markdown without what a reader never sees: keyword lines (search terms, taken off the
    page by the search hook), attribute lists, comments, link targets."""
    return HIDDEN.sub("", KEYWORD_LINE.sub("", markdown))
