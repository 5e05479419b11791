"""Benchmark: import generated distinct dumps and print the time of each against its budget.

    python scripts/bench/bench_import.py [--only NAME] [--timeout S]

Each case runs the whole command line (reading, segmenting, curation, rendering, writing pages and
the report) into a temporary folder on text from scripts/bench/dumpgen.py, where no line repeats
another, so caches cannot flatter the figures. It prints wall-clock and CPU seconds: on a busy
machine the wall time also counts other programs ("OVER (wall)" means only the wall time is over).
Budgets (issue 10), on the wall time, printed, not asserted:

    1 MB / 20,000 lines            under 5 s
    5 MB / 100,000 lines           under 25 s
    1 MB single line               under 2 s
    1 MB single line, space runs   under 2 s
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from llm_interview import paths
from llm_interview.bench.dumpgen import lines_text, single_line

ROOT = paths.ROOT

MB = 1_000_000
CASES: dict[str, tuple[Callable[[], str], float]] = {
    "20k-lines": (lambda: lines_text(20_000, MB), 5.0),
    "100k-lines": (lambda: lines_text(100_000, 5 * MB), 25.0),
    "single-line": (lambda: single_line(MB), 2.0),
    "single-line-spaces": (lambda: single_line(MB, space_run=100_000), 2.0),
}


def time_import(dump: Path, out: Path, timeout: float) -> tuple[float, float] | None:
    """Wall and CPU seconds the importer takes on `dump`, or None past `timeout` seconds."""
    cmd = [sys.executable, str(ROOT / "scripts" / "split_seed.py"), "--seed", str(dump)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    try:
        result = subprocess.run(
            [*cmd, "--out", str(out), "--report", str(out / "r.json")],
            capture_output=True,
            text=True,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired:
        return None
    if result.returncode not in (0, 2):
        raise SystemExit(f"bench_import: importer failed on {dump.name}:\n{result.stderr}")
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=sorted(CASES), action="append")
    parser.add_argument("--timeout", type=float, default=300.0, help="give up on a case after S s")
    args = parser.parse_args()
    print(f"{'case':<20} {'MB':>5} {'lines':>7} {'wall s':>8} {'CPU s':>8} {'budget':>7}")
    with tempfile.TemporaryDirectory() as tmp:
        for name in args.only or CASES:
            make, budget = CASES[name]
            text = make()
            dump = Path(tmp) / f"{name}.txt"
            dump.write_text(text + "\n", encoding="utf-8")
            took = time_import(dump, Path(tmp) / f"docs-{name}", args.timeout)
            if took is None:
                shown, verdict = f"{'>' + str(int(args.timeout)):>8} {'-':>8}", "OVER"
            else:
                shown = f"{took[0]:8.2f} {took[1]:8.2f}"
                verdict = (
                    "ok" if took[0] < budget else "OVER (wall)" if took[1] < budget else "OVER"
                )
            size = len(text.encode("utf-8")) / MB
            lines = text.count("\n") + 1
            print(f"{name:<20} {size:5.2f} {lines:7d} {shown} {budget:6.0f}s {verdict}", flush=True)


if __name__ == "__main__":
    main()
