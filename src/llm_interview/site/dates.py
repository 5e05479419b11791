"""When each page last changed, from one `git log` over the docs (a git call per page took half a
second of every build), shown by Material under the page as its 最后更新 date.

Without history (a source tarball) or for a page git does not know yet, the build's own time
stands in, as it does for generated pages; a shallow clone dates every page by its one commit.
"""

from __future__ import annotations

import subprocess
from datetime import datetime, timedelta, timezone
from pathlib import Path

SHANGHAI = timezone(timedelta(hours=8), "CST")  # the readers' time zone; no DST to track
MARK = "\x00"  # begins each commit's line in the log (git writes it for %x00)


def last_changed(root: Path, docs: Path) -> dict[str, datetime]:
    """Each file under `docs` that git knows (its path from `docs`) → its last commit's time."""
    folder = docs.resolve().relative_to(root.resolve()).as_posix()
    done = subprocess.run(
        ["git", "log", "--format=%x00%ct", "--name-only", "--no-renames", "--", folder],
        cwd=root,
        capture_output=True,
        text=True,
    )
    if done.returncode:
        return {}  # not a repository
    found: dict[str, datetime] = {}
    when = None
    for line in done.stdout.splitlines():
        if line.startswith(MARK):
            when = datetime.fromtimestamp(int(line[1:]), SHANGHAI)
        elif line.startswith(f"{folder}/") and when:
            found.setdefault(line.removeprefix(f"{folder}/"), when)  # the newest commit first
    return found


def revision_date(when: datetime) -> str:
    """The date as the page shows it: `2026年12月8日`, the moment in a <time> element."""
    when = when.astimezone(SHANGHAI)
    return (
        f'<time class="page-updated" datetime="{when.isoformat(timespec="seconds")}">'
        f"{when.year}年{when.month}月{when.day}日</time>"
    )
