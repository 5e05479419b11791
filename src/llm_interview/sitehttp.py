"""Serve a built site on 127.0.0.1 the way GitHub Pages does: text files gzipped when the browser
accepts it. Used by the PDF edition, the Lighthouse benchmark and the scale benchmark; `free_port`
and `fetch` serve the benchmarks that start a server of their own."""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import io
import socket
import threading
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

COMPRESSED = {".html", ".css", ".js", ".mjs", ".json", ".svg", ".xml", ".txt", ".py", ".wasm"}
# As GitHub Pages types them: Pyodide's ES modules and WebAssembly (the drills' Python runtime).
TYPES = {".mjs": "text/javascript", ".wasm": "application/wasm", ".py": "text/x-python"}


class _GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, text ones gzipped when the browser accepts it (compressed once per server,
    kept in `cache`)."""

    def __init__(self, *args, cache: dict[Path, bytes], **kwargs):
        self.cache = cache
        super().__init__(*args, **kwargs)

    extensions_map: ClassVar[dict[str, str]] = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        **TYPES,
    }

    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.suffix in COMPRESSED and path.is_file()):
            return super().send_head()  # also redirects a folder named without its slash
        body = self.cache.get(path) or self.cache.setdefault(
            path, gzip.compress(path.read_bytes(), 6)
        )
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-cache")
        self.end_headers()
        return io.BytesIO(body)


@contextlib.contextmanager
def serve(site: Path) -> Iterator[str]:
    """Base URL of a gzip-serving HTTP server on 127.0.0.1 for the site at `site`."""
    handler = functools.partial(_GzipHandler, directory=str(site), cache={})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now (for a server the caller starts)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str, timeout: float = 5) -> str:
    """The text at `url`, or "" while nothing answers there (a server still starting)."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.read().decode("utf-8", "replace")
    except OSError:
        return ""
