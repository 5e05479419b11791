"""Many words found in one pass over a text: an Aho–Corasick automaton built once per word list.

Time is linear in the text (plus the matches found), however many words there are, which a
regular expression with hundreds of alternatives is not.
"""

from __future__ import annotations

import string
from collections.abc import Callable, Iterable

import ahocorasick

_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)


def ascii_lower(text: str) -> str:
    """`text` with ASCII capitals lowered and nothing else changed (same length, so positions
    found in it hold in `text`): match lowered words against it to ignore Latin letter case."""
    return text.translate(_ASCII_LOWER)


class Matcher:
    """Finds the words of a fixed list in texts; `bounded(word)` says which of them must not
    start or end inside a run of `word_chars` (an ASCII word)."""

    def __init__(
        self,
        words: Iterable[str],
        word_chars: str,
        bounded: Callable[[str], bool] = lambda word: True,
    ):
        self._automaton = ahocorasick.Automaton()
        for word in set(words):
            if word:
                self._automaton.add_word(word, (word, bounded(word)))
        self._empty = len(self._automaton) == 0
        if not self._empty:
            self._automaton.make_automaton()
        self._word_chars = frozenset(word_chars)

    def all(self, text: str) -> list[tuple[int, str]]:
        """Every (start, word) in `text`, overlapping ones included, in order of their end."""
        if self._empty:
            return []
        found = []
        chars, size = self._word_chars, len(text)
        for end, (word, bounded) in self._automaton.iter(text):
            start = end - len(word) + 1
            if bounded and (
                (start > 0 and text[start - 1] in chars)
                or (end + 1 < size and text[end + 1] in chars)
            ):
                continue
            found.append((start, word))
        return found

    def leftmost_longest(self, text: str) -> list[str]:
        """Words read left to right without overlap, the longest one wherever several start.

        The same as `re.finditer` over one alternation of the words sorted longest first.
        """
        return [word for _, word in self.spans(text)]

    def spans(
        self, text: str, accept: Callable[[int, str], bool] = lambda start, word: True
    ) -> list[tuple[int, str]]:
        """(start, word) read left to right without overlap, the longest accepted word wherever
        several start; `accept(start, word)` can turn a match down (a neighbour it must not have).
        """
        longest: dict[int, str] = {}
        for start, word in self.all(text):
            if len(word) > len(longest.get(start, "")) and accept(start, word):
                longest[start] = word
        found, cursor = [], 0
        for start in sorted(longest):
            if start >= cursor:
                found.append((start, longest[start]))
                cursor = start + len(longest[start])
        return found
