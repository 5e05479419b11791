"""Benchmark: import generated distinct dumps and print the time of each against its budget.

    python scripts/bench/bench_import.py [--only NAME] [--timeout S]

Each case runs the whole command line (reading, segmenting, curation, rendering, writing pages and
the report) into a temporary folder on text from scripts/bench/dumpgen.py, where no line repeats
another, so caches cannot flatter the figures. Budgets (issue 10), printed, not asserted:

    1 MB / 20,000 lines            under 5 s
    5 MB / 100,000 lines           under 25 s
    1 MB single line               under 2 s
    1 MB single line, space runs   under 2 s
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

from bench.dumpgen import lines_text, single_line  # noqa: E402

MB = 1_000_000
CASES: dict[str, tuple[Callable[[], str], float]] = {
    "20k-lines": (lambda: lines_text(20_000, MB), 5.0),
    "100k-lines": (lambda: lines_text(100_000, 5 * MB), 25.0),
    "single-line": (lambda: single_line(MB), 2.0),
    "single-line-spaces": (lambda: single_line(MB, space_run=100_000), 2.0),
}


def time_import(dump: Path, out: Path, timeout: float) -> float | None:
    """Seconds the importer takes on `dump`, or None when it runs past `timeout`."""
    cmd = [sys.executable, str(ROOT / "scripts" / "split_seed.py"), "--seed", str(dump)]
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
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=sorted(CASES), action="append")
    parser.add_argument("--timeout", type=float, default=300.0, help="give up on a case after S s")
    args = parser.parse_args()
    print(f"{'case':<20} {'MB':>5} {'lines':>7} {'seconds':>9} {'budget':>7}")
    with tempfile.TemporaryDirectory() as tmp:
        for name in args.only or CASES:
            make, budget = CASES[name]
            text = make()
            dump = Path(tmp) / f"{name}.txt"
            dump.write_text(text + "\n", encoding="utf-8")
            took = time_import(dump, Path(tmp) / f"docs-{name}", args.timeout)
            shown = f"{took:9.2f}" if took is not None else f">{args.timeout:8.0f}"
            verdict = "ok" if took is not None and took < budget else "OVER"
            size = len(text.encode("utf-8")) / MB
            print(
                f"{name:<20} {size:5.2f} {text.count(chr(10)) + 1:7d} {shown} "
                f"{budget:6.0f}s {verdict}",
                flush=True,
            )


if __name__ == "__main__":
    main()
