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


def _copy(tmp_path, change):
    """A copy of the sampling drill with one file changed by `change(folder)`."""
    import shutil

    folder = tmp_path / "drills" / "sampling"
    shutil.copytree(DRILLS / "sampling", folder)
    change(folder)
    return folder


def _edit(name, old, new):
    def change(folder):
        path = folder / name
        path.write_text(path.read_text("utf-8").replace(old, new, 1), "utf-8")

    return change


@pytest.mark.parametrize(
    ("change", "where", "says"),
    [
        (_edit("task.md", "## 提示", "## 小贴士"), "task.md:", "小节「小贴士」不认识"),
        (_edit("task.md", "level: 基础", "level: 入门"), "task.md:2", "level 只能是"),
        (_edit("task.md", "title:", "title: [未闭合"), "task.md:", "front matter 不是合法的 YAML"),
        (_edit("cases.py", "def ", "def def "), "cases.py:", "Python 语法错误"),
        (lambda f: [p.unlink() for p in f.glob("wrong_*.py")], "sampling:1", "至少要有两个"),
    ],
    ids=["unknown-section", "bad-level", "bad-yaml", "syntax", "no-mistakes"],
)
def test_a_broken_drill_gives_one_line_naming_its_file(tmp_path, change, where, says):
    folder = _copy(tmp_path, change)
    with pytest.raises(source.DrillError) as raised:
        source.load(folder)
    message = str(raised.value)
    assert "\n" not in message and where in message and says in message, message


def test_make_check_names_a_drill_whose_cases_cannot_catch_a_mistake(tmp_path):
    from llm_interview.checks.drills import drill_problems

    folder = _copy(tmp_path, lambda f: None)
    wrong = next(folder.glob("wrong_*.py"))
    reference = (folder / "solution.py").read_text("utf-8")
    wrong.write_text('"""错误：其实是对的。"""\n' + reference, "utf-8")
    problems = drill_problems(tmp_path, {"decoding-strategies", "repetition"})
    assert [str(p) for p in problems] == [
        f"drills/sampling/cases.py:1: sampling: {wrong.stem}.py 通过了全部用例：用例抓不住这个错误"
    ]
