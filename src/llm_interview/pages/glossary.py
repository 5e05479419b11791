"""The glossary model: terms from data/glossary.yaml and where a text uses them.

The one source of terms: the importer seeds keywords from it, the search index reads
the keywords, and the editorial hook renders the glossary page and tooltips.
"""

from __future__ import annotations

import functools
import re
import string
from dataclasses import dataclass
from pathlib import Path

from llm_interview import paths
from llm_interview.pages import yamltext
from llm_interview.pages.matcher import Matcher, ascii_lower

GLOSSARY = paths.DATA / "glossary.yaml"
WORD = "A-Za-z0-9_"
WORD_CHARS = string.ascii_letters + string.digits + "_"  # the characters of WORD
FIELDS = ("id", "term", "zh", "en", "aliases", "definition", "topic")


class GlossaryError(ValueError):
    """A glossary.yaml problem: missing field, duplicate id or duplicate surface form."""


@dataclass(frozen=True)
class Term:
    """One glossary term (see the schema at the top of data/glossary.yaml)."""

    id: str
    term: str
    zh: str
    en: str
    aliases: tuple[str, ...]
    definition: str
    topic: str

    @property
    def forms(self) -> tuple[str, ...]:
        """The term and its aliases: every surface form that counts as a use."""
        return (self.term, *self.aliases)

    @property
    def tooltip(self) -> str:
        """The hover text: names, then the one-line definition."""
        names = self.zh if self.zh == self.en else f"{self.zh}（{self.en}）"
        return f"{names}：{self.definition}"


def load_terms(text: str) -> list[Term]:
    """Terms from glossary.yaml text, validated."""
    return list(_terms(text))


@functools.lru_cache(maxsize=2)  # one glossary, read by the build's features and each import
def _terms(text: str) -> tuple[Term, ...]:
    terms = []
    for raw in yamltext.load(text)["terms"]:
        missing = [f for f in FIELDS if f not in raw]
        if missing:
            raise GlossaryError(f"{raw.get('id', raw)}: missing {missing}")
        terms.append(Term(**{**raw, "aliases": tuple(raw["aliases"])}))
    _check_unique(terms)
    return tuple(terms)


def _check_unique(terms: list[Term]) -> None:
    ids, forms = set(), {}
    for t in terms:
        if t.id in ids or not re.fullmatch(r"[a-z0-9-]+", t.id):
            raise GlossaryError(f"bad or duplicate id {t.id!r}")
        if '"' in t.definition:
            raise GlossaryError(f"{t.id}: the definition must not contain a double quote")
        ids.add(t.id)
        for form in t.forms:
            owner = forms.setdefault(form.casefold(), t.id)
            if owner != t.id:
                raise GlossaryError(f"{t.id}: {form!r} also belongs to {owner}")


def bounded(alternatives: str) -> str:
    """A pattern that never starts or ends inside an ASCII word, while allowing CJK neighbours."""
    return f"(?<![{WORD}])(?:{alternatives})(?![{WORD}])"


class TermFinder:
    """The glossary terms a text uses, all found in one pass of one automaton built once.

    A term is used where one of its surface forms appears, ASCII letters in any case, not
    starting or ending inside an ASCII word (CJK neighbours are fine).
    """

    def __init__(self, terms: list[Term]):
        self._terms = terms
        self._owner = {ascii_lower(f): n for n, t in enumerate(terms) for f in t.forms}
        self._matcher = Matcher(self._owner, WORD_CHARS)

    def uses(self, text: str) -> list[Term]:
        """The terms that `text` uses, in glossary order."""
        found = {self._owner[form] for _, form in self._matcher.all(ascii_lower(text))}
        return [self._terms[n] for n in sorted(found)]


def glossary_terms(path: Path = GLOSSARY) -> list[Term]:
    """The glossary's terms (an empty list when the file is absent)."""
    return load_terms(path.read_text(encoding="utf-8")) if path.exists() else []
