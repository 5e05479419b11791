"""`make check`: the contributor's check, one message per mistake with its file and line.

    python scripts/check.py [--no-build]

1. the content rules over every page (editorial/content_check.py), in about two seconds;
2. every notebook whose code has no cached outputs yet, executed headless (nbtools.execute);
3. a strict MkDocs build into .cache/check/site, which then finds every notebook executed.

It stops at the first step that fails. An unchanged tree that passed before passes at once.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import subprocess
import sys
import time
from pathlib import Path

from editorial.content_check import collect
from nbtools.execute import NotebookError, executed

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / ".cache" / "check"
INPUTS = ("docs", "scripts", "overrides", "seed", "mkdocs.yml", "package-lock.json")
NOISE = ("IPKernelApp", "jieba", "Prefix dict", "Loading model", "Building prefix", "│", "─")
GUIDE = "规则和例子见 CONTRIBUTING.md。"


def tree_hash(root: Path) -> str:
    """One digest over every input of the build, so an unchanged tree is recognised."""
    digest = hashlib.sha256()
    for name in INPUTS:
        top = root / name
        files = sorted(top.rglob("*")) if top.is_dir() else [top]
        for path in files:
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(path.relative_to(root).as_posix().encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


def check_notebooks(root: Path) -> list[str]:
    """Run each notebook whose code is new; outputs land in the cache the build reads."""
    messages = []
    for path in sorted((root / "docs" / "notebooks").glob("*.py")):
        try:
            executed(path, root / ".cache" / "notebooks")
        except NotebookError as err:
            messages.append(str(err))
    return messages


def build(root: Path) -> list[str]:
    """A strict build; its warnings when it fails."""
    env = os.environ | {"NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(CACHE / "site")]
    done = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True)
    if done.returncode == 0:
        return []
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    return [
        "构建失败（mkdocs build --strict）：",
        *[ln for ln in lines if not any(n in ln for n in NOISE)],
    ]


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
    problems = [str(p) for p in collect(ROOT)]
    steps = (lambda: problems, lambda: check_notebooks(ROOT))
    if not args.no_build:
        steps += (lambda: build(ROOT),)
    for step in steps:
        messages = step()
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
