"""The editor's curation file: titles, ids, topics and tags of known entries, matched by text."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from llm_interview.importer.records import InputError, Line
from llm_interview.importer.text import Kind, fold, kind_of
from llm_interview.pages import yamltext
from llm_interview.pages.topics import SLUGS

_ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Curated:
    """One curated entry: where it starts and ends (by text) and how it is presented."""

    id: str
    topic: str
    title: str
    start: str
    end: str | None = None
    tags: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    start_key: str = field(init=False, repr=False, compare=False)
    end_key: str | None = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        object.__setattr__(self, "start_key", fold(self.start))
        object.__setattr__(self, "end_key", fold(self.end) if self.end else None)


def load(path: Path | None) -> list[Curated]:
    """Read and check the curation file; a missing file means nothing is curated."""
    if path is None or not path.exists():
        return []
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as err:
        raise InputError(f"{path}: not valid YAML ({err})") from None
    return list(_parsed(path, text))


@functools.lru_cache(maxsize=2)  # the same file, read again by each import in one process
def _parsed(path: Path, text: str) -> tuple[Curated, ...]:
    try:
        data = yamltext.load(text)
    except yaml.YAMLError as err:
        first = str(err).splitlines()[0] if str(err) else type(err).__name__
        raise InputError(f"{path}: not valid YAML ({first})") from None
    items = (data or {}).get("entries") if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise InputError(f"{path}: expected a mapping with an 'entries' list")
    entries = [_entry(path, n, item) for n, item in enumerate(items, 1)]
    seen: set[str] = set()
    for entry in entries:
        if entry.id in seen:
            raise InputError(f"{path}: id '{entry.id}' is used twice")
        seen.add(entry.id)
    return tuple(entries)


def _entry(path: Path, n: int, item: object) -> Curated:
    where = f"{path}: entry {n}"
    if not isinstance(item, dict):
        raise InputError(f"{where}: expected a mapping")
    for key in ("id", "topic", "title", "start"):
        if not isinstance(item.get(key), str) or not item[key].strip():
            raise InputError(f"{where}: missing '{key}'")
    if not _ID_RE.match(item["id"]):
        raise InputError(f"{where}: id '{item['id']}' must be lower-case ascii words joined by '-'")
    if item["topic"] not in SLUGS:
        raise InputError(f"{where}: unknown topic '{item['topic']}' (one of {', '.join(SLUGS)})")
    return Curated(
        id=item["id"],
        topic=item["topic"],
        title=item["title"].strip(),
        start=str(item["start"]),
        end=str(item["end"]) if item.get("end") else None,
        tags=tuple(str(t) for t in item.get("tags") or ()),
        keywords=tuple(str(k) for k in item.get("keywords") or ()),
    )


def anchor(curated: list[Curated], lines: list[Line], starts: list[bool]) -> dict[int, Curated]:
    """Apply curated boundaries to the rule boundaries in `starts` (in place).

    Returns the index of each curated entry's first line (a lone "-" opening it included).
    A curated entry forces a start at its first line, none inside it up to its `end` line
    and a start right after that line; `end` is looked for before the next curated start.
    """
    folded = [fold(line.text) for line in lines]
    claimed: dict[int, Curated] = {}
    for entry in curated:
        first = next(
            (i for i, text in enumerate(folded) if entry.start_key in text and i not in claimed),
            None,
        )
        if first is not None:
            while first > 0 and kind_of(lines[first - 1].text) is Kind.MARKER:
                first -= 1  # a loose list's lone "-" belongs to the item it opens
            claimed[first] = entry
    firsts = sorted(claimed)
    for n, first in enumerate(firsts):
        starts[first] = True
        end_key = claimed[first].end_key
        limit = firsts[n + 1] if n + 1 < len(firsts) else len(lines)
        last = next((j for j in range(first, limit) if end_key and end_key in folded[j]), None)
        if last is None:
            continue
        for j in range(first + 1, last + 1):
            starts[j] = False
        if last + 1 < len(lines):
            starts[last + 1] = True
    return claimed
