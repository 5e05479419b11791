"""Build the site for reading from disk and zip it.

`OFFLINE=true` turns on Material's offline plugin (mkdocs.yml): page links end in `.html`, the
search index is inlined into a script, and editions/plugin.py serves the web-worker
shim search needs under `file://` from the site itself. What cannot work from disk or belongs to
the PDF is not built (JupyterLite needs a web server and a CDN; the print page, `PRINT_PAGE=false`)
or is left out of the zip (the print page's web fonts, the downloads).
"""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

from llm_interview import paths

ROOT = paths.ROOT
TOP_FOLDER = "llm-interview-zh"
LEFT_OUT = ("assets/fonts/", "downloads/")


def build(site_dir: Path) -> None:
    """`mkdocs build --strict` with the offline plugin on, into `site_dir`."""
    env = dict(os.environ, OFFLINE="true", PRINT_PAGE="false", NO_MKDOCS_2_WARNING="1")
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site_dir)]
    result = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"离线版构建失败：\n{result.stdout[-3000:]}{result.stderr[-3000:]}")


def included(relative: str) -> bool:
    """Whether a site file (path relative to the site, with '/') goes into the zip."""
    return not relative.startswith(LEFT_OUT)


def zip_site(site_dir: Path, out: Path) -> int:
    """Zip `site_dir` under one top folder into `out`; returns the number of files."""
    out.parent.mkdir(parents=True, exist_ok=True)
    files = sorted(p for p in site_dir.rglob("*") if p.is_file())
    count = 0
    partial = out.with_suffix(".partial")
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in files:
            relative = path.relative_to(site_dir).as_posix()
            if included(relative):
                archive.write(path, f"{TOP_FOLDER}/{relative}")
                count += 1
    os.replace(partial, out)
    return count
