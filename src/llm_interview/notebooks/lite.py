"""Build JupyterLite (Pyodide kernel) around the exported notebooks, cached by content.

The build takes a few seconds; its output is kept in `.cache/jupyterlite/<key>` and copied
into the site, so a warm `mkdocs build` only pays for the copy.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
from importlib.metadata import version
from pathlib import Path

BUILD_FLAGS = [
    "--no-sourcemaps",
    "--apps",
    "notebooks",
    "--apps",
    "lab",
    "--no-unused-shared-packages",
]
PACKAGES = ("jupyterlite-core", "jupyterlite-pyodide-kernel")


def cache_key(notebooks: dict[str, str]) -> str:
    """Hash of the notebooks' text, the build flags and the installed JupyterLite versions."""
    hasher = hashlib.sha256()
    for name in sorted(notebooks):
        hasher.update(f"{name}\0{notebooks[name]}\0".encode())
    hasher.update(" ".join(BUILD_FLAGS).encode())
    for package in PACKAGES:
        hasher.update(f"{package}={version(package)}".encode())
    return hasher.hexdigest()[:16]


PYODIDE_KERNELSPEC = {"name": "python", "display_name": "Python (Pyodide)", "language": "python"}


def for_pyodide(ipynb: str) -> str:
    """The notebook with JupyterLite's kernel declared, so it opens without a kernel dialog."""
    nb = json.loads(ipynb)
    nb["metadata"]["kernelspec"] = PYODIDE_KERNELSPEC
    return json.dumps(nb, ensure_ascii=False, indent=1) + "\n"


def lite_config(key: str) -> dict:
    """Settings merged into jupyter-lite.json.

    Reader edits live in browser storage under a name tied to the notebooks' content,
    so a changed notebook is never hidden behind an old local copy.
    """
    return {"jupyter-config-data": {"contentsStorageName": f"llm-interview-zh-{key}"}}


def _build(notebooks: dict[str, str], key: str, output: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        lite_dir = Path(tmp)
        contents = lite_dir / "contents"
        contents.mkdir()
        for name, text in notebooks.items():
            (contents / name).write_text(text, encoding="utf-8")
        (lite_dir / "jupyter-lite.json").write_text(json.dumps(lite_config(key)), encoding="utf-8")
        cli = Path(sys.executable).with_name("jupyter-lite")
        args = ["--lite-dir", lite_dir, "--contents", contents, "--output-dir", output]
        result = subprocess.run(
            [str(cli), "build", *map(str, args), *BUILD_FLAGS],
            cwd=lite_dir,
            capture_output=True,
            text=True,
        )
        if result.returncode != 0:
            raise RuntimeError(
                f"jupyter lite build failed:\n{result.stdout[-2000:]}{result.stderr}"
            )


def build_lite(notebooks: dict[str, str], target: Path, cache_dir: Path) -> bool:
    """Put a JupyterLite site holding `notebooks` ({file name: ipynb text}) at `target`.

    Returns True when it came from the cache. Concurrent builds (several checkouts or test runs
    sharing one cache) each build into their own temporary folder; the first to finish wins.
    """
    notebooks = {name: for_pyodide(text) for name, text in notebooks.items()}
    key = cache_key(notebooks)
    cache_dir = cache_dir.resolve()
    cache_dir.mkdir(parents=True, exist_ok=True)
    cached = cache_dir / key
    hit = cached.is_dir()
    if not hit:
        partial = Path(tempfile.mkdtemp(prefix=f"{key}.", dir=cache_dir))
        _build(notebooks, key, partial / "out")
        with contextlib.suppress(OSError):  # another build finished first
            (partial / "out").rename(cached)
        shutil.rmtree(partial, ignore_errors=True)
        for stale in cache_dir.iterdir():
            if "." not in stale.name and stale != cached:
                shutil.rmtree(stale, ignore_errors=True)
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(cached, target)
    return hit
