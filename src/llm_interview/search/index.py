"""The search index files: Material's `search_index.json` and, loaded on demand, the records.

Material's plugin writes `{"config": …, "docs": […]}`; the docs are replaced by one compact record
per section (title, keywords, answer text, 原始回答), plain text without markup, tags or word
segmentation, because the site's own search worker (docs/assets/js/search/) matches on them.

Material 9.8 fetches `search_index.json` on every page load (its bundle has no hook to defer it),
so for the served site that file becomes a stub: Material's config plus `config.records`, the
records' two files as URLs relative to the worker. The worker fetches them when the reader first
focuses the search box (docs/assets/js/search/lazy.js): first the heads (title, keywords), which
make search usable, then the bodies (answer text, 原始回答) for snippets and deeper matches.
The offline copy keeps every record inline: from file:// Material already waits for the search
box before it hands the index to the worker.
"""

from __future__ import annotations

import json
import posixpath
from pathlib import Path

from llm_interview.search.records import Record

INDEX = "search/search_index.json"
HEADS = "search/records.json"
BODIES = "search/records-text.json"
BODY_FIELDS = ("text", "original")


def document(record: Record, boost: float | None) -> dict:
    """The JSON object of one record: empty fields left out."""
    doc = {k: v for k, v in vars(record).items() if v or k in ("location", "title", "text")}
    if boost is not None:
        doc["boost"] = boost
    return doc


def rewrite(
    site: Path, pages: list[tuple[list[Record], float | None]], worker: str | None = None
) -> None:
    """Write the records of `pages` into the index of the site at `site`, in their order.

    With `worker` (the worker's path in the site) the index becomes a stub and the records go
    into the heads and bodies files; without it they stay inline (the offline copy).
    """
    path = site / INDEX
    data = json.loads(path.read_text(encoding="utf-8"))
    docs = [document(r, boost) for records, boost in pages for r in records]
    data["config"].pop("fields", None)  # the worker weighs fields itself
    if worker is None:
        data["docs"] = docs
    else:
        folder = posixpath.dirname(worker)
        data["config"]["records"] = [posixpath.relpath(f, folder) for f in (HEADS, BODIES)]
        data["docs"] = []
        heads = [{k: v for k, v in d.items() if k not in BODY_FIELDS} for d in docs]
        bodies = [{k: d[k] for k in BODY_FIELDS if k in d} for d in docs]
        _write(site / HEADS, heads)
        _write(site / BODIES, bodies)
    _write(path, data)


def load_docs(site: Path) -> list[dict]:
    """Every record of a built site's search, whole, whether inline or loaded lazily."""
    data = json.loads((site / INDEX).read_text(encoding="utf-8"))
    if "records" not in data["config"]:
        return data["docs"]
    heads, bodies = (json.loads((site / f).read_text(encoding="utf-8")) for f in (HEADS, BODIES))
    return [{**head, **body} for head, body in zip(heads, bodies, strict=True)]


def _write(path: Path, data) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
