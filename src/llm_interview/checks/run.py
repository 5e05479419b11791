"""`make check`: the contributor's check, one message per mistake with its file and line.

    llm-interview check [--no-build]

1. every notebook whose code has no cached outputs yet, executed headless (notebooks.execute);
2. a strict MkDocs build into .cache/check/site, which then finds every notebook executed; while
   it runs, on the other core,
3. the content rules over every page (checks/content_check.py; what it found before is reused
   for unchanged pages), whose messages, when there are any, stop the build and come first.

It stops at the first step that fails. An unchanged tree that passed before passes at once.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from llm_interview import paths
from llm_interview.checks.content_check import collect
from llm_interview.checks.findings import files_digest
from llm_interview.notebooks.execute import NotebookError, executed

ROOT = paths.ROOT
CACHE = ROOT / ".cache" / "check"
INPUTS = ("docs", "data", "drills", "src", "overrides", "seed", "mkdocs.yml", "package-lock.json")
GUIDE = "规则和例子见 CONTRIBUTING.md。"


def tree_hash(root: Path) -> str:
    """One digest over every input of the build, so an unchanged tree is recognised."""
    return files_digest(root, *INPUTS)


def check_notebooks(root: Path) -> list[str]:
    """Run each notebook whose code is new, one kernel per core; outputs land in the cache the
    build reads."""

    def problem(path: Path) -> str | None:
        try:
            executed(path, root / ".cache" / "notebooks")
        except NotebookError as err:
            return str(err)
        return None

    paths = sorted((root / "docs" / "notebooks").glob("*.py"))
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        return [message for message in pool.map(problem, paths) if message]


# MkDocs' link warnings, told again in Chinese with the line of the link (2 = link, 3 = target).
BROKEN_LINK = re.compile(
    r"WARNING -\s+Doc file '([^']+)' contains a link '([^']+)', but (?:the target '([^']+)' is "
    r"not found among documentation files|there is no such anchor on this page|the doc '[^']+' "
    r"does not contain an anchor '([^']+)')"
)


def explain(root: Path, warning: str) -> str:
    """A broken-link warning as `docs/file:line: …`; any other line as MkDocs wrote it."""
    m = BROKEN_LINK.search(warning)
    if not m:
        return warning
    page, link = m[1], m[2]
    path = root / "docs" / page
    text = path.read_text(encoding="utf-8") if path.is_file() else ""
    line = text[: max(text.find(f"]({link}"), 0)].count("\n") + 1
    what = f"指向的文件 {m[3]} 不存在" if m[3] else "指向的锚点不存在"
    return (
        f"docs/{page}:{line}: 链接「{link}」{what}：检查相对路径和锚点；"
        "题目的锚点就是标题末尾 {#…} 里的 id，小标题的锚点看页面上标题旁 ¶ 的链接"
    )


def start_build(root: Path) -> subprocess.Popen:
    """A strict build, started (`-q` would hide the warnings --strict fails on)."""
    env = os.environ | {"NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(CACHE / "site")]
    return subprocess.Popen(
        command, cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )


def build_problems(root: Path, build: subprocess.Popen) -> list[str]:
    """The build's warnings when it fails, once it has finished."""
    output, _ = build.communicate()
    if build.returncode == 0:
        return []
    lines = output.splitlines()
    found = [explain(root, ln) for ln in lines if ln.startswith(("WARNING", "ERROR"))]
    return ["构建失败（mkdocs build --strict）：", *(found or lines[-5:])]


def problems(root: Path, with_build: bool) -> list[str]:
    """The first failing step's messages ([] when every step passes)."""
    found = check_notebooks(root)
    if found:
        return found
    build = start_build(root) if with_build else None
    found = [str(p) for p in collect(root)]
    if build is None:
        return found
    if found:
        build.kill()
        build.communicate()
        return found
    return build_problems(root, build)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="贡献者检查：内容规则、改过的笔记、严格构建。")
    parser.add_argument("--no-build", action="store_true", help="只查内容规则和笔记，不构建")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    stamp = CACHE / "passed"
    digest = tree_hash(ROOT)
    if stamp.exists() and stamp.read_text() == digest:
        print("内容自上次检查通过后没有改动。")
        return 0
    messages = problems(ROOT, with_build=not args.no_build)
    if messages:
        print("\n".join(messages))
        print(f"检查没有通过。{GUIDE}", file=sys.stderr)
        return 1
    if not args.no_build:
        stamp.parent.mkdir(parents=True, exist_ok=True)
        stamp.write_text(digest)
    print(f"检查通过（{time.perf_counter() - start:.1f} 秒）。")
    return 0


if __name__ == "__main__":
    sys.exit(main())
