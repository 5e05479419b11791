"""「编辑此页」 of an include-only page opens the included file; generated pages have none."""

from __future__ import annotations

import re

INCLUDE_ONLY = re.compile(r'\s*--8<--\s+"([^"]+)"\s*')


def edit_url(markdown: str, page, config) -> str | None:
    """The page's edit address."""
    if page.file.generated_by:
        return None
    match = INCLUDE_ONLY.fullmatch(markdown)
    if match and page.edit_url and config.repo_url:
        branch_uri = config.edit_uri.removesuffix("docs/")
        return f"{config.repo_url.rstrip('/')}/{branch_uri}{match.group(1)}"
    return page.edit_url
