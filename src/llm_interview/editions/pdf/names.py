"""The PDF files: the full edition, and each topic's beside it (`llm-interview-zh-rl.pdf`)."""

from __future__ import annotations

import posixpath

FULL_PDF = "llm-interview-zh.pdf"


def topic_pdf(full: str, slug: str) -> str:
    """A topic's PDF beside the full edition's `full` (a file name, or a path under the site)."""
    stem, ext = posixpath.splitext(full)
    return f"{stem}-{slug}{ext}"
