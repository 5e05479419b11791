"""Find where one answer ends and the next begins, from the shape and wording of the lines."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from llm_interview.importer.records import Line
from llm_interview.importer.references import References
from llm_interview.importer.text import (
    URL_RE,
    Kind,
    is_bare_url,
    is_heading_like,
    is_latin_term_item,
    is_lead_in,
    is_term_item,
    kind_of,
    latin_words,
    opening,
    share_run,
    starts_with_connective,
)
from llm_interview.pages import topics

_LIST = {Kind.ITEM, Kind.ENUM}


@dataclass
class _Open:
    """What is known about the answer being read: its shape so far and its topic scores."""

    loose: bool = False  # a lone "-" opened a loose list
    closed: bool = False  # a closer (further reading, a bare URL) ended its text
    sectioned: bool | None = None  # it opened with a short "Name:" line heading a list
    words: set[str] = field(default_factory=set)  # English words and names it used
    scores: Counter[str] = field(default_factory=Counter)


def rule_starts(lines: list[Line], refs: References) -> list[bool]:
    """For each line, whether the rules say a new answer starts there."""
    starts = [True] * len(lines)
    state = _Open()
    for i, line in enumerate(lines):
        if i and not _starts_here(lines[i - 1], line, state, refs):
            starts[i] = False
        else:
            state = _Open()
        _absorb(line, state, refs)
    return starts


def _absorb(line: Line, state: _Open, refs: References) -> None:
    kind = kind_of(line.text)
    if state.sectioned is None:
        state.sectioned = is_heading_like(line.text)
    if kind is Kind.MARKER:
        state.loose = True
    if kind is Kind.CLOSER:
        state.closed = True
        ref = refs.find(line.text)
        if ref and ref.about:
            state.scores.update(topics.scores(ref.about))
    else:
        state.scores.update(topics.scores(line.text))
        state.words |= latin_words(line.text)


def _starts_here(prev: Line, line: Line, state: _Open, refs: References) -> bool:
    kind, before = kind_of(line.text), kind_of(prev.text)
    if kind is Kind.CODE:
        return False
    if kind is Kind.CLOSER:
        if is_bare_url(line.text) and URL_RE.search(prev.text):
            return True  # a run of links: each bare URL is a link-only answer
        return _closer_changes_subject(line, state, refs)
    if state.closed:
        return True
    if kind is Kind.MARKER:
        return before in _LIST and not state.loose
    if before is Kind.MARKER or is_lead_in(prev.text):
        return False
    if kind in _LIST:
        if before is Kind.PARA and not state.loose:
            return True
        return _changes_subject(line, state) or (
            is_latin_term_item(line.text) and not is_term_item(prev.text)
        )
    # A paragraph.
    if starts_with_connective(line.text):
        return False
    if before in _LIST and state.sectioned and is_heading_like(line.text):
        return False  # the next "Name:" section of an answer made of such sections
    if before in _LIST | {Kind.CODE} and len(latin_words(line.text) & state.words) >= 2:
        return False  # a closing paragraph about the names the list just introduced
    return not (before is Kind.PARA and _same_opening(prev, line))


def _changes_subject(line: Line, state: _Open) -> bool:
    """The line is clearly about another topic and shares no keyword with the answer so far."""
    mine = topics.scores(line.text)
    here = topics.leading(mine, minimum=4)
    so_far = topics.leading(state.scores)
    return here is not None and so_far is not None and here != so_far and not mine[so_far]


def _closer_changes_subject(line: Line, state: _Open, refs: References) -> bool:
    """A closer whose known subject differs from the answer it follows starts a link-only answer."""
    ref = refs.find(line.text)
    if not ref or not ref.about:
        return False
    here = topics.leading(topics.scores(ref.about), minimum=2)
    so_far = topics.leading(state.scores)
    return here is not None and here != so_far


def _same_opening(prev: Line, line: Line) -> bool:
    """Two paragraphs that open on the same subject ("自适应Softmax在…" / "自适应Softmax根据…")."""
    return share_run(opening(prev.text), opening(line.text), 4)


def split(lines: list[Line], starts: list[bool]) -> list[list[Line]]:
    """Cut `lines` into segments at the positions marked in `starts`."""
    segments: list[list[Line]] = []
    for line, start in zip(lines, starts, strict=True):
        if start or not segments:
            segments.append([])
        segments[-1].append(line)
    return segments
