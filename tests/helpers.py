"""Small helpers shared by the importer tests."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seed" / "000_eb7481b0f66e602c.txt"
SPLIT = ROOT / "scripts" / "split_seed.py"
UNSEEN = ROOT / "tests" / "data" / "unseen"


def run_split(*args: str | Path) -> subprocess.CompletedProcess:
    """Run the importer's command line as a contributor would."""
    return subprocess.run(
        [sys.executable, str(SPLIT), *map(str, args)], capture_output=True, text=True
    )


def import_into(out: Path, seed: Path = SEED, *extra: str | Path) -> dict:
    """Import `seed` into `out` and return the JSON report; fails the test on a non-zero exit."""
    report = out.parent / f"{out.name}-report.json"
    result = run_split("--seed", seed, "--out", out, "--report", report, *extra)
    assert result.returncode == 0, result.stderr
    return json.loads(report.read_text(encoding="utf-8"))


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` with its bytes."""
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }
