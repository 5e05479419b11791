"""The content check's findings kept between checks: reused only while nothing they depend on
changed."""

from __future__ import annotations

from llm_interview.checks.findings import Findings
from llm_interview.checks.problem import Problem

FOUND = [Problem("docs/a.md", 3, "坏了")]


def check(root, text: str, calls: list[str]) -> list[Problem]:
    findings = Findings(root)
    found = findings.known("page", ["docs/a.md", text], lambda: calls.append(text) or FOUND)
    findings.save()
    return found


def test_an_unchanged_page_is_answered_from_the_last_check(tmp_path):
    calls: list[str] = []
    assert check(tmp_path, "正文", calls) == FOUND
    assert check(tmp_path, "正文", calls) == FOUND
    assert calls == ["正文"]


def test_an_edited_page_or_edited_data_is_checked_again(tmp_path):
    calls: list[str] = []
    check(tmp_path, "正文", calls)
    check(tmp_path, "改过的正文", calls)
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "names.yaml").write_text("names: []\n", "utf-8")
    check(tmp_path, "改过的正文", calls)
    assert calls == ["正文", "改过的正文", "改过的正文"]


def test_only_what_the_last_check_asked_for_is_kept(tmp_path):
    calls: list[str] = []
    for text in ("一", "二", "一"):
        check(tmp_path, text, calls)
    assert calls == ["一", "二", "一"]  # 二 replaced 一, and 一 is gone when it comes back


def test_a_damaged_file_is_a_fresh_start(tmp_path):
    calls: list[str] = []
    check(tmp_path, "正文", calls)
    (tmp_path / ".cache" / "check" / "findings.json").write_text("{not json", "utf-8")
    assert check(tmp_path, "正文", calls) == FOUND and len(calls) == 2
