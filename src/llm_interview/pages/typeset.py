"""The dump's text as the site shows it: typographic normalisation, never a change of wording.

Chinese `,:;` full width again (pages.punctuation), then names in their usual form
(pages.names). The importer writes dump prose through it; tests compare with it.
"""

from __future__ import annotations

from llm_interview.pages.names import usual_names
from llm_interview.pages.punctuation import full_width


def typeset(text: str) -> str:
    """`text` with its Chinese punctuation full width and its names in their usual form."""
    return usual_names(full_width(text))
