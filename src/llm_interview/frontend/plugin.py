"""The front-end plugin: empty table header cells made plain cells (a table whose top-left header
is empty fails accessibility checks), and the site's module scripts bundled into classic scripts
after the build (esbuild), so they also run from `file://`. A rebuild of `mkdocs serve` that
changed no script and left the bundles in place (a dirty one copies only changed files) keeps
them."""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin

from llm_interview.site.memo import KeptAcrossBuilds, stamps

from .bundle import ENTRIES, BundleError, bundle
from .config import FrontendConfig

EMPTY_HEADER_CELL = re.compile(r"<th(\s[^>]*)?>\s*</th>")


class FrontendPlugin(KeptAcrossBuilds, BasePlugin[FrontendConfig]):
    bundled: tuple | None = None  # the sources' and bundles' stamps after the last bundling

    def on_page_content(self, html, page, config, files):
        return EMPTY_HEADER_CELL.sub(r"<td\1></td>", html)

    def on_post_build(self, config):
        source = Path(config.docs_dir) / "assets" / "js"
        out = Path(config.site_dir) / "assets" / "js"

        def state() -> tuple:
            return stamps(sorted(source.rglob("*"))), stamps(out / entry for entry in ENTRIES)

        if state() == self.bundled:
            return
        try:
            bundle(source, out)
        except BundleError as err:
            raise PluginError(str(err)) from None
        self.bundled = state()
