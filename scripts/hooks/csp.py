"""MkDocs hook: the Content-Security-Policy goes into every built page last (scripts/security).

Not in the offline copy: from `file://` Material's search runs in iframe-worker's frame, whose
inline script a policy would block, and a copy on the reader's own disk has no origin to guard.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from offline import is_offline_build
from security.csp import protect


def on_post_build(config):
    if not is_offline_build(config):
        protect(Path(config.site_dir))
