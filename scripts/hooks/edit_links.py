"""MkDocs hook: a page that only includes a repository file edits that file, not the stub; a page
the build generates (a topic's errata page) has no file to edit, so it gets no edit link."""

from __future__ import annotations

import re

INCLUDE_ONLY = re.compile(r'\s*--8<--\s+"([^"]+)"\s*')


def on_page_markdown(markdown, page, config, files):
    """Point "edit this page" of an include-only page at the included file."""
    if page.file.generated_by:
        page.edit_url = None
        return markdown
    match = INCLUDE_ONLY.fullmatch(markdown)
    if match and page.edit_url and config.repo_url:
        branch_uri = config.edit_uri.removesuffix("docs/")
        page.edit_url = f"{config.repo_url.rstrip('/')}/{branch_uri}{match.group(1)}"
    return markdown
