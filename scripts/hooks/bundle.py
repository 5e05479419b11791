"""MkDocs hook: the site's module scripts become classic scripts, bundled by esbuild (pinned in
package-lock.json), so they also run where browsers refuse modules: the offline copy opened from
`file://`, where practice mode and the search hit that opens a folded 原始回答 need them.

Each entry is written over its own copy in the site (same address, one file instead of its module
graph). A module's `import.meta.url` becomes the running script's address.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from mkdocs.exceptions import PluginError

ENTRIES = ("original.js", "permalinks.js", "glossary-tip/main.js", "practice/main.js")
ESBUILD = Path(__file__).resolve().parents[2] / "node_modules" / ".bin" / "esbuild"


def on_post_build(config):
    source = Path(config.docs_dir) / "assets" / "js"
    cmd = [
        str(ESBUILD),
        *(str(source / entry) for entry in ENTRIES),
        "--bundle",
        "--format=iife",
        "--target=es2020",
        f"--outbase={source}",
        f"--outdir={Path(config.site_dir) / 'assets' / 'js'}",
        "--allow-overwrite",
        "--define:import.meta.url=document.currentScript.src",
        "--log-level=error",
    ]
    try:
        done = subprocess.run(cmd, capture_output=True, text=True)
    except FileNotFoundError:
        raise PluginError("没有找到 esbuild：先运行 npm ci（make build 会自动运行）") from None
    if done.returncode != 0:
        raise PluginError(f"esbuild 打包脚本失败：{done.stderr.strip().splitlines()[0]}")
