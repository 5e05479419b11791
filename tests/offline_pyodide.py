"""An offline Pyodide runtime for JupyterLite's kernel, for tests only.

JupyterLite loads Pyodide from a CDN these machines cannot reach. npm's `pyodide` package holds
the runtime and standard library; the pure-Python wheels the kernel needs (micropip, IPython and
friends) come from PyPI. Pyodide checks each wheel against its lock file, so the lock's entries
for those wheels are rewritten to the PyPI files' hashes. Scientific packages (numpy…) are wasm
builds that neither registry carries, so this kernel runs pure-Python code only.
"""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
import tarfile
from pathlib import Path

KERNEL_PACKAGES = ("micropip", "ipython", "jedi")  # what the kernel installs at start
EXTRA = {"comm": "0.2.3"}  # also installed at start, but not in Pyodide's lock


def pyodide_version(lite_dir: Path) -> str:
    """The Pyodide version the kernel extension loads from the CDN (e.g. 314.0.6)."""
    for script in (lite_dir / "extensions").rglob("*.js"):
        match = re.search(
            r"cdn\.jsdelivr\.net/pyodide/v([\d.]+)/full/pyodide\.mjs", script.read_text()
        )
        if match:
            return match[1]
    raise LookupError("no Pyodide CDN URL in the JupyterLite build")


def _closure(lock: dict, roots: tuple[str, ...]) -> list[str]:
    by_name = {entry["name"].lower(): key for key, entry in lock.items()}
    seen: list[str] = []
    todo = list(roots)
    while todo:
        key = by_name.get(todo.pop().lower())
        if key and key not in seen:
            seen.append(key)
            todo += lock[key]["depends"]
    return seen


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def prepare(version: str, cache: Path) -> Path:
    """A folder with Pyodide `version` and the kernel's wheels, ready to serve (cached)."""
    runtime = cache / f"pyodide-{version}"
    if (runtime / "ready").exists():
        return runtime
    cache.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        ["npm", "pack", f"pyodide@{version}"], cwd=cache, check=True, capture_output=True
    )
    with tarfile.open(cache / f"pyodide-{version}.tgz") as tar:
        tar.extractall(cache / "npm", filter="data")
    (cache / "npm" / "package").rename(runtime)

    lock_path = runtime / "pyodide-lock.json"
    lock = json.loads(lock_path.read_text(encoding="utf-8"))
    packages = lock["packages"]
    keys = _closure(packages, KERNEL_PACKAGES)
    specs = [f"{packages[k]['name']}=={packages[k]['version']}" for k in keys]
    specs += [f"{name}=={ver}" for name, ver in EXTRA.items()]
    pip = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:"]
    pip += ["--python-version", lock["info"]["python"].rsplit(".", 1)[0], "-d", str(runtime)]
    subprocess.run([*pip, *specs], check=True, capture_output=True)

    for key in keys:
        wheel = runtime / packages[key]["file_name"]
        packages[key]["sha256"] = _sha256(wheel)
    for name, ver in EXTRA.items():
        (wheel,) = runtime.glob(f"{name}-{ver}-*.whl")
        packages[name] = {
            "name": name,
            "version": ver,
            "file_name": wheel.name,
            "sha256": _sha256(wheel),
            "depends": [],
            "imports": [name],
            "install_dir": "site",
            "package_type": "package",
            "unvendored_tests": False,
        }
    lock_path.write_text(json.dumps(lock), encoding="utf-8")
    (runtime / "ready").touch()
    return runtime


def point_lite_at(lite_dir: Path, pyodide_url: str) -> None:
    """Make a JupyterLite folder load Pyodide from `pyodide_url` and never from PyPI."""
    config_path = lite_dir / "jupyter-lite.json"
    config = json.loads(config_path.read_text(encoding="utf-8"))
    settings = config["jupyter-config-data"].setdefault("litePluginSettings", {})
    kernel = settings.setdefault("@jupyterlite/pyodide-kernel-extension:kernel", {})
    kernel.update({"pyodideUrl": pyodide_url, "disablePyPIFallback": True})
    config_path.write_text(json.dumps(config), encoding="utf-8")
