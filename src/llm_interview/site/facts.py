"""Facts the build knows and the page scripts need, written into each page's <head>, so that
JavaScript reads them instead of guessing them from the address.

- `llm-interview:topic`: on a topic's overview and subtopic pages, the topic's slug (the practice
  script, docs/assets/js/practice/, marks that topic's questions). Material's instant navigation
  swaps the <meta> elements of <head> along with the page, so the fact holds after every hop.
- `llm-interview:practice`: on every page, the practice page's address from the site's root
  (`practice/` on the site, `practice.html` in the offline copy), for the links the scripts make.
"""

from __future__ import annotations

from html import escape

from llm_interview.pages.layout import topic_of

TOPIC = "llm-interview:topic"
PRACTICE = "llm-interview:practice"


def head_facts(src: str, practice_url: str) -> str:
    """The <meta> elements for the page `src` (relative to docs/)."""
    slug = topic_of(src)
    topic = "" if slug is None else f'<meta name="{TOPIC}" content="{escape(slug)}">'
    return f'{topic}<meta name="{PRACTICE}" content="{escape(practice_url)}">'


def with_facts(output: str, src: str, practice_url: str) -> str:
    """The page's HTML with its facts at the end of <head>."""
    return output.replace("</head>", head_facts(src, practice_url) + "</head>", 1)
