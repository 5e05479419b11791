"""Where an element of the print page is on the site. mkdocs-print-site-plugin gives a page's
elements the ids `<page key>-<anchor>` (the page itself: `<page key>`), so an element belongs to
the longest page key its id starts with. Links to what a PDF does not hold go there instead:
pages left out of the print page (the build rewrites them) and, in a topic's PDF, the other
parts (rewritten when its PDF is put together)."""

from __future__ import annotations

from collections.abc import Container


def page_key(element_id: str, keys: Container[str]) -> str | None:
    """The key of the page holding `element_id`, or None: the longest of the id itself and its
    parts before each `-` that is a key (looked up, so a link costs the same at any site size)."""
    cuts = [n for n, c in enumerate(element_id) if c == "-"]
    for prefix in (element_id, *(element_id[:n] for n in reversed(cuts))):
        if prefix in keys:
            return prefix
    return None


def site_address(element_id: str, pages: dict[str, str], site_url: str) -> str | None:
    """The site address of `element_id` (`pages`: each page's URL by key), or None."""
    key = page_key(element_id, pages)
    if key is None:
        return None
    anchor = element_id[len(key) + 1 :]
    return f"{site_url}{pages[key]}{f'#{anchor}' if anchor else ''}"
