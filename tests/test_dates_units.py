"""Each page's 最后更新 date: one git log over the docs, the newest commit of each file."""

from __future__ import annotations

import os
import subprocess
from datetime import datetime

from llm_interview.site.dates import SHANGHAI, last_changed, revision_date


def commit(repo, when: int, **files: str) -> None:
    for name, text in files.items():
        path = repo / "docs" / name.replace("__", "/")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    env = os.environ | {"GIT_AUTHOR_DATE": f"@{when} +0000", "GIT_COMMITTER_DATE": f"@{when} +0000"}
    ident = ["-c", "user.name=t", "-c", "user.email=t@example.com"]
    subprocess.run(["git", "add", "-A"], cwd=repo, check=True)
    subprocess.run(["git", *ident, "commit", "-qm", "x"], cwd=repo, check=True, env=env)


def test_each_file_gets_its_newest_commit(tmp_path):
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    commit(tmp_path, 1_700_000_000, **{"a.md": "1", "rl__b.md": "1"})
    commit(tmp_path, 1_800_000_000, **{"rl__b.md": "2"})
    (tmp_path / "outside.md").write_text("not docs", "utf-8")
    commit(tmp_path, 1_900_000_000)
    found = last_changed(tmp_path, tmp_path / "docs")
    assert {k: int(v.timestamp()) for k, v in found.items()} == {
        "a.md": 1_700_000_000,
        "rl/b.md": 1_800_000_000,
    }


def test_without_history_no_page_has_a_date(tmp_path):
    (tmp_path / "docs").mkdir()
    assert last_changed(tmp_path, tmp_path / "docs") == {}


def test_the_date_is_read_in_shanghai_and_kept_exact_in_the_markup():
    late_utc = datetime.fromisoformat("2026-12-07T20:30:00+00:00")  # already the 8th in Shanghai
    assert revision_date(late_utc) == (
        '<time class="page-updated" datetime="2026-12-08T04:30:00+08:00">2026年12月8日</time>'
    )
    assert revision_date(late_utc.astimezone(SHANGHAI)) == revision_date(late_utc)
