"""Benchmark: import 100 copies of the seed in one dump and print the time (budget: under 2 s).

    python scripts/bench/bench_import.py [--copies 100] [--repeat 3]

Runs the whole command line (reading, segmenting, curation, rendering, writing pages and the
report) into a temporary folder, as a maintainer would run it on a large dump.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seed" / "000_eb7481b0f66e602c.txt"
BUDGET_S = 2.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        dump = Path(tmp) / "seed-x100.txt"
        text = SEED.read_text(encoding="utf-8").rstrip("\n")
        dump.write_text("\n".join([text] * args.copies) + "\n", encoding="utf-8")
        (Path(tmp) / "references.tsv").write_bytes((SEED.parent / "references.tsv").read_bytes())
        times = []
        for n in range(args.repeat):
            out = Path(tmp) / f"docs{n}"
            cmd = [sys.executable, str(ROOT / "scripts" / "split_seed.py"), "--seed", str(dump)]
            start = time.perf_counter()
            subprocess.run(
                [*cmd, "--out", str(out), "--report", str(out / "r.json")],
                check=True,
                capture_output=True,
            )
            times.append(time.perf_counter() - start)
    best, median = min(times), statistics.median(times)
    verdict = "within" if median < BUDGET_S else "OVER"
    print(
        f"import of {args.copies} seed copies: median {median:.2f} s, best {best:.2f} s "
        f"over {args.repeat} runs ({verdict} the {BUDGET_S:.0f} s budget)"
    )


if __name__ == "__main__":
    main()
