"""The site's JupyterLite runs code: the Pyodide kernel boots offline and executes a cell.

Only pure Python can run here (see offline_pyodide): the cell below redoes the softmax
normalisation in the standard library and prints `sys.platform` to prove it ran in Pyodide.
It covers the site's JupyterLite build, its kernel settings and the notebook UI end to end;
it does not cover numpy or matplotlib in the browser.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from pathlib import Path

import offline_pyodide
import pytest

ROOT = Path(__file__).resolve().parent.parent
CELL = (
    "import math, sys\n"
    "z = [math.exp(s) for s in (2.0, 1.0, 0.1)]\n"
    "print(sys.platform, round(sum(v / sum(z) for v in z), 6))"
)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def offline_lite(built_site, tmp_path_factory):
    """Base URL of a copy of the site's JupyterLite that loads Pyodide from the same server."""
    if not shutil.which("npm"):
        pytest.skip("npm is needed to fetch the Pyodide runtime")
    root = tmp_path_factory.mktemp("lite-offline")
    shutil.copytree(built_site / "lite", root / "lite")
    version = offline_pyodide.pyodide_version(root / "lite")
    runtime = offline_pyodide.prepare(version, ROOT / ".cache" / "pyodide")
    (root / "pyodide").symlink_to(runtime)
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_Quiet, directory=str(root))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    offline_pyodide.point_lite_at(root / "lite", f"{base}pyodide/pyodide.mjs")
    yield base
    server.shutdown()


def test_pyodide_kernel_runs_a_cell_in_the_notebook(page, offline_lite):
    page.goto(f"{offline_lite}lite/notebooks/index.html?path=attention.ipynb")
    page.locator(".jp-MarkdownCell h1").first.wait_for(timeout=60_000)
    assert page.locator(".jp-Dialog").count() == 0, "opens with its kernel, no kernel picker"
    page.locator(".jp-Notebook").first.click()
    for key in ("Escape", "a", "Enter"):  # insert a cell above the first one and edit it
        page.keyboard.press(key)
    page.keyboard.type(CELL)
    page.keyboard.press("Shift+Enter")
    output = page.locator(".jp-OutputArea-output", has_text="emscripten")
    output.first.wait_for(timeout=180_000)
    assert output.first.inner_text().strip() == "emscripten 1.0"
