"""The glossary page and the tooltip snippet, rendered from the terms in pages.glossary."""

from __future__ import annotations

from llm_interview.checks.datafields import escape
from llm_interview.editorial.listing import first_few
from llm_interview.pages.glossary import Term


def abbreviations(terms: list[Term]) -> str:
    """The snippet appended to every page: one `*[term]: tooltip` line per term, a blank line
    between them. Python-Markdown takes a definition off the front of its block and tests the
    rest again, so one block of every term cost each page a tenth of its rendering."""
    head = "<!-- 由 data/glossary.yaml 生成，请勿手改（llm-interview/editorial） -->"
    return "\n\n".join([head, *(f"*[{t.term}]: {t.tooltip}" for t in terms)]) + "\n"


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
            links = first_few(
                [f"[{title}]({page}#{eid})" for page, eid, title in used_in[t.id]], "、"
            )
            out += [
                f"### {escape(t.term)} {{#{t.id}}}",
                "",
                f"**{escape(t.zh)}** · *{escape(t.en)}*",
            ]
            out += ["", escape(t.definition), "", f"出现在：{links}", ""]
    return "\n".join(out)
