"""Plan and write a topic's pages: the overview once, then new questions on its inbox pages.

Where things go (src/llm_interview/pages/layout.py): a topic's overview `docs/<topic>/index.md` is
written only when it does not exist; an entry whose id is on no page yet is appended to the
topic's last inbox page (`new.md`, `new-2.md`, …), a new inbox page starting when one holds
PAGE_LIMIT questions. Pages editors made (subtopic pages) are never written.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from llm_interview.importer.records import Entry, InputError
from llm_interview.importer.references import References
from llm_interview.importer.render import render_entry, render_inbox, render_overview
from llm_interview.pages.layout import PAGE_LIMIT, inbox_path, overview_path
from llm_interview.pages.pagetext import entry_text, find_entries
from llm_interview.pages.topics import TOPICS


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
    """Decide the new text of every page the run writes, without touching the disk.

    `force` rewrites the importer's own pages (overviews and inbox pages) from scratch with
    every entry that is not on an editor's page, and names the hand edits it discards there.
    """
    if out.exists() and not out.is_dir():
        raise InputError(f"{out}: not a directory")
    plans = []
    for topic in TOPICS:
        mine = [e for e in entries if e.topic == topic.slug]
        inboxes = _inbox_pages(out, topic.slug)
        placed = _ids_on_pages(out, exclude=set(inboxes) if force else set())
        missing = [e for e in mine if e.id not in placed]
        overview = out / overview_path(topic.slug)
        old = _read(overview)
        if old is None or force:
            new = render_overview(topic)
            plans.append(PagePlan(overview, old, new, [], _discarded(old, new)))
        plans += _inbox_plans(out, topic, missing, refs, inboxes, force)
    return plans


def _inbox_plans(out, topic, missing, refs, existing, force) -> list[PagePlan]:
    """Append `missing` to the topic's inbox pages, filling each up to PAGE_LIMIT in turn."""
    plans, n, queue = [], 1, list(missing)
    while queue or out / inbox_path(topic.slug, n) in existing:
        path = out / inbox_path(topic.slug, n)
        old = _read(path)
        text = render_inbox(topic, n) if old is None or force else old
        room = max(PAGE_LIMIT - len(find_entries(text)), 0)
        added, queue = queue[:room], queue[room:]
        tail = "".join("\n" + render_entry(e, refs) for e in added)
        new = text + ("" if not tail or text.endswith("\n") else "\n") + tail
        if old is not None or added:
            discarded = _discarded(old, new) if force else []
            plans.append(PagePlan(path, old, new, [e.id for e in added], discarded))
        n += 1
    return plans


def _inbox_pages(out: Path, slug: str) -> list[Path]:
    """The topic's inbox pages that exist, in order."""
    found, n = [], 1
    while (out / inbox_path(slug, n)).exists():
        found.append(out / inbox_path(slug, n))
        n += 1
    return found


def _read(path: Path) -> str | None:
    if not path.exists():
        return None
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(f"{path}: existing page is unreadable ({err})") from None


def _ids_on_pages(out: Path, exclude: set[Path]) -> set[str]:
    """Ids present anywhere under the docs folder (but the pages in `exclude`), so a moved entry
    is not added twice."""
    if not out.is_dir():
        return set()
    pages = (page for page in out.rglob("*.md") if page not in exclude)
    return {i for page in pages for i in entry_ids(_read(page) or "")}


def located(out: Path, plans: list[PagePlan]) -> dict[str, str]:
    """Each entry id with the page (relative to `out`) it is on once the plans are written."""
    texts = {page: _read(page) or "" for page in out.rglob("*.md")} if out.is_dir() else {}
    texts.update({p.path: p.new for p in plans})
    return {
        i: page.relative_to(out).as_posix() for page, text in texts.items() for i in entry_ids(text)
    }


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
