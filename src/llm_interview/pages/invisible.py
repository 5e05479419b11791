"""The one rule for invisible characters, shared by the importer and the copy lint.

A character is invisible when Unicode calls it a format or control character (Cf, Cc: zero-width
spaces and joiners, bidi overrides, the soft hyphen, BOM, C0/C1 controls) or a space or separator
other than the plain space (Zs, Zl, Zp: no-break space, ideographic space, line separator).
Tabs and line ends are ordinary text. The importer cleans every dump line with `strip_invisible`
and lists the lines it touched in its report; the copy lint reports any that remain as errors.
"""

from __future__ import annotations

import unicodedata

_CATEGORIES = ("Cf", "Cc", "Zs", "Zl", "Zp")
NAMES_ZH = {
    "\u00a0": "不换行空格",
    "\u00ad": "软连字符",
    "\u200b": "零宽空格",
    "\u200c": "零宽非连接符",
    "\u200d": "零宽连接符",
    "\u2060": "词连接符",
    "\u3000": "全角空格",
    "\ufeff": "BOM（字节顺序标记）",
}


def is_invisible(char: str) -> bool:
    """Format/control characters and every space other than U+0020 (tabs and newlines are fine)."""
    if char in "\t\n\r ":
        return False
    return unicodedata.category(char) in _CATEGORIES


def strip_invisible(line: str) -> str:
    """Spaces become U+0020, other invisible characters are dropped."""
    if line.isprintable():  # no Cc, Cf, Zs (but U+0020), Zl or Zp character: nothing to do
        return line
    out = []
    for char in line:
        if not is_invisible(char):
            out.append(char)
        elif unicodedata.category(char) == "Zs":
            out.append(" ")
    return "".join(out)


def invisible_in(line: str) -> list[str]:
    """The invisible characters of a line as code points (`U+200B`), in order, each once."""
    if line.isprintable():
        return []
    return list(dict.fromkeys(f"U+{ord(c):04X}" for c in line if is_invisible(c)))


def name_zh(char: str) -> str:
    """A contributor-facing name for an invisible character."""
    return NAMES_ZH.get(char) or unicodedata.name(char, "控制字符")
