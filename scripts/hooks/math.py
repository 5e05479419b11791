"""Serve KaTeX from the site itself: math renders without any other host.

KaTeX is pinned in package.json and installed into node_modules/ by `make` (`npm ci`). This hook
adds its script, its auto-render extension, stylesheet and WOFF2 fonts to the build as
`assets/katex/…`; mkdocs.yml loads them with docs/assets/js/math.js, which typesets Arithmatex's
`.arithmatex` elements and the `$…$` in notebook prose.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

ROOT = Path(__file__).resolve().parents[2]
KATEX = ROOT / "node_modules" / "katex" / "dist"
PREFIX = "assets/katex"


def katex_files() -> list[tuple[str, Path]]:
    """(site path, source file) for the parts of KaTeX the pages use; fonts in WOFF2 only."""
    if not (KATEX / "katex.min.js").is_file():
        raise PluginError(
            "缺少 KaTeX：node_modules/katex 不存在。运行 make build（会执行 npm ci）后再构建。"
            " / KaTeX is missing: run `make build` (it runs `npm ci`)."
        )
    parts = [
        KATEX / "katex.min.js",
        KATEX / "contrib" / "auto-render.min.js",  # notebook prose keeps its `$…$` as text
        KATEX / "katex.min.css",
        *sorted(KATEX.glob("fonts/*.woff2")),
    ]
    return [(f"{PREFIX}/{p.relative_to(KATEX).as_posix()}", p) for p in parts]


def on_files(files, config):
    for uri, source in katex_files():
        files.append(File.generated(config, uri, abs_src_path=str(source)))
    return files
