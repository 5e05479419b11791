"""Search keywords of an entry: the curated ones plus glossary names of the terms it uses.

The glossary (data/glossary.yaml) is the one source of synonyms: it feeds these keywords. On a
page they are one line under the question's title, `关键词：a · b` then `{: .qa-keywords }`;
the build takes them out of the Markdown (`section_keywords`, `without_keyword_lines`) before
rendering, so they reach the search records and the practice bank but never the page's HTML.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence

from llm_interview.pages.glossary import WORD_CHARS, Term
from llm_interview.pages.matcher import Matcher
from llm_interview.pages.pagetext import find_entries

_SEPARATORS = re.compile(r"[\s\-_]+")
KEYWORD_LINE = re.compile(r"^关键词：(.*)$", re.MULTILINE)
_ATTR = r"\{:[^}\n]*\.qa-keywords\b[^}\n]*\}[ \t]*"
KEYWORD_BLOCK = re.compile(rf"^关键词：.*\n{_ATTR}(?:\n|\Z)", re.MULTILINE)
_ATTR_LINE = re.compile(_ATTR + "$")


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
    names_in, plain_in, owners = _matchers(tuple(terms))
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


@functools.lru_cache(maxsize=1)  # one glossary at a time
def _matchers(terms: tuple[Term, ...]) -> tuple[Matcher, Matcher, dict[str, list[int]]]:
    """Matchers for every glossary name as written and as the search index reads it, and the
    indexes of the terms each name belongs to; built once per term list."""
    owners: dict[str, list[int]] = {}
    for n, term in enumerate(terms):
        for name in dict.fromkeys(names(term)):
            owners.setdefault(name, []).append(n)
    plain = Matcher([_plain(name) for name in owners], WORD_CHARS)
    return Matcher(owners, WORD_CHARS), plain, owners


def words(line: str) -> list[str]:
    """The keywords of one keyword line's text after `关键词：`."""
    return [k.strip() for k in line.split("·") if k.strip()]


def section_keywords(markdown: str) -> dict[str, list[str]]:
    """Each section's keywords: a question's under its id, the page's own (before the first
    question) under ""."""
    starts = [(e.start, e.id) for e in find_entries(markdown)]
    found: dict[str, list[str]] = {}
    for match in KEYWORD_BLOCK.finditer(markdown):
        line = markdown.count("\n", 0, match.start())
        section = next((i for start, i in reversed(starts) if start <= line), "")
        found.setdefault(section, []).extend(words(KEYWORD_LINE.match(match[0])[1]))
    return found


def without_keyword_lines(markdown: str) -> str:
    """The page's Markdown with its keyword lines blanked (they are search terms, not reading),
    every other line in place."""
    return KEYWORD_BLOCK.sub(lambda m: "\n" * m[0].count("\n"), markdown)


def _plain(text: str) -> str:
    return _SEPARATORS.sub(" ", text.casefold()).strip()


def is_keyword_line(lines: list[str], index: int) -> bool:
    """Whether `lines[index]` is a keyword line (the block `KEYWORD_BLOCK` takes out)."""
    following = lines[index + 1] if index + 1 < len(lines) else ""
    return lines[index].startswith("关键词：") and bool(_ATTR_LINE.match(following))
