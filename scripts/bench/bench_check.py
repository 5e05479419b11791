"""Benchmark `make check` (llm_interview.checks.run) as a contributor meets it. Budgets: a
content-only change at most 10 s; an unchanged tree that passed before in a few seconds.

    python scripts/bench/bench_check.py

Runs in a temporary copy of the working tree with its git history (caches included, node_modules
linked, `.cache/check` removed first), so the first run executes every notebook, as on a fresh
clone after `make build`.
`mkdocs serve` edit-to-visible times are measured by bench_notebooks.py.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SKIP = shutil.ignore_patterns(
    ".venv", "site", "build", "__pycache__", ".pytest_cache", "node_modules"
)


def timed_check(tree: Path) -> float:
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "src/llm_interview/checks/run.py"],
        cwd=tree,
        capture_output=True,
        text=True,
    )
    elapsed = time.perf_counter() - start
    if done.returncode:
        sys.exit(f"check failed in the copy:\n{done.stdout}{done.stderr}")
    return elapsed


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        tree = Path(tmp) / "repo"
        shutil.copytree(ROOT, tree, ignore=SKIP, symlinks=True)
        (tree / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)
        shutil.rmtree(tree / ".cache" / "check", ignore_errors=True)
        first = timed_check(tree)
        unchanged = timed_check(tree)
        page = tree / "docs" / "rl" / "rlhf.md"  # a question page
        page.write_text(page.read_text(encoding="utf-8").replace("奖励", "奖赏", 1), "utf-8")
        content = timed_check(tree)
    print(f"make check, every notebook run (first time): {first:5.1f} s")
    print(f"make check, unchanged tree:                  {unchanged:5.1f} s   (budget: a few s)")
    print(f"make check, content-only change:             {content:5.1f} s   (budget: ≤ 10 s)")


if __name__ == "__main__":
    main()
