"""Every coding drill's cases tell right from wrong: the reference passes, the skeleton and each
deliberately wrong solution fail at least one case (run in CPython)."""

from __future__ import annotations

from pathlib import Path

import pytest

from llm_interview.drills import source, verify

DRILLS = Path(__file__).resolve().parent.parent / "drills"
ALL = source.load_all(DRILLS)


@pytest.mark.parametrize("drill", ALL, ids=lambda d: d.id)
def test_cases_tell_right_from_wrong(drill):
    assert verify.problems(drill) == []


@pytest.mark.parametrize("drill", ALL, ids=lambda d: d.id)
def test_every_mistake_is_caught_by_a_case_not_by_a_crash_of_the_cases(drill):
    for verdict in verify.verdicts(drill):
        if verdict.solution.startswith("wrong_"):
            assert verdict.report["error"] is None, verdict.failures()
            assert any(not c["ok"] for c in verdict.report["cases"])
