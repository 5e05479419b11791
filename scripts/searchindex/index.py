"""The search index file: Material's `search_index.json` with our records as its documents.

Material's plugin writes `{"config": …, "docs": […]}`; the docs are replaced by one compact record
per section (title, keywords, answer text, 原始回答), plain text without markup, tags or word
segmentation, because the site's own search worker (docs/assets/js/search/) matches on them.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

from .records import Record


def document(record: Record, boost: float | None) -> dict:
    """The JSON object of one record: empty fields left out."""
    doc = {k: v for k, v in asdict(record).items() if v or k in ("location", "title", "text")}
    if boost is not None:
        doc["boost"] = boost
    return doc


def rewrite(path: Path, pages: list[tuple[list[Record], float | None]]) -> None:
    """Replace the documents of the index at `path` by the records of `pages`, in their order."""
    data = json.loads(path.read_text(encoding="utf-8"))
    data["docs"] = [document(r, boost) for records, boost in pages for r in records]
    data["config"].pop("fields", None)  # the worker weighs fields itself
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
