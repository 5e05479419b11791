"""The search index files: Material's `search_index.json` and, loaded on demand, the records.

Material's plugin writes `{"config": …, "docs": […]}`; the docs are replaced by one compact record
per section (title, keywords, answer text, 原始回答), plain text without markup, tags or word
segmentation, because the site's own search worker (docs/assets/js/search/) matches on them.

Material 9.8 fetches `search_index.json` on every page load (its bundle has no hook to defer it),
so for the served site that file becomes a stub: Material's config plus `config.records`, where
the records are, relative to the worker. The worker fetches them when the reader first focuses
the search box (docs/assets/js/search/lazy.js): first the heads (title, keywords), which make
search usable, then the bodies (answer text, 原始回答) for snippets and deeper matches. Both
are cut into shards, runs of records in index order of at most SHARD_BYTES each, so no file a
reader downloads grows with the bank: `records` has `heads` and `texts`, each with the shards'
common start `url` and each shard's first record in `starts` (shard k is `url` + `k.json`).
The offline copy keeps every record inline: from file:// Material already waits for the search
box before it hands the index to the worker.
"""

from __future__ import annotations

import json
import posixpath
from pathlib import Path

from llm_interview.search.records import Record

INDEX = "search/search_index.json"
HEADS = "search/records-"  # + the shard's number + ".json": titles, keywords, levels
BODIES = "search/records-text-"  # + the shard's number + ".json": answer texts, 原始回答
BODY_FIELDS = ("text", "original")
# A shard's JSON in bytes: gzip never makes a file much larger, so each stays under 1 MB however
# its text compresses (a single record larger than this gets a shard of its own).
SHARD_BYTES = 1_000_000


def document(record: Record, boost: float | None) -> dict:
    """The JSON object of one record: empty fields left out."""
    doc = {k: v for k, v in vars(record).items() if v or k in ("location", "title", "text")}
    if boost is not None:
        doc["boost"] = boost
    return doc


def rewrite(
    site: Path,
    pages: list[tuple[list[Record], float | None]],
    worker: str | None = None,
    shard_bytes: int = SHARD_BYTES,
) -> None:
    """Write the records of `pages` into the index of the site at `site`, in their order.

    With `worker` (the worker's path in the site) the index becomes a stub and the records go
    into shards of heads and of texts; without it they stay inline (the offline copy).
    """
    path = site / INDEX
    data = json.loads(path.read_text(encoding="utf-8"))
    docs = [document(r, boost) for records, boost in pages for r in records]
    data["config"].pop("fields", None)  # the worker weighs fields itself
    if worker is None:
        data["docs"] = docs
    else:
        folder = posixpath.dirname(worker)
        heads = [{k: v for k, v in d.items() if k not in BODY_FIELDS} for d in docs]
        bodies = [{k: d[k] for k in BODY_FIELDS if k in d} for d in docs]
        for old in site.glob(f"{HEADS}*.json"):  # texts too; a smaller bank has fewer shards
            old.unlink()
        data["config"]["records"] = {
            name: {
                "url": posixpath.relpath(prefix, folder),
                "starts": _write_shards(site, prefix, items, shard_bytes),
            }
            for name, prefix, items in (("heads", HEADS, heads), ("texts", BODIES, bodies))
        }
        data["docs"] = []
    _write(path, data)


def shards(records: list[dict], limit: int) -> list[tuple[int, str]]:
    """The records as JSON arrays of consecutive ones, each at most `limit` bytes (UTF-8) but
    for a record larger than that alone: (index of its first record, its JSON) per shard."""
    found: list[tuple[int, str]] = []
    items: list[str] = []
    start = size = 0  # the shard's first record, the bytes of its items
    for n, record in enumerate(records):
        item = _json(record)
        length = len(item.encode("utf-8"))
        if items and 2 + size + length + len(items) > limit:  # brackets, items, commas
            found.append((start, f"[{','.join(items)}]"))
            items, start, size = [], n, 0
        items.append(item)
        size += length
    found.append((start, f"[{','.join(items)}]"))
    return found


def _write_shards(site: Path, prefix: str, items: list[dict], limit: int) -> list[int]:
    """Write `items` in shards `prefix` + k + `.json`; each shard's first item."""
    starts = []
    for k, (start, text) in enumerate(shards(items, limit)):
        starts.append(start)
        (site / f"{prefix}{k}.json").write_text(text, encoding="utf-8")
    return starts


def shard_files(site: Path) -> dict[str, list[str]]:
    """The shards of a built site's lazily loaded records (paths in the site), heads and texts."""
    records = json.loads((site / INDEX).read_text(encoding="utf-8"))["config"]["records"]
    prefixes = {"heads": HEADS, "texts": BODIES}
    return {
        name: [f"{prefixes[name]}{k}.json" for k in range(len(records[name]["starts"]))]
        for name in prefixes
    }


def load_docs(site: Path) -> list[dict]:
    """Every record of a built site's search, whole, whether inline or loaded lazily."""
    data = json.loads((site / INDEX).read_text(encoding="utf-8"))
    if "records" not in data["config"]:
        return data["docs"]
    heads, bodies = (
        [r for f in files for r in json.loads((site / f).read_text(encoding="utf-8"))]
        for files in shard_files(site).values()
    )
    return [{**head, **body} for head, body in zip(heads, bodies, strict=True)]


def _json(data) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _write(path: Path, data) -> None:
    path.write_text(_json(data), encoding="utf-8")
