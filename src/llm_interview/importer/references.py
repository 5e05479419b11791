"""Lost link addresses and context from references.tsv, looked up by the text a line shows."""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass
from pathlib import Path

from llm_interview.importer.records import InputError
from llm_interview.importer.text import URL_RE, fold


@dataclass(frozen=True, eq=False)
class Reference:
    """A row of references.tsv: what the dump shows, the lost address, what it is about."""

    shown: str
    url: str
    about: str

    def matches(self, text: str) -> bool:
        """Whether `text` (one dump line) is the line this reference describes."""
        if self.url and self.url in text:
            return True
        line = fold(text)
        if not line or not self.pieces:
            return False
        return any(p in line for p in self.pieces) or line in fold(self.shown)

    @functools.cached_property
    def pieces(self) -> tuple[str, ...]:
        """Distinctive parts of the shown text: rows abbreviate with "…" and join with " / "."""
        shown = fold(self.shown)
        return tuple(p for part in shown.split("/") for p in _split_ellipsis(part) if len(p) >= 6)


def _split_ellipsis(text: str) -> list[str]:
    return [p.strip() for p in text.replace("…", "...").split("...") if p.strip()]


class References:
    """All references of a dump; empty when the dump has no references.tsv."""

    def __init__(self, rows: list[Reference]):
        self.rows = rows
        self._found: dict[str, Reference | None] = {}

    @classmethod
    def load(cls, path: Path | None) -> References:
        """Read references.tsv (columns seed_line, what_the_seed_shows, url, what_it_is_about)."""
        if path is None or not path.exists():
            return cls([])
        try:
            with path.open(encoding="utf-8-sig", newline="") as handle:
                rows = list(csv.DictReader(handle, delimiter="\t"))
        except (UnicodeDecodeError, csv.Error) as err:
            raise InputError(f"{path}: unreadable references table ({err})") from None
        needed = {"what_the_seed_shows", "url", "what_it_is_about"}
        if rows and not needed <= set(rows[0]):
            raise InputError(f"{path}: expected columns {', '.join(sorted(needed))}")
        return cls(
            [
                Reference(
                    (r["what_the_seed_shows"] or "").strip(),
                    (r["url"] or "").strip(),
                    (r["what_it_is_about"] or "").strip(),
                )
                for r in rows
            ]
        )

    def find(self, text: str) -> Reference | None:
        """The reference describing this line, preferring one that carries an address."""
        if text not in self._found:
            hits = sorted((r for r in self.rows if r.matches(text)), key=lambda r: not r.url)
            self._found[text] = hits[0] if hits else None
        return self._found[text]

    def url_for(self, text: str) -> str | None:
        """The address of the link this line showed, if known."""
        bare = URL_RE.search(text)
        if bare:
            return bare.group(0)
        ref = self.find(text)
        return ref.url if ref and ref.url else None
