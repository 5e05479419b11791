"""Full-width punctuation in Chinese text, restored where the seed's extraction folded it.

The dump's `，：；` came out as ASCII (「主要分为三种:Only-encoder, Only-Decoder」). A comma,
colon or semicolon with a Han character right before or right after it (spaces between them
ignored) is Chinese punctuation, so it becomes `，：；` and the spaces around it go. Code
spans, link targets, web addresses, formulas and HTML comments are left as they are. The
importer writes dump text through this rule and the copy lint holds every page to it.
"""

from __future__ import annotations

import re

HAN = "[\u3400-\u4dbf\u4e00-\u9fff]"
FULL = {",": "，", ":": "：", ";": "；"}
FOLDED = re.compile(rf"(?<={HAN})[ \t]*([,:;])[ \t]*|[ \t]*([,:;])[ \t]*(?={HAN})")
# Spans the rule must not touch, found before it runs and put back after.
PROTECTED = re.compile(
    r"(`+).*?\1"  # code span
    r"|\]\([^)]*\)"  # link target
    r"|<[^<>\n]*>"  # autolink, HTML tag or comment
    r"|https?://[^\s)\]>，。；]+"  # bare web address
    r"|\$[^$\n]+\$"  # inline formula
)


def full_width(text: str) -> str:
    """The text with Chinese commas, colons and semicolons restored to full width."""
    kept: list[str] = []

    def hide(m: re.Match[str]) -> str:
        kept.append(m[0])
        return f"\0{len(kept) - 1}\0"

    masked = PROTECTED.sub(hide, text)
    fixed = FOLDED.sub(lambda m: FULL[m[1] or m[2]], masked)
    return re.sub(r"\0(\d+)\0", lambda m: kept[int(m[1])], fixed)
