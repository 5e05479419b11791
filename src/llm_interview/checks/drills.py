"""The drills' rules for `make check`: each folder is well formed, its related question ids
exist, and its cases tell right from wrong (the reference passes; the skeleton and each wrong
solution fail a case)."""

from __future__ import annotations

from pathlib import Path

from llm_interview.drills import source, verify

from .problem import Problem


def drill_problems(root: Path, question_ids: set[str]) -> list[Problem]:
    """Every problem of every drill under `root / "drills"`."""
    found = []
    for folder in sorted(p for p in (root / "drills").glob("*") if p.is_dir()):
        rel = f"drills/{folder.name}"
        try:
            drill = source.load(folder)
        except source.DrillError as err:
            path = Path(err.path)
            where = path.relative_to(root).as_posix() if path.is_absolute() else err.path
            found.append(Problem(where, err.line, err.message))
            continue
        for qid in drill.related:
            if qid not in question_ids:
                message = f"related 里的题目 id「{qid}」不存在：写题目标题末尾 {{#…}} 里的 id"
                found.append(Problem(f"{rel}/task.md", 2, message))
        found += [Problem(f"{rel}/cases.py", 1, m) for m in verify.problems(drill)]
    return found
