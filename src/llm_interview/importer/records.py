"""Records that flow between the importer's stages."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Line:
    """One non-blank line of the dump: its 1-based number and its text without line end."""

    no: int
    text: str


@dataclass
class Entry:
    """One question and its answer, as the importer places it on a topic page."""

    id: str
    topic: str
    title: str
    lines: list[Line]
    curated: bool
    tags: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    merged: list[Line] = field(default_factory=list)  # repeats of this answer folded into it

    @property
    def line_numbers(self) -> list[int]:
        """Every dump line this entry holds, its own and merged repeats, in order."""
        return sorted(line.no for line in [*self.lines, *self.merged])


class InputError(Exception):
    """Bad input: reported as one line on stderr with exit status 2."""
