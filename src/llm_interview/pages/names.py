"""Names in their usual form (LoRA, LLaMA, P-Tuning): the seed writes Lora, LLAMA, Ptuning.

The names and their spellings are data (data/names.yaml), compiled once into one matcher. A
name is found as a whole word, whatever its letter case, and rewritten to its usual form; a name
whose other casings are ordinary English words is rewritten only in the spellings it lists
(`only`) or only inside a Chinese sentence (`chinese`). Left as they are: what pages.spans
protects (code, link targets, HTML tags, addresses, formulas), attribute lists such as `{#id}`,
citations `[@key]`, and text in quotation marks (「…」, “…”, "…"), which quotes words verbatim.
The importer writes dump text through this rule and the copy lint holds every page to it.
"""

from __future__ import annotations

import functools
import re
import string
from dataclasses import dataclass
from pathlib import Path

from llm_interview import paths
from llm_interview.pages import yamltext
from llm_interview.pages.glossary import WORD_CHARS
from llm_interview.pages.matcher import Matcher
from llm_interview.pages.spans import PROTECTED, is_free, protected_spans, splice

NAMES = paths.DATA / "names.yaml"
FIELDS = {"name", "source", "also", "only", "chinese"}
NOT_PROSE = re.compile(
    PROTECTED.pattern
    + r"|\{[:#.][^{}\n]*\}"  # attribute list: {#id}, {: .class }
    + r"|\[@[^\]\n]*\]"  # citation
    + r"|「[^」\n]*」|『[^』\n]*』|“[^”\n]*”|\"[^\"\n]*\"|&#34;.*?&#34;"  # quotation
)
# A name glued to these is part of something else: a file, package, key or another name.
GLUED_BEFORE = frozenset(WORD_CHARS + "-.@#\\")
GLUED_AFTER = frozenset("-.")  # … when a letter follows
ASCII_LETTERS = frozenset(string.ascii_letters)
CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")
LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)


class NamesError(ValueError):
    """A names.yaml problem: unknown field, missing source, a spelling given twice."""


@dataclass(frozen=True)
class Name:
    """One name: its usual form, the spellings it replaces, and where they are replaced."""

    usual: str
    source: str
    only: frozenset[str]  # when set, the only spellings replaced (letter case as written)
    chinese: bool  # replaced only next to Chinese text

    def replaces(self, spelling: str, text: str, start: int) -> bool:
        """Whether `spelling`, found at `start` of `text`, is this name to be rewritten."""
        if spelling == self.usual or (self.only and spelling not in self.only):
            return False
        return not self.chinese or in_chinese(text, start, start + len(spelling))


def in_chinese(text: str, start: int, end: int) -> bool:
    """True when the nearest visible character on either side is Chinese."""
    before, after = text[:start].rstrip()[-1:], text[end:].lstrip()[:1]
    return bool(CJK.match(before) or CJK.match(after))


def load(path: Path = NAMES) -> dict[str, Name]:
    """Every spelling (lower case) to replace -> its name, checked."""
    spellings: dict[str, Name] = {}
    for raw in yamltext.load(path.read_text(encoding="utf-8"))["names"]:
        unknown = set(raw) - FIELDS
        if unknown or not raw.get("name") or not raw.get("source"):
            raise NamesError(
                f"{path.name}: {raw.get('name')}: 字段不对：name 和 source 必填，"
                f"其余只能是 also、only、chinese（多了 {sorted(unknown)}）"
            )
        name = Name(
            raw["name"], raw["source"], frozenset(raw.get("only", ())), raw.get("chinese", False)
        )
        words = {name.usual, *raw.get("also", ()), *name.only}
        for word in words:
            key = word.translate(LOWER)
            if spellings.get(key, name) != name:
                raise NamesError(
                    f"{path.name}: 「{word}」同时属于 {spellings[key].usual} 和 {name.usual}"
                )
            spellings[key] = name
    return spellings


@functools.cache
def _compiled() -> tuple[dict[str, Name], Matcher]:
    spellings = load()
    return spellings, Matcher(spellings, WORD_CHARS)


def fixes(text: str) -> list[tuple[int, int, str]]:
    """(start, end, usual form) for every name in `text` written another way."""
    spellings, matcher = _compiled()
    kept = protected_spans(text, NOT_PROSE)

    def whole(start: int, word: str) -> bool:
        end = start + len(word)
        glued = text[end : end + 1] in GLUED_AFTER and text[end + 1 : end + 2] in ASCII_LETTERS
        return not (glued or (start and text[start - 1] in GLUED_BEFORE))

    found = []
    for start, word in matcher.spans(text.translate(LOWER), whole):
        end = start + len(word)
        name = spellings[word]
        if is_free(kept, start, end) and name.replaces(text[start:end], text, start):
            found.append((start, end, name.usual))
    return found


def usual_names(text: str) -> str:
    """The text with every name in its usual form."""
    return splice(text, fixes(text))
