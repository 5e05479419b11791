"""Glossary terms: loading, finding where entries use them, the glossary page and tooltips."""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

WORD = "A-Za-z0-9_"
FIELDS = ("id", "term", "zh", "en", "aliases", "definition", "topic")


class GlossaryError(ValueError):
    """A glossary.yaml problem: missing field, duplicate id or duplicate surface form."""


@dataclass(frozen=True)
class Term:
    """One glossary term (see the schema at the top of scripts/glossary.yaml)."""

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
    terms = []
    for raw in yaml.safe_load(text)["terms"]:
        missing = [f for f in FIELDS if f not in raw]
        if missing:
            raise GlossaryError(f"{raw.get('id', raw)}: missing {missing}")
        terms.append(Term(**{**raw, "aliases": tuple(raw["aliases"])}))
    _check_unique(terms)
    return terms


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


def usage_pattern(term: Term) -> re.Pattern[str]:
    """Matches any surface form of `term` (ASCII letters case-insensitively)."""
    forms = sorted(term.forms, key=len, reverse=True)
    return re.compile(bounded("|".join(re.escape(f) for f in forms)), re.IGNORECASE)


def uses(terms: list[Term], text: str) -> list[Term]:
    """The terms that `text` uses."""
    return [t for t in terms if usage_pattern(t).search(text)]


def abbreviations(terms: list[Term]) -> str:
    """The snippet appended to every page: one `*[term]: tooltip` line per term."""
    head = "<!-- 由 scripts/glossary.yaml 生成，请勿手改（scripts/hooks/editorial.py） -->"
    return "\n".join([head, "", *(f"*[{t.term}]: {t.tooltip}" for t in terms), ""])


def render(
    terms: list[Term],
    topics: list[tuple[str, str]],
    used_in: dict[str, list[tuple[str, str, str]]],
) -> str:
    """Glossary page body: only used terms, grouped by topic (`topics` pairs id and name).

    `used_in` maps a term id to (page, entry id, entry title) triples.
    """
    out = []
    for topic, name in topics:
        group = [t for t in terms if t.topic == topic and used_in.get(t.id)]
        if not group:
            continue
        out += [f"## {name}", ""]
        for t in sorted(group, key=lambda t: t.term.casefold()):
            links = "、".join(f"[{title}]({page}#{eid})" for page, eid, title in used_in[t.id])
            out += [f"### {t.term} {{#{t.id}}}", "", f"**{t.zh}** · *{t.en}*", ""]
            out += [t.definition, "", f"出现在：{links}", ""]
    return "\n".join(out)
