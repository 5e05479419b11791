"""The formulas' font: STIX Two Math (npm @fontsource/stix-two-math, SIL OFL 1.1), cut down to
the characters the site's formulas use.

A browser lays MathML out with the OpenType MATH table of the formula's font (fraction rules,
script shifts, stretchy braces and brackets); phones rarely have such a font, and DejaVu or Noto
without one draws `\\underbrace` as a small brace and misplaces scripts. The whole font is 400 KB
as WOFF2; the subset (fontTools, which keeps the MATH table and the glyph variants it reaches) is
about 30 KB, cached in .cache/math by its characters.
"""

from __future__ import annotations

import hashlib
import io
import re
from collections.abc import Iterable
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

from llm_interview import paths

from .mathml import styled_char

PACKAGE = paths.ROOT / "node_modules" / "@fontsource" / "stix-two-math"
# The WOFF (zlib) copy: fontTools reads and writes it without the brotli module WOFF2 needs.
SOURCE = PACKAGE / "files" / "stix-two-math-latin-400-normal.woff"
URI = "assets/fonts/stix-two-math.woff"  # named in docs/assets/site.css
LICENSE_URI = "assets/fonts/stix-two-math-LICENSE.txt"
TAG = re.compile(r"<[^>]*>")
RADICAL = "\u221a"


class FontError(RuntimeError):
    """The font package is missing; the message is one line."""


def characters(mathml: Iterable[str]) -> set[str]:
    """The characters a browser draws for these `<math>` elements: their text, the math italic
    letter of each letter (a one-letter `<mi>` is shown in italic), and the radical sign (drawn
    for `<msqrt>` and `<mroot>`, which hold no text of it)."""
    chars = {c for element in mathml for c in TAG.sub("", element)}
    italic = {styled_char(c, "ITALIC") for c in chars}
    return chars | {c for c in italic if c} | {chr(n) for n in range(0x20, 0x7F)} | {RADICAL}


def subset_font(chars: set[str], cache_dir: Path) -> bytes:
    """The font with only `chars` (and what its MATH table reaches from them), as WOFF."""
    if not SOURCE.is_file():
        raise FontError(f"缺少公式字体：{SOURCE.relative_to(paths.ROOT)} 不存在，先运行 npm ci")
    key = hashlib.sha256(SOURCE.read_bytes() + "".join(sorted(chars)).encode()).hexdigest()[:16]
    cached = cache_dir / f"stix-two-math-{key}.woff"
    if cached.is_file():
        return cached.read_bytes()
    options = subset.Options(layout_features=["*"], flavor="woff", name_IDs=["*"])
    font = TTFont(SOURCE)
    cutter = subset.Subsetter(options)
    cutter.populate(unicodes={ord(c) for c in chars})
    cutter.subset(font)
    out = io.BytesIO()
    font.save(out)
    cache_dir.mkdir(parents=True, exist_ok=True)
    for stale in cache_dir.glob("stix-two-math-*.woff"):
        stale.unlink(missing_ok=True)
    cached.write_bytes(out.getvalue())
    return out.getvalue()


def license_text() -> str:
    return (PACKAGE / "LICENSE").read_text(encoding="utf-8")
