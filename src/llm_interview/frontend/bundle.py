"""Bundle the site's ES module entry points into classic scripts with esbuild (pinned in
package-lock.json): one file per entry, runnable where browsers refuse modules (a page opened from
`file://`, Material's search worker). A module's `import.meta.url` becomes the running script's
address."""

from __future__ import annotations

import subprocess
from pathlib import Path

from llm_interview import paths

ROOT = paths.ROOT
ESBUILD = ROOT / "node_modules" / ".bin" / "esbuild"
# Entry points under docs/assets/js/: the page scripts and the search worker.
ENTRIES = (
    "original.js",
    "permalinks.js",
    "glossary-tip/main.js",
    "practice/main.js",
    "search/worker.js",
    "drills/main.js",  # on every page: marks passed drills, loads the workbench on drill pages
    "drills/bench.js",  # the workbench (a plain textarea editor, the runner)
    "drills/editor.js",  # CodeMirror, loaded on the reader's first reach for the editor
    "drills/worker.js",  # Pyodide in a module worker
)


class BundleError(RuntimeError):
    """esbuild is missing or refused the code; the message is one line."""


def bundle(source: Path, out: Path, entries: tuple[str, ...] = ENTRIES) -> None:
    """Write each entry of `source` (a folder of modules) bundled to the same path under `out`."""
    cmd = [
        str(ESBUILD),
        *(str(source / entry) for entry in entries),
        "--bundle",
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
