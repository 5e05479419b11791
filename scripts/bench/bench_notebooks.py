"""Benchmark the notebook pages: page weight against mkdocs-jupyter's default rendering (budget:
at most 1/5, figures excluded), warm `mkdocs build` time (budget: under 10 s) and `mkdocs serve`
edit-to-visible time for a topic page and a notebook (budget: under 3 s), and each notebook's
execution time (budget: 30 s each).

    python scripts/bench/bench_notebooks.py [--skip weight,build,serve]

Builds run in a temporary folder that links to the repository's files (a copied `docs/` for the
serve edits), so the shared working tree is never touched. The caches in `.cache/` are shared,
which is what makes the builds warm.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

from llm_interview import paths
from llm_interview.notebooks.links import site_settings
from llm_interview.sitehttp import fetch, free_port

ROOT = paths.ROOT

OWN = {"docs", "mkdocs.yml", "site"}  # the workspace has its own copies of these
IMAGE = re.compile(rb"data:image/[a-z+]+;base64,[A-Za-z0-9+/=]+")
HOOK_LINE = re.compile(r"^\s*- scripts/hooks/notebooks\.py.*\n", re.MULTILINE)
ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1")
ENV.pop("MPLBACKEND", None)


def workspace(tmp: Path, copy_docs: bool, without_hook: bool = False) -> Path:
    """A folder that looks like the repository: links to it, plus its own mkdocs.yml."""
    for item in ROOT.iterdir():
        if item.name not in OWN:
            (tmp / item.name).symlink_to(item)
    if copy_docs:
        shutil.copytree(ROOT / "docs", tmp / "docs", symlinks=True)
    else:
        (tmp / "docs").symlink_to(ROOT / "docs")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    (tmp / "mkdocs.yml").write_text(HOOK_LINE.sub("", config) if without_hook else config)
    return tmp


def build(project: Path, site: Path) -> float:
    """Run `mkdocs build` and return its wall time in seconds."""
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)],
        cwd=project,
        env=ENV,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        sys.exit(f"mkdocs build failed in {project}:\n{result.stderr[-3000:]}")
    return time.perf_counter() - start


def weight_without_figures(page: Path) -> int:
    return len(IMAGE.sub(b"", page.read_bytes()))


def bench_weight() -> None:
    with tempfile.TemporaryDirectory() as a, tempfile.TemporaryDirectory() as b:
        ours, default = Path(a) / "site", Path(b) / "site"
        build(workspace(Path(a), copy_docs=False), ours)
        build(workspace(Path(b), copy_docs=False, without_hook=True), default)
        print("page weight without figures (ours / mkdocs-jupyter default), budget <= 0.20")
        for page in sorted(ours.glob("notebooks/*/index.html")):
            mine = weight_without_figures(page)
            theirs = weight_without_figures(default / page.relative_to(ours))
            name = page.parent.name
            ratio = mine / theirs
            print(f"  {name:12s} {mine / 1024:6.1f} KB / {theirs / 1024:6.1f} KB = {ratio:.3f}")


def bench_build(repeat: int = 3) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        project = workspace(Path(tmp), copy_docs=False)
        build(project, Path(tmp) / "site")  # warm the caches
        times = [build(project, Path(tmp) / "site") for _ in range(repeat)]
        print(
            f"warm mkdocs build: best {min(times):.2f} s, worst {max(times):.2f} s (budget < 10 s)"
        )


def wait_for(url: str, marker: str, timeout: float = 120) -> float:
    start = time.perf_counter()
    while marker not in fetch(url, timeout=2):
        if time.perf_counter() - start > timeout:
            raise TimeoutError(f"{marker!r} never appeared at {url}")
        time.sleep(0.05)
    return time.perf_counter() - start


def edit_to_visible(project: Path, base: str, rel: str, url: str, marker: str, edit) -> float:
    path = project / "docs" / rel
    original = path.read_text(encoding="utf-8")
    start = time.perf_counter()
    path.write_text(edit(original, marker), encoding="utf-8")
    wait_for(base + url, marker)
    return time.perf_counter() - start


def bench_serve() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        project = workspace(Path(tmp), copy_docs=True)
        port = free_port()
        prefix = urlsplit(site_settings(ROOT / "mkdocs.yml")["site_url"]).path
        base = f"http://127.0.0.1:{port}{prefix}"
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project,
            env=ENV,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            wait_for(base, "</html>", timeout=300)
            time.sleep(1)
            topic = edit_to_visible(
                project,
                base,
                "inference/index.md",
                "inference/",
                "基准标记甲",
                lambda text, m: text + f"\n\n{m}\n",
            )
            notebook = edit_to_visible(
                project,
                base,
                "notebooks/kv_cache.py",
                "notebooks/kv_cache/",
                "基准标记乙",
                lambda text, m: text.replace("# ## 小结\n", f"# ## 小结\n#\n# {m}\n", 1),
            )
        finally:
            server.terminate()
            server.wait(timeout=30)
    print(
        f"mkdocs serve edit-to-visible: topic page {topic:.2f} s, notebook {notebook:.2f} s "
        "(budget < 3 s)"
    )


EXECUTE_BUDGET_S = 30


def bench_execute() -> None:
    """Each notebook executed headless from its source, as the build's cache miss does."""
    import nbclient

    from llm_interview.notebooks.sources import discover, read_source

    for nb in discover():
        notebook = read_source(nb.source)
        start = time.perf_counter()
        nbclient.NotebookClient(notebook, timeout=600, kernel_name="python3").execute()
        took = time.perf_counter() - start
        print(f"execute {nb.name}: {took:.1f} s (budget {EXECUTE_BUDGET_S} s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip", default="", help="comma-separated: execute,weight,build,serve")
    args = parser.parse_args()
    skip = set(args.skip.split(","))
    if "execute" not in skip:
        bench_execute()
    if "weight" not in skip:
        bench_weight()
    if "build" not in skip:
        bench_build()
    if "serve" not in skip:
        bench_serve()


if __name__ == "__main__":
    main()
