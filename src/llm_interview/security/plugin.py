"""The security plugin, listed last: every page gets its Content-Security-Policy (security.csp).
The offline copy is left without one: pages opened from `file://` have no origin to allow."""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import BasePlugin, event_priority

from llm_interview.editions.offline import is_offline_build
from llm_interview.site.memo import KeptAcrossBuilds

from .config import SecurityConfig
from .csp import Protected, protect


class SecurityPlugin(KeptAcrossBuilds, BasePlugin[SecurityConfig]):
    def __init__(self):
        super().__init__()
        self.protected = Protected()  # kept across `mkdocs serve` rebuilds

    @event_priority(-200)  # after every script and page is written
    def on_post_build(self, config):
        if self.config.enabled and not is_offline_build(config):
            protect(Path(config.site_dir), self.protected)
