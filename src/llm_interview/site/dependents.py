"""The pages a dirty rebuild of `make serve` renders again although their own file did not change:
the site plugin's listings of other pages (issue 22). MkDocs' dirty build renders only the pages
whose file changed; these are found by comparing the site model with the last build's.

- A topic's overview lists every question of the topic with its title, level and summary, and
  counts each page's questions: it follows the text of every question page of the topic.
- The home page counts each topic's questions on its cards: it follows their ids.

Whole-site pages of other plugins (tags, glossary, references, the practice page's list) are
left to the next full build (`make check`), as MkDocs leaves the navigation.
"""

from __future__ import annotations

from llm_interview.pages.layout import overview_path, topic_of
from llm_interview.pages.topics import SLUGS

from . import home
from .model import SiteModel


def stale_pages(before: SiteModel, now: SiteModel) -> set[str]:
    """The pages of `now` whose listings changed since the build of `before`."""
    changed = {
        src
        for src in before.pages.keys() | now.pages.keys()
        if before.pages.get(src) != now.pages.get(src)
    }
    stale = {overview_path(topic_of(src)) for src in changed}
    if any(before.topic_ids(slug) != now.topic_ids(slug) for slug in SLUGS):
        stale |= {src for src, text in now.markdown.items() if home.MARKER in text}
    return stale & now.markdown.keys()
