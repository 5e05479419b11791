"""Bundle the site's ES module entry points into classic scripts with esbuild (pinned in
package-lock.json): one file per entry, runnable where browsers refuse modules (a page opened from
`file://`, Material's search worker). `import.meta.url` becomes the running script's address, so
only an entry reads it, while it runs; the entry hands the addresses it makes to its modules."""

from __future__ import annotations

import subprocess
from pathlib import Path

from llm_interview import paths

ROOT = paths.ROOT
ESBUILD = ROOT / "node_modules" / ".bin" / "esbuild"
# Entry points under docs/assets/js/: every page's scripts (site.js), what drill pages load when
# needed (the workbench, its editor, its Python worker), and the search worker.
ENTRIES = (
    "site.js",  # on every page: the page scripts in one file (its imports say which)
    "drills/bench.js",  # the workbench (a plain textarea editor, the runner), on drill pages
    "drills/editor.js",  # CodeMirror, loaded on the reader's first reach for the editor
    "drills/worker.js",  # Pyodide in a module worker
    "search/worker.js",
)


class BundleError(RuntimeError):
    """esbuild is missing or refused the code; the message is one line."""


def bundle(source: Path, out: Path, entries: tuple[str, ...] = ENTRIES) -> None:
    """Write each entry of `source` (a folder of modules) bundled to the same path under `out`."""
    cmd = [
        str(ESBUILD),
        *(str(source / entry) for entry in entries),
        "--bundle",
        "--minify",
        "--format=iife",
        "--target=es2020",
        "--charset=utf8",
        "--minify",
        f"--outbase={source}",
        f"--outdir={out}",
        "--allow-overwrite",
        "--define:import.meta.url=document.currentScript.src",
        "--log-level=error",
    ]
    try:
        done = subprocess.run(cmd, capture_output=True, text=True)
    except FileNotFoundError:
        raise BundleError("没有找到 esbuild：先运行 npm ci（make build 会自动运行）") from None
    if done.returncode != 0:
        raise BundleError(f"esbuild 打包脚本失败：{done.stderr.strip().splitlines()[0]}")
