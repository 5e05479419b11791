"""MkDocs hook: the site's module scripts and its search worker become classic scripts at the same
addresses (scripts/frontend/bundle.py), so they also run where browsers refuse modules: the
offline copy opened from `file://` (practice mode, the search hit that opens a folded 原始回答)
and Material's search worker, which Material starts as a classic script."""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from frontend.bundle import BundleError, bundle


def on_post_build(config):
    try:
        bundle(Path(config.docs_dir) / "assets" / "js", Path(config.site_dir) / "assets" / "js")
    except BundleError as err:
        raise PluginError(str(err)) from None
