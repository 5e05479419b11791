"""What a plugin derives from a file, kept on the plugin across the builds of one `mkdocs serve`:
a rebuild after an edit derives it again only from the files that changed (issue 22). The plugin
must be kept itself (KeptAcrossBuilds).

A value is kept with the source it came from (a page's text, a file's stamps) and handed out
again while the source is the same, so a `mkdocs build`, whose plugins run once, derives
everything as before. Values are shared between builds: callers never change one.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from pathlib import Path
from typing import Generic, TypeVar

T = TypeVar("T")


class KeptAcrossBuilds:
    """Mixed into a plugin: MkDocs keeps a plugin that has `on_startup` for every build of one
    `mkdocs serve` (it makes the others anew for each build), so what the plugin keeps (its
    Memos, what it gathered from pages) outlives a rebuild. `command` and `dirty` say how it
    runs: a dirty rebuild renders only the pages that changed."""

    command = "build"
    dirty = False

    def on_startup(self, command, dirty):
        self.command, self.dirty = command, dirty


class Memo(Generic[T]):
    """`derive(key, source)` for each key, derived again only when the key's source changes."""

    def __init__(self, derive: Callable[[str, Hashable], T]):
        self.derive = derive
        self._kept: dict[str, tuple[Hashable, T]] = {}

    def __call__(self, key: str, source: Hashable) -> T:
        kept = self._kept.get(key)
        if kept is None or kept[0] != source:
            kept = self._kept[key] = (source, self.derive(key, source))
        return kept[1]

    def text(self, path: Path) -> T:
        """`derive(str(path), text)` of a text file."""
        return self(str(path), path.read_text(encoding="utf-8"))

    def folder(self, folder: Path) -> T:
        """`derive(str(folder), stamps)` of a folder, derived again when a file under it changes."""
        return self(str(folder), stamps(sorted(folder.rglob("*"))))


def stamps(paths: Iterable[Path]) -> tuple[tuple[str, int, int], ...]:
    """Each file among `paths` (others are left out) with its modification time and size."""
    found = []
    for path in paths:
        if path.is_file():
            stat = path.stat()
            found.append((str(path), stat.st_mtime_ns, stat.st_size))
    return tuple(found)
