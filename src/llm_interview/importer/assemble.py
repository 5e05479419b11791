"""Turn dump lines into entries: segment, apply curation, merge repeats, place and title."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from llm_interview.importer.curation import Curated, anchor
from llm_interview.importer.records import Entry, Line
from llm_interview.importer.references import References
from llm_interview.importer.segment import rule_starts, split
from llm_interview.importer.text import URL_RE, Kind, body, fold, kind_of
from llm_interview.pages import keywords, topics
from llm_interview.pages.glossary import Term

_TITLE_CUT = re.compile(r"[。;；:：,，!?！？]")
_TITLE_MAX = 36


@dataclass
class Assembly:
    """The entries of a dump, the repeats folded into them and what the editor should look at."""

    entries: list[Entry]
    merged: list[dict] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def assemble(
    lines: list[Line], curated: list[Curated], refs: References, terms: Sequence[Term] = ()
) -> Assembly:
    """Split `lines` into entries; every line ends up in exactly one entry.

    Each entry's search keywords are seeded from its curated ones and the glossary `terms`.
    """
    starts = rule_starts(lines, refs)
    claimed = anchor(curated, lines, starts)
    by_first_line = {lines[i].no: entry for i, entry in claimed.items()}
    result = Assembly([])
    ids = _Ids()
    repeats = _Repeats()
    previous_topic = topics.SLUGS[0]
    for segment in split(lines, starts):
        into = repeats.find(segment)
        if into is not None:
            into.merged.extend(segment)
            result.merged.append(
                {
                    "into": into.id,
                    "lines": [line.no for line in segment],
                    "reason": "repeats an answer already in this entry "
                    "(same text up to list markers, spacing and letter case)",
                }
            )
            continue
        known = by_first_line.get(segment[0].no)
        entry = _curated(known, segment) if known else _uncurated(segment, refs, previous_topic)
        entry.keywords = keywords.seed(_text(entry), entry.keywords, terms)
        entry.id = ids.claim(entry.id)
        repeats.add(entry)
        previous_topic = entry.topic
        result.entries.append(entry)
    found = {entry.id for entry in claimed.values()}
    result.warnings.extend(
        f"curated entry '{c.id}' matched no line of this dump" for c in curated if c.id not in found
    )
    pending = [e.id for e in result.entries if not e.curated]
    if pending:
        result.warnings.append(
            f"{len(pending)} entries are not curated yet (shown as 待审核): {', '.join(pending)}"
        )
    return result


def _curated(known: Curated, segment: list[Line]) -> Entry:
    return Entry(
        id=known.id,
        topic=known.topic,
        title=known.title,
        lines=segment,
        curated=True,
        tags=list(known.tags),
        keywords=list(known.keywords),
    )


def _uncurated(segment: list[Line], refs: References, fallback: str) -> Entry:
    text = "\n".join(line.text for line in segment)
    about = " ".join(r.about for line in segment if (r := refs.find(line.text)) and r.about)
    return Entry(
        id=stable_id(segment),
        topic=topics.place(f"{text}\n{about}", fallback),
        title=title_from(segment),
        lines=segment,
        curated=False,
    )


def _text(entry: Entry) -> str:
    return "\n".join([entry.title, *(line.text for line in entry.lines)])


def stable_id(segment: list[Line]) -> str:
    """An id derived from the answer's first line, so it survives reordering of the dump."""
    first = next((line.text for line in segment if kind_of(line.text) is not Kind.MARKER), "")
    return "q-" + hashlib.sha1(fold(first).encode("utf-8")).hexdigest()[:8]


class _Ids:
    """Ids handed out so far; a taken id gets the first free suffix (`q-1a2b3c4d-2`)."""

    def __init__(self):
        self.used: set[str] = set()
        self.next_suffix: dict[str, int] = {}

    def claim(self, wanted: str) -> str:
        found = wanted
        if found in self.used:
            n = self.next_suffix.get(wanted, 2)
            while f"{wanted}-{n}" in self.used:
                n += 1
            self.next_suffix[wanted] = n + 1
            found = f"{wanted}-{n}"
        self.used.add(found)
        return found


def title_from(segment: list[Line]) -> str:
    """A provisional title taken from the answer's own first sentence."""
    first = next((line.text for line in segment if kind_of(line.text) is not Kind.MARKER), "")
    text = body(first).strip()
    url = URL_RE.fullmatch(text)
    if url:
        return f"仅有参考链接的问题（{url.group(0)}）"
    cut = _TITLE_CUT.search(text, 6)
    if cut and cut.start() <= _TITLE_MAX:
        return text[: cut.start()]
    return text if len(text) <= _TITLE_MAX else text[:_TITLE_MAX] + "…"


class _Repeats:
    """Finds the earlier entry a segment repeats line for line, through a hash of each line."""

    def __init__(self):
        self.entries: list[Entry] = []
        self.keys: list[tuple[str, ...]] = []  # each entry's folded lines
        self.where: dict[str, list[tuple[int, int]]] = {}  # folded line -> (entry, position)

    def add(self, entry: Entry) -> None:
        keys = _content_keys(entry.lines)
        for position, key in enumerate(keys):
            self.where.setdefault(key, []).append((len(self.entries), position))
        self.entries.append(entry)
        self.keys.append(keys)

    def find(self, segment: list[Line]) -> Entry | None:
        """The first entry holding the segment's lines as a run, if the segment is long enough."""
        keys = _content_keys(segment)
        if not keys or sum(len(k) for k in keys) < 20:
            return None
        for n, position in self.where.get(keys[0], ()):
            if self.keys[n][position : position + len(keys)] == keys:
                return self.entries[n]
        return None


def _content_keys(lines: list[Line]) -> tuple[str, ...]:
    """The folded text of an answer's lines, loose-list markers left out."""
    return tuple(fold(ln.text) for ln in lines if kind_of(ln.text) is not Kind.MARKER)
