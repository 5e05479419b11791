"""Plan and write topic pages: new pages in full, existing pages only gain missing entries."""

from __future__ import annotations

import contextlib
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .pagetext import entry_text, find_entries
from .records import Entry, InputError
from .references import References
from .render import render_entry, render_page
from .topics import TOPICS


def page_path(slug: str) -> str:
    """Where a topic's page lives, relative to the docs folder."""
    return f"{slug}/index.md"


def entry_ids(text: str) -> list[str]:
    """The ids of the entries on a page, in page order."""
    return [e.id for e in find_entries(text)]


def entry_blocks(text: str) -> dict[str, str]:
    """Each entry's Markdown on a page, from its heading to the next `#`/`##` heading."""
    return {e.id: entry_text(text, e) for e in find_entries(text)}


@dataclass
class PagePlan:
    """What one run does to one topic page."""

    path: Path
    old: str | None
    new: str
    added: list[str] = field(default_factory=list)
    discarded: list[str] = field(default_factory=list)  # hand edits a --force run throws away

    @property
    def changed(self) -> bool:
        return self.old != self.new


def plan(out: Path, entries: list[Entry], refs: References, force: bool) -> list[PagePlan]:
    """Decide the new text of every topic page without touching the disk."""
    if out.exists() and not out.is_dir():
        raise InputError(f"{out}: not a directory")
    on_pages = set() if force else _ids_on_pages(out)
    plans = []
    for topic in TOPICS:
        mine = [e for e in entries if e.topic == topic.slug]
        path = out / page_path(topic.slug)
        old = _read(path)
        if old is None or force:
            new = render_page(topic, mine, refs)
            plans.append(PagePlan(path, old, new, [e.id for e in mine], _discarded(old, new)))
            continue
        missing = [e for e in mine if e.id not in on_pages]
        tail = "".join("\n" + render_entry(e, refs) for e in missing)
        new = old + ("" if not tail or old.endswith("\n") else "\n") + tail
        plans.append(PagePlan(path, old, new, [e.id for e in missing]))
    return plans


def _read(path: Path) -> str | None:
    if not path.exists():
        return None
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(f"{path}: existing page is unreadable ({err})") from None


def _ids_on_pages(out: Path) -> set[str]:
    """Ids present anywhere under the docs folder, so a moved entry is not added twice."""
    if not out.is_dir():
        return set()
    return {i for page in out.rglob("*.md") for i in entry_ids(_read(page) or "")}


def _discarded(old: str | None, new: str) -> list[str]:
    """Entries (and the page head) whose current text a regeneration would not reproduce."""
    if old is None or old == new:
        return []
    before, after = entry_blocks(old), entry_blocks(new)
    lost = [i for i, block in before.items() if after.get(i, "").rstrip() != block.rstrip()]
    if _head(old).rstrip() != _head(new).rstrip():
        lost.insert(0, "(page introduction)")
    return lost


def _head(text: str) -> str:
    entries = find_entries(text)
    return "\n".join(text.split("\n")[: entries[0].start]) if entries else text


def write_if_changed(path: Path, text: str) -> None:
    """Write a generated file only when its text differs, so watchers and caches stay quiet."""
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        write_atomically({path: text})


def write_atomically(files: dict[Path, str]) -> None:
    """Write every file to a temporary sibling, then move them all into place.

    If any write or move fails, the files already moved get their previous text back, so a
    failed run leaves the pages as they were.
    """
    staged: list[tuple[Path, str]] = []
    previous = {path: path.read_bytes() if path.exists() else None for path in files}
    moved: list[Path] = []
    try:
        for path, text in files.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
            staged.append((path, tmp))
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
            os.chmod(tmp, 0o644)
        for path, tmp in staged:
            os.replace(tmp, path)
            moved.append(path)
    except BaseException:
        for path in moved:
            _restore(path, previous[path])
        raise
    finally:
        for _, tmp in staged:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)


def _restore(path: Path, data: bytes | None) -> None:
    if data is None:
        path.unlink(missing_ok=True)
    else:
        path.write_bytes(data)
