"""One drill as its folder holds it: `drills/<id>/` with task.md, skeleton.py, solution.py,
wrong_*.py (each a mistake candidates make) and cases.py. Mistakes give a Chinese `file:line`."""

from __future__ import annotations

import ast
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..pages import frontmatter

SECTIONS = ("题目", "面试官想听到", "常见错误", "提示", "讲解")
RUNTIMES = ("python", "numpy")
LEVELS = ("基础", "进阶", "前沿")
ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class DrillError(ValueError):
    """A drill that cannot be used, with the file, the line and what to change."""

    def __init__(self, path: Path | str, line: int, message: str):
        super().__init__(f"{path}:{line}: {message}")
        self.path, self.line, self.message = str(path), line, message


@dataclass(frozen=True)
class Mistake:
    """A deliberately wrong solution and what is wrong with it (its docstring)."""

    name: str
    what: str
    source: str


@dataclass(frozen=True)
class Drill:
    id: str
    title: str
    order: int
    level: str
    runtime: str
    keywords: tuple[str, ...]
    related: tuple[str, ...]
    sections: dict[str, str]
    hints: tuple[str, ...]
    skeleton: str
    solution: str
    mistakes: tuple[Mistake, ...]
    cases: str
    folder: Path

    @property
    def functions(self) -> tuple[str, ...]:
        """The signatures the reader writes: `def` lines of the skeleton's top-level functions."""
        tree = ast.parse(self.skeleton)
        lines = self.skeleton.split("\n")
        return tuple(
            lines[node.lineno - 1].strip().removesuffix(":")
            for node in tree.body
            if isinstance(node, ast.FunctionDef | ast.ClassDef)
        )


def _python(path: Path) -> str:
    if not path.exists():
        raise DrillError(path, 1, f"缺少 {path.name}：每道手撕题都要有它（见 drills/README.md）")
    text = path.read_text(encoding="utf-8")
    try:
        ast.parse(text)
    except SyntaxError as err:
        raise DrillError(path, err.lineno or 1, f"Python 语法错误：{err.msg}") from None
    return text


def _sections(path: Path, body: str, first_line: int) -> dict[str, str]:
    found: dict[str, list[str]] = {}
    current = None
    for n, line in enumerate(body.split("\n"), first_line):
        if line.startswith("## "):
            current = line[3:].strip()
            if current not in SECTIONS:
                raise DrillError(path, n, f"小节「{current}」不认识：只能是 {'、'.join(SECTIONS)}")
            found[current] = []
        elif current:
            found[current].append(line)
    missing = [s for s in SECTIONS if s not in found]
    if missing:
        raise DrillError(path, first_line, f"缺少小节：{'、'.join('## ' + s for s in missing)}")
    return {name: "\n".join(lines).strip() for name, lines in found.items()}


def _hints(path: Path, text: str) -> tuple[str, ...]:
    hints, current = [], None
    for line in text.split("\n"):
        item = re.match(r"^\d+\.\s+(.*)", line)
        if item:
            current = [item[1]]
            hints.append(current)
        elif current is not None and line.strip():
            current.append(line.strip())
    if len(hints) < 2:
        raise DrillError(path, 1, "## 提示 至少写两条，用编号列表「1. …」由浅入深")
    return tuple(" ".join(h) for h in hints)


def _meta(path: Path, meta: dict) -> dict:
    for key in ("title", "order", "level", "runtime", "keywords", "related"):
        if key not in meta:
            raise DrillError(path, 2, f"front matter 缺少 {key}（见 drills/README.md）")
    if meta["level"] not in LEVELS:
        raise DrillError(path, 2, f"level 只能是 {'、'.join(LEVELS)}")
    if meta["runtime"] not in RUNTIMES:
        raise DrillError(path, 2, "runtime 只能是 python（纯 Python）或 numpy")
    for key in ("keywords", "related"):
        if not isinstance(meta[key], list) or not all(isinstance(v, str) for v in meta[key]):
            raise DrillError(path, 2, f"{key} 要写成一串词：「{key}: [a, b]」")
    return meta


def _mistake(path: Path) -> Mistake:
    source = _python(path)
    what = ast.get_docstring(ast.parse(source))
    if not what:
        raise DrillError(path, 1, '第一行写文档字符串，说明这是哪种错误："""忘了减去最大值…"""')
    return Mistake(path.stem.removeprefix("wrong_"), what.strip(), source)


def load(folder: Path) -> Drill:
    """Read and check one drill folder."""
    task = folder / "task.md"
    if not ID.match(folder.name):
        raise DrillError(
            folder, 1, "文件夹名就是题目的 id：小写字母、数字和连字符，如 top-p-sampling"
        )
    if not task.exists():
        raise DrillError(task, 1, "缺少 task.md：题目、提示与讲解写在这里")
    try:
        parts = frontmatter.split(task.read_text(encoding="utf-8"))
    except frontmatter.FrontMatterError as err:
        raise DrillError(task, err.line, str(err)) from None
    meta = _meta(task, parts.meta)
    sections = _sections(task, parts.body, parts.body_line)
    mistakes = tuple(_mistake(p) for p in sorted(folder.glob("wrong_*.py")))
    if len(mistakes) < 2:
        raise DrillError(folder, 1, "至少要有两个 wrong_*.py：候选人真会犯的错，用例必须能抓住")
    return Drill(
        id=folder.name,
        title=str(meta["title"]),
        order=int(meta["order"]),
        level=meta["level"],
        runtime=meta["runtime"],
        keywords=tuple(meta["keywords"]),
        related=tuple(meta["related"]),
        sections=sections,
        hints=_hints(task, sections["提示"]),
        skeleton=_python(folder / "skeleton.py"),
        solution=_python(folder / "solution.py"),
        mistakes=mistakes,
        cases=_python(folder / "cases.py"),
        folder=folder,
    )


def load_all(root: Path, read: Callable[[Path], Drill] = load) -> list[Drill]:
    """Every drill under `root`, in their reading order, each folder read by `read` (load, or
    the drills plugin's site.memo.Memo of it)."""
    drills = [read(p) for p in sorted(root.iterdir()) if p.is_dir() and not p.name.startswith("_")]
    return sorted(drills, key=lambda d: (d.order, d.id))
