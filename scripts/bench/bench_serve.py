"""Edit to visible under `make serve` (issue 22): start `mkdocs serve` as the Makefile does, edit
a question page (and a notebook's Markdown cell), and time until the served page shows the edit.

    python scripts/bench/bench_serve.py [--rounds N] [--scale N]

Budget: 3 s, at today's bank and at 2× (`--scale 2`: every page with questions copied into
sibling pages, as bench_scale does; see bench.synthetic_bank). The edits are made on a temporary
copy of the repository (its notebooks kept), never on docs/ itself.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from llm_interview import paths
from llm_interview.bench.synthetic_bank import scaled_copy
from llm_interview.sitehttp import fetch, free_port

BUDGET_S = 3.0
FIRST_BUILD_S = 900  # the first build of a 2x copy on a loaded machine: every page renders
PAGES = {  # page to edit → where it is served
    "docs/rl/rlhf.md": "rl/rlhf/",
    "docs/notebooks/lora.py": "notebooks/lora/",
}


def wait_for(url: str, marker: str, limit: float) -> float | None:
    start = time.perf_counter()
    while time.perf_counter() - start < limit:
        if marker in fetch(url):
            return time.perf_counter() - start
        time.sleep(0.05)
    return None


def edit(path: Path, marker: str) -> None:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".py":  # a Markdown cell of the notebook
        path.write_text(text.replace("# %% [markdown]\n", f"# %% [markdown]\n# {marker}\n#\n", 1))
    else:  # the first paragraph of the page's first answer
        path.write_text(text.replace("**要点**", f"**要点** {marker}", 1), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--scale", type=int, default=1, help="copies of the question bank")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "repo"
        count = scaled_copy(paths.ROOT, root, args.scale, notebooks=True)
        print(f"{args.scale}× bank: {count} questions")
        port = free_port()
        base = f"http://127.0.0.1:{port}/llm-interview-zh/"
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1", GIT_DATES="false", PRINT_PAGE="false")
        cmd = [sys.executable, "-m", "mkdocs", "serve", "--dirty", "-a", f"127.0.0.1:{port}"]
        log = Path(tmp) / "serve.log"
        with log.open("w") as out:
            server = subprocess.Popen(cmd, cwd=root, env=env, stdout=out, stderr=out)
        try:
            first = wait_for(base, "大模型面试知识库", FIRST_BUILD_S)
            if first is None:
                tail = log.read_text(encoding="utf-8").splitlines()[-5:]
                sys.exit(
                    f"no page served after {FIRST_BUILD_S} s; mkdocs serve said:\n"
                    + "\n".join(tail)
                )
            print(f"first build served after {first:.1f} s")
            for src, url in PAGES.items():
                times = []
                for n in range(args.rounds):
                    marker = f"bench-serve-{n}-{time.time_ns()}"
                    time.sleep(1.0)  # a clear mtime step for the dirty check
                    edit(root / src, marker)
                    took = wait_for(base + url, marker, 60)
                    times.append(took if took is not None else float("inf"))
                print(
                    f"edit {src} → visible at {url}: median {statistics.median(times):.2f} s "
                    f"of {times} (budget {BUDGET_S} s)"
                )
        finally:
            server.terminate()
            server.wait(timeout=30)


if __name__ == "__main__":
    main()
