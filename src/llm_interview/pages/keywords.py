"""Search keywords of an entry: the curated ones plus glossary names of the terms it uses.

The glossary (data/glossary.yaml) is the one source of synonyms: it feeds these keywords, and
the search index reads the keyword lines back with `page_keywords`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from llm_interview.pages.glossary import WORD_CHARS, Term
from llm_interview.pages.matcher import Matcher

_SEPARATORS = re.compile(r"[\s\-_]+")
KEYWORD_LINE = re.compile(r"^关键词：(.*)$", re.MULTILINE)


def names(term: Term) -> list[str]:
    """Every name a reader may type for `term`: the term, its Chinese and English names, aliases."""
    return [term.term, term.zh, term.en, *term.aliases]


def seed(text: str, curated: Iterable[str], terms: Sequence[Term]) -> list[str]:
    """Curated keywords, then the other names of the glossary terms that `text` or they use.

    A term counts as used when one of its names appears with the same letter case (so the
    `zero` of zero-shot is not ZeRO). Names the search index would read alike (`KV-Cache`,
    `kv cache`) count once, and a name the text already holds is left out.
    """
    curated = list(curated)
    names_in, plain_in, owners = _matchers(terms)
    first: dict[int, int] = {}  # term index -> where the text first uses one of its names
    for start, name in names_in.all("\n".join([text, *curated])):
        for n in owners[name]:
            first[n] = min(start, first.get(n, start))
    used = [terms[n] for n in sorted(first, key=lambda n: (first[n], n))]
    held = {word for _, word in plain_in.all(_plain(text))}
    synonyms = [w for t in used for w in names(t) if _plain(w) and _plain(w) not in held]
    keywords: list[str] = []
    seen: set[str] = set()
    for word in [*curated, *synonyms]:
        if _plain(word) not in seen:
            seen.add(_plain(word))
            keywords.append(word)
    return keywords


_built: dict[int, tuple[Sequence[Term], tuple]] = {}  # id of a term list -> (it, its matchers)


def _matchers(terms: Sequence[Term]) -> tuple[Matcher, Matcher, dict[str, list[int]]]:
    """Matchers for every glossary name as written and as the search index reads it, and the
    indexes of the terms each name belongs to; built once per term list."""
    kept = _built.get(id(terms))
    if kept is None or kept[0] is not terms:
        _built.clear()  # one term list at a time: a new list replaces the last one
        kept = _built[id(terms)] = (terms, _build_matchers(terms))
    return kept[1]


def _build_matchers(terms: Sequence[Term]) -> tuple[Matcher, Matcher, dict[str, list[int]]]:
    owners: dict[str, list[int]] = {}
    for n, term in enumerate(terms):
        for name in dict.fromkeys(names(term)):
            owners.setdefault(name, []).append(n)
    plain = Matcher([_plain(name) for name in owners], WORD_CHARS)
    return Matcher(owners, WORD_CHARS), plain, owners


def page_keywords(markdown: str) -> list[str]:
    """Every keyword on the keyword lines (`关键词：a · b`) of a topic page."""
    return [k.strip() for line in KEYWORD_LINE.findall(markdown) for k in line.split("·")]


def _plain(text: str) -> str:
    return _SEPARATORS.sub(" ", text.casefold()).strip()
