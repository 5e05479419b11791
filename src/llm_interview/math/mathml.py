"""KaTeX's MathML made to read as TeX in a MathML Core browser (Chromium): letters and spacing.

Chromium, like MathML Core, ignores `mathvariant` other than "normal", so `\\mathbb{R}` would show
an italic R: such letters become the Unicode mathematical letter (ℝ, 𝒩, 𝟏) instead.

A prime (`P'`) is a superscript in KaTeX's MathML, but the prime character is already a raised
glyph, so the browser draws it small and high above the letter: it moves onto the letter's
baseline (`P′`), as fonts intend.

KaTeX knows each atom's TeX class but writes plain `<mo>` elements, and a browser spaces an `<mo>`
by its character alone. Three places then read wrong, so the spacing is written out:
- a function name before its argument (`\\cos m\\theta`): TeX puts a thin space after it, the
  browser none, giving "cosmθ";
- operators in sub- and superscripts (`x_{<t}`): TeX drops their spaces in script style, the
  browser keeps the full relation space;
- `\\lVert`, `\\rVert`, `\\lvert`, `\\rvert` and `\\left\\|`: delimiters in TeX, relations (∥, ∣) in
  the dictionary, so the browser sets them apart like `=`.
"""

from __future__ import annotations

import unicodedata
import xml.etree.ElementTree as ET

SCRIPTED = frozenset({"msub", "msup", "msubsup", "munder", "mover", "munderover"})
FUNCTION = "\u2061"  # the invisible "function application" KaTeX puts after \cos, \max, …
DELIMITERS = frozenset("∥∣|‖")
THIN = "0.1667em"  # TeX's \, (3mu)
TOKENS = frozenset({"mi", "mn"})
PRIMES = frozenset("′″‴⁗")
UNSPACED = frozenset({"mo", "mtext", "mspace"})  # TeX puts no thin space before these


# mathvariant → the style's word in Unicode's names (MATHEMATICAL DOUBLE-STRUCK CAPITAL A …).
STYLES = {
    "bold": "BOLD",
    "italic": "ITALIC",
    "bold-italic": "BOLD ITALIC",
    "script": "SCRIPT",
    "bold-script": "BOLD SCRIPT",
    "fraktur": "FRAKTUR",
    "bold-fraktur": "BOLD FRAKTUR",
    "double-struck": "DOUBLE-STRUCK",
    "sans-serif": "SANS-SERIF",
    "bold-sans-serif": "SANS-SERIF BOLD",
    "sans-serif-italic": "SANS-SERIF ITALIC",
    "sans-serif-bold-italic": "SANS-SERIF BOLD ITALIC",
    "monospace": "MONOSPACE",
}
# Letters that Unicode placed in Letterlike Symbols before the mathematical block (ℝ, ℬ, ℌ, ℎ).
OLDER = {"FRAKTUR": "BLACK-LETTER", "ITALIC SMALL H": "PLANCK CONSTANT"}


def styled_char(char: str, style: str) -> str | None:
    """`char` in a style of Unicode's mathematical letters (`style` as in their names, e.g.
    "DOUBLE-STRUCK"), or None when Unicode has no such letter."""
    name = unicodedata.name(char, "").replace("GREEK ", "").replace(" LETTER", "")
    name = name.replace("LATIN ", "")
    older = f"{style} {name}"
    for old, new in OLDER.items():
        older = older.replace(old, new)
    for candidate in (f"MATHEMATICAL {style} {name}", older):
        try:
            return unicodedata.lookup(candidate)
        except KeyError:
            continue
    return None


def _styled(text: str, variant: str) -> str | None:
    """`text` in the mathvariant's Unicode letters, or None when a character has none."""
    style = STYLES.get(variant)
    chars = [styled_char(c, style) for c in text] if style else [None]
    return None if None in chars else "".join(chars)


def _primes(script: ET.Element) -> list[ET.Element] | None:
    """The `<mo>` primes a superscript consists of, or None when it is not only primes."""
    marks = list(script) if script.tag == "mrow" else [script]
    if marks and all(m.tag == "mo" and (m.text or "") and set(m.text) <= PRIMES for m in marks):
        return marks
    return None


def _unraise_primes(element: ET.Element) -> None:
    """`x^{′}` as `x′`, and `x^{′}_{i}` as `(x′)_{i}`."""
    primes = _primes(element[-1]) if element.tag in ("msup", "msubsup") else None
    if primes is None:
        return
    for prime in primes:
        prime.attrib.update(lspace="0", rspace="0")
    base = element[0]
    if element.tag == "msup":
        element.tag = "mrow"
        element[:] = [base, *primes]
    else:
        primed = ET.Element("mrow")
        primed[:] = [base, *primes]
        element.tag = "msub"
        element[:] = [primed, element[1]]


def _opens(element: ET.Element) -> bool:
    """Whether `element` starts with an operator or a space (a bracket, `\\left(`, `\\!`)."""
    while element.tag == "mrow" and len(element):
        element = element[0]
    return element.tag in UNSPACED


def _tidy(parent: ET.Element, script: bool) -> None:
    for child in parent:
        _unraise_primes(child)
    children = list(parent)
    for i, child in enumerate(children):
        in_script = script or (parent.tag in SCRIPTED and i > 0)
        styled = child.tag in TOKENS and _styled(child.text or "", child.get("mathvariant", ""))
        if styled:
            child.text = styled
            del child.attrib["mathvariant"]
        if child.tag == "mo" and "lspace" not in child.attrib:
            text = (child.text or "").strip()
            after = children[i + 1] if i + 1 < len(children) else None
            if text == FUNCTION:
                if after is not None and not _opens(after):
                    child.set("rspace", THIN)
            elif in_script or (
                text in DELIMITERS and ("fence" in child.attrib or child.get("stretchy") == "false")
            ):
                child.set("lspace", "0")
                child.set("rspace", "0")
        _tidy(child, in_script)


def for_browsers(mathml: str) -> str:
    """`mathml` (one `<math>` element, as KaTeX writes it) with Unicode's styled letters and
    TeX's spacing written out, one tag a line."""
    root = ET.fromstring(mathml)
    _tidy(root, script=False)
    # One tag a line: mkdocs-print-site's anchor regex scans from every `<` to the end of its
    # line, which on one-line MathML took 17 s of a 30 s build. MathML lays out no white space
    # between elements (pixel-identical in Chromium).
    return ET.tostring(root, encoding="unicode").replace("><", ">\n<")
