"""What a reader sees of an entry's Markdown (the page parser itself is seedsplit.pagetext)."""

from __future__ import annotations

import re

HIDDEN = re.compile(r"\{[:#.][^}\n]*\}|<!--.*?-->|(?<=\])\([^)\s]*\)", re.DOTALL)


def reader_text(markdown: str) -> str:
    """Markdown without what a reader never sees: attribute lists, comments, link targets."""
    return HIDDEN.sub("", markdown)
