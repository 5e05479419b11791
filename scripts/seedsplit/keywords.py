"""Search keywords of an entry: the curated ones plus glossary names of the terms it uses.

The glossary (scripts/glossary.yaml) is the one source of synonyms: it feeds these keywords and
the jieba user dictionary that keeps LLM terms whole in the search index.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from .glossary import Term, bounded

_HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]{2,}")
_SEPARATORS = re.compile(r"[\s\-_]+")
_KEYWORD_LINE = re.compile(r"^关键词：(.*)$", re.MULTILINE)


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
    plain = _plain(text)
    both = "\n".join([text, *curated])
    used = sorted(_used(terms, both), key=lambda t: _first_use(t, both))
    synonyms = [w for t in used for w in names(t) if not _find(_plain(w), plain, re.IGNORECASE)]
    keywords: list[str] = []
    seen: set[str] = set()
    for word in [*curated, *synonyms]:
        if _plain(word) not in seen:
            seen.add(_plain(word))
            keywords.append(word)
    return keywords


def page_keywords(markdown: str) -> list[str]:
    """Every keyword on the keyword lines (`关键词：a · b`) of a topic page."""
    return [k.strip() for line in _KEYWORD_LINE.findall(markdown) for k in line.split("·")]


def user_dictionary(terms: Sequence[Term], keywords: Iterable[str] = ()) -> list[str]:
    """Han words for jieba: runs of two or more Han characters in glossary names and keywords."""
    words = [name for t in terms for name in names(t)] + list(keywords)
    return sorted({run for word in words for run in _HAN_RUN.findall(word)})


def _plain(text: str) -> str:
    return _SEPARATORS.sub(" ", text.casefold()).strip()


def _find(word: str, text: str, flags: int = 0) -> re.Match[str] | None:
    return re.search(bounded(re.escape(word)), text, flags)


def _used(terms: Sequence[Term], text: str) -> list[Term]:
    return [t for t in terms if any(_find(name, text) for name in names(t))]


def _first_use(term: Term, text: str) -> int:
    return min(m.start() for name in names(term) if (m := _find(name, text)))
