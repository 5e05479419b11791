"""KaTeX, served from the site itself (no math CDN), from the npm package pinned in
package-lock.json."""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from llm_interview import paths

KATEX = paths.ROOT / "node_modules" / "katex" / "dist"
PREFIX = "assets/katex"


def katex_files() -> list[tuple[str, Path]]:
    """(site path, source file) for the parts of KaTeX the pages use; fonts in WOFF2 only."""
    if not (KATEX / "katex.min.js").is_file():
        raise PluginError(
            "缺少 KaTeX：node_modules/katex 不存在。运行 make build（会执行 npm ci）后再构建。"
        )
    parts = [
        KATEX / "katex.min.js",
        KATEX / "contrib" / "auto-render.min.js",  # notebook prose keeps its `$…$` as text
        KATEX / "katex.min.css",
        *sorted(KATEX.glob("fonts/*.woff2")),
    ]
    return [(f"{PREFIX}/{p.relative_to(KATEX).as_posix()}", p) for p in parts]
