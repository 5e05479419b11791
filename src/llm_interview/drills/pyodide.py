"""Pyodide's core (the npm package pinned in package-lock.json), served from the site under
assets/pyodide/: the drills' workbench loads it into a Web Worker after the first 运行测试.
numpy is not in the npm package; the worker loads it from the Pyodide CDN (jsDelivr)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from llm_interview import paths

PYODIDE = paths.ROOT / "node_modules" / "pyodide"
PREFIX = "assets/pyodide"
CORE = (
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
    "pyodide-lock.json",
)


def pyodide_files() -> list[tuple[str, Path]]:
    """(site path, source file) of the core files."""
    missing = [name for name in CORE if not (PYODIDE / name).is_file()]
    if missing:
        raise PluginError(
            f"缺少 Pyodide（node_modules/pyodide/{missing[0]}）："
            "先运行 npm ci（make build 会运行它）"
        )
    return [(f"{PREFIX}/{name}", PYODIDE / name) for name in CORE]
