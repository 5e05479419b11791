"""Shared fixtures: the repository's paths, one strict build of the site, a local server and Chromium."""

from __future__ import annotations

import contextlib
import fcntl
import functools
import http.server
import os
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path
from typing import ClassVar

import pytest

from llm_interview.checks import run as check_run
from llm_interview.sitehttp import TYPES

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


# Copied trees keep the build's caches (notebook outputs, JupyterLite, formulas): they speed the
# build and hold no git data. Not make check's built site, nor the kernel test's Pyodide.
NOT_SOURCE = {".git", ".venv", "site", "build", ".pytest_cache", ".ruff_cache", "node_modules"}
NOT_CACHE = {"check", "pyodide"}


def _ignored(folder: str, names: list[str]) -> set[str]:
    skip = {*NOT_SOURCE, "__pycache__"}
    if Path(folder) == ROOT / ".cache":
        skip |= NOT_CACHE
    return skip & set(names)


def source_copy(dest: Path) -> Path:
    """The working tree without git history, like an unpacked source tarball; its node_modules
    (read only, about 200 MB) is a link to the repository's, not a copy."""
    shutil.copytree(ROOT, dest, ignore=_ignored, symlinks=True)
    (dest / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)
    return dest


def git(cwd: Path, *args: str) -> None:
    ident = ["-c", "user.name=test", "-c", "user.email=test@example.com"]
    subprocess.run(["git", *ident, *args], cwd=cwd, check=True, capture_output=True)


def shallow_clone(dest: Path) -> Path:
    """The working tree committed and cloned with `--depth 1`, as CI checks a pull request out
    (one commit of history); what is installed, not committed, is brought back beside it."""
    tree = source_copy(dest.parent / f"{dest.name}-history")
    git(tree, "init", "-q")
    git(tree, "add", "-A")
    git(tree, "commit", "-q", "-m", "snapshot")
    git(tree, "commit", "-q", "--allow-empty", "-m", "later")  # depth 1 then cuts history
    git(dest.parent, "clone", "-q", "--depth", "1", f"file://{tree}", dest.name)
    shutil.move(tree / ".cache", dest / ".cache")
    (dest / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)
    shutil.rmtree(tree)
    return dest


@contextlib.contextmanager
def _locked(path: Path):
    with path.open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield


def made_once(tmp_path_factory, name: str, make) -> Path:
    """The folder `name`, filled by `make(folder)` once per test run however many pytest-xdist
    workers ask for it (the first one makes it, the others wait)."""
    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent  # shared by the workers of this run
    folder, done = base / name, base / f"{name}.done"
    with _locked(base / f"{name}.lock"):
        if not done.exists():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            make(folder)
            done.touch()
    return folder


def mkdocs_build(config: Path, site_dir: Path, *extra: str) -> subprocess.CompletedProcess:
    """Run `mkdocs build --strict` for `config` into `site_dir`, capturing its output."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config)]
    return subprocess.run(
        [*cmd, "-d", str(site_dir), *extra],
        cwd=config.parent,
        env=env,
        capture_output=True,
        text=True,
    )


# Test layers, marked from the fixtures a test uses: `pytest -m unit` needs neither a build nor a
# browser, `-m build` reads built sites or runs make check on copies, `-m browser` drives Chromium.
BROWSER_FIXTURES = {"browser", "page", "reader", "search_box"}
BUILD_FIXTURES = {
    "built_site",
    "site_url",
    "instant_url",
    "copy",
    "tree",
    "contributed",
    "offline_copy",
    "ranked",
}


def pytest_collection_modifyitems(items):
    for item in items:
        if any(item.get_closest_marker(m) for m in ("unit", "build", "browser")):
            continue  # the test module says so itself
        fixtures = set(getattr(item, "fixturenames", ()))
        layer = (
            "browser"
            if fixtures & BROWSER_FIXTURES
            else "build"
            if fixtures & BUILD_FIXTURES
            else "unit"
        )
        item.add_marker(getattr(pytest.mark, layer))


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The site built with the repository's own mkdocs.yml: `make check`'s build when it passed
    on exactly this tree (make test runs make check first), else one build for the run, shared
    by the workers. Tests only read it."""
    checked = check_run.CACHE / "site"
    stamp = check_run.CACHE / "passed"
    if stamp.is_file() and checked.is_dir() and stamp.read_text() == check_run.tree_hash(ROOT):
        return checked

    def build(site_dir: Path) -> None:
        result = mkdocs_build(ROOT / "mkdocs.yml", site_dir)
        assert result.returncode == 0, result.stdout + result.stderr

    return made_once(tmp_path_factory, "site", build)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map: ClassVar[dict[str, str]] = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        **TYPES,
    }

    def log_message(self, *args):  # keep test output readable
        pass


@pytest.fixture(scope="session")
def site_url(built_site: Path):
    """Base URL (ending in '/') of an HTTP server on 127.0.0.1 serving the built site."""
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


class _PublishedSitemapHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the built site with a sitemap that names this server as the site's address.

    Material's instant navigation only intercepts links to pages in sitemap.xml, matched after
    swapping in the current protocol and host name but not the port or the path: on a test server
    every click would otherwise load a whole page.
    """

    def log_message(self, *args):  # keep test output readable
        pass

    def do_GET(self):
        if self.path != "/sitemap.xml":
            return super().do_GET()
        body = (Path(self.directory) / "sitemap.xml").read_text("utf-8")
        published = min(re.findall(r"<loc>(.*?)</loc>", body), key=len)  # the home page
        here = f"http://127.0.0.1:{self.server.server_address[1]}/"
        data = body.replace(published, here).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/xml")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


@pytest.fixture(scope="session")
def instant_url(built_site):
    """Base URL of a server on which instant navigation works as on the published site."""
    handler = functools.partial(_PublishedSitemapHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright (never Playwright's own browser download)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A fresh desktop-sized page in its own context."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()
