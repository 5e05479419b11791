"""The PDF's bookmarks (outline), built from the print page's table of contents.

Chromium can embed an outline itself, but only in a tagged PDF, which on this content doubles
both the file size and the print time. Untagged, it still writes a named destination for every
element a link points at, and the table of contents links to every part and question; so the
outline is rebuilt here from the same tree print.js renders, one bookmark per entry.
"""

from __future__ import annotations

from pypdf import PdfWriter
from pypdf.generic import Fit


def add_outline(writer: PdfWriter, toc: list[dict]) -> int:
    """Add bookmarks for `toc` ([{id, text, children}]) to `writer`; returns how many."""
    destinations = writer.named_destinations  # keys are "/<id>"
    pages = {page.indirect_reference: n for n, page in enumerate(writer.pages)}
    count = 0

    def add(nodes: list[dict], parent=None) -> None:
        nonlocal count
        for node in nodes:
            dest = destinations.get(f"/{node['id']}")
            if dest is None:
                raise LookupError(f"目录项 #{node['id']}（{node['text']}）在 PDF 里没有目标位置")
            item = writer.add_outline_item(
                title=node["text"],
                page_number=pages[dest.page],
                parent=parent,
                fit=Fit.xyz(left=dest.left, top=dest.top),
            )
            count += 1
            add(node["children"], item)

    add(toc)
    writer.page_mode = "/UseOutlines"
    return count
