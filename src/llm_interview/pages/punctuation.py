"""Full-width punctuation in Chinese text, restored where the seed's extraction folded it.

The dump's `，：；` came out as ASCII (「主要分为三种:Only-encoder, Only-Decoder」). A comma,
colon or semicolon with a Han character right before or right after it (spaces between them
ignored) is Chinese punctuation, so it becomes `，：；` and the spaces around it go. Code
spans, link targets, web addresses, formulas and HTML comments are left as they are
(pages.spans). The importer writes dump text through this rule and the copy lint holds every
page to it.
"""

from __future__ import annotations

import re

from llm_interview.pages.spans import is_free, protected_spans, splice

HAN = "[\u3400-\u4dbf\u4e00-\u9fff]"
FULL = {",": "，", ":": "：", ";": "；"}
FOLDED = re.compile(rf"(?<={HAN})[ \t]*([,:;])[ \t]*|[ \t]*([,:;])[ \t]*(?={HAN})")


def full_width(text: str) -> str:
    """The text with Chinese commas, colons and semicolons restored to full width."""
    kept = protected_spans(text)
    return splice(
        text,
        (
            (m.start(), m.end(), FULL[m[1] or m[2]])
            for m in FOLDED.finditer(text)
            if is_free(kept, m.start(m.lastindex), m.end(m.lastindex))
        ),
    )
