"""`llm-interview <command>`: the project's commands (the Makefile calls them).

llm-interview import [--seed PATH] [--report FILE] …   split a dump into topic pages
llm-interview check [--no-build]                        the contributor's check
llm-interview lint [PATH …]                             Chinese copy lint
llm-interview pdf | offline                             the PDF edition, the offline copy
llm-interview bench NAME [ARGS …]                       scripts/bench/bench_NAME.py
llm-interview eval DUMP LABELS | sync-notebooks | preview-summary FILE …
"""

from __future__ import annotations

import importlib
import runpy
import sys

from llm_interview import paths

COMMANDS = {
    "import": "llm_interview.importer.command",
    "check": "llm_interview.checks.run",
    "lint": "llm_interview.checks.lint_copy",
    "pdf": "llm_interview.editions.pdf.command",
    "offline": "llm_interview.editions.offline.command",
    "eval": "llm_interview.importer.eval_command",
    "sync-notebooks": "llm_interview.notebooks.sync",
    "preview-summary": "llm_interview.ci.preview_summary",
}
BENCH = paths.ROOT / "scripts" / "bench"


def bench(argv: list[str]) -> int:
    """Run scripts/bench/bench_NAME.py (or NAME.py) with the remaining arguments."""
    names = sorted(p.stem.removeprefix("bench_") for p in BENCH.glob("bench_*.py"))
    if not argv or not (script := _bench_script(argv[0])):
        print(f"用法：llm-interview bench NAME，NAME 是 {'、'.join(names)} 或 lighthouse")
        return 2
    sys.argv = [str(script), *argv[1:]]
    runpy.run_path(str(script), run_name="__main__")
    return 0


def _bench_script(name: str):
    for candidate in (BENCH / f"bench_{name}.py", BENCH / f"{name}.py"):
        if candidate.is_file():
            return candidate
    return None


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "bench":
        return bench(argv[1:])
    if not argv or argv[0] not in COMMANDS:
        print(__doc__.strip())
        return 0 if argv[:1] in ([], ["-h"], ["--help"]) else 2
    module = importlib.import_module(COMMANDS[argv[0]])
    return module.main(argv[1:]) or 0


if __name__ == "__main__":
    sys.exit(main())
