"""The front-end plugin: empty table header cells made plain cells (a table whose top-left header
is empty fails accessibility checks), and the site's module scripts bundled into classic scripts
after the build (esbuild), so they also run from `file://`."""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin

from llm_interview.site.memo import KeptAcrossBuilds

from .bundle import BundleError, bundle
from .config import FrontendConfig

EMPTY_HEADER_CELL = re.compile(r"<th(\s[^>]*)?>\s*</th>")


class FrontendPlugin(KeptAcrossBuilds, BasePlugin[FrontendConfig]):
    def on_page_content(self, html, page, config, files):
        return EMPTY_HEADER_CELL.sub(r"<td\1></td>", html)

    def on_post_build(self, config):
        source = Path(config.docs_dir) / "assets" / "js"
        try:
            bundle(source, Path(config.site_dir) / "assets" / "js")
        except BundleError as err:
            raise PluginError(str(err)) from None
