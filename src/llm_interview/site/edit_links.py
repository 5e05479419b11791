"""「编辑此页」: an include-only page opens the included file; generated pages have none, except
where their plugin names the source (a drill page edits its drills/<id>/task.md)."""

from __future__ import annotations

import re

INCLUDE_ONLY = re.compile(r'\s*--8<--\s+"([^"]+)"\s*')


def repository_edit_url(config, path: str) -> str | None:
    """The address that edits `path` (from the repository root) on the hosting site."""
    if not (config.repo_url and config.edit_uri):
        return None
    branch_uri = config.edit_uri.removesuffix("docs/")
    return f"{config.repo_url.rstrip('/')}/{branch_uri}{path}"


def edit_url(markdown: str, page, config) -> str | None:
    """The page's edit address (a generated page has none unless its plugin gives one)."""
    if page.file.generated_by:
        return None
    match = INCLUDE_ONLY.fullmatch(markdown)
    if match and page.edit_url:
        return repository_edit_url(config, match.group(1))
    return page.edit_url
