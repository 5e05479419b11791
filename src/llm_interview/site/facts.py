"""Facts the build knows and the page scripts need, written into each page's <head>, so that
JavaScript reads them instead of guessing them from the address.

- `llm-interview:topic`: on a topic's overview and subtopic pages, the topic's slug (the practice
  script, docs/assets/js/practice/, marks that topic's questions). Material's instant navigation
  swaps the <meta> elements of <head> along with the page, so the fact holds after every hop.
"""

from __future__ import annotations

from html import escape

from llm_interview.pages.layout import topic_of

TOPIC = "llm-interview:topic"


def head_facts(src: str) -> str:
    """The <meta> elements for the page `src` (relative to docs/), or "" when it has none."""
    slug = topic_of(src)
    return "" if slug is None else f'<meta name="{TOPIC}" content="{escape(slug)}">'


def with_facts(output: str, src: str) -> str:
    """The page's HTML with its facts at the end of <head>."""
    facts = head_facts(src)
    return output.replace("</head>", facts + "</head>", 1) if facts else output
