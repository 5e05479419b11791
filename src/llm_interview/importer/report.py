"""The JSON report of a run: every entry of the input with its lines, merges and warnings."""

from __future__ import annotations

import json
from pathlib import Path

from llm_interview.importer.assemble import Assembly
from llm_interview.importer.topicpages import PagePlan, located
from llm_interview.pages.urls import page_url


def build(assembly: Assembly, plans: list[PagePlan], out: Path, cleaned: list[dict]) -> dict:
    """The report as plain data; `lines` are the 1-based dump lines each entry holds.

    `cleaned` lists every dump line whose invisible characters the importer removed.
    """
    added = {i for p in plans for i in p.added}
    where = located(out, plans)
    return {
        "entries": [
            {
                "id": e.id,
                "topic": e.topic,
                "title": e.title,
                "page": where[e.id],
                "anchor": f"{page_url(where[e.id])}#{e.id}",
                "curated": e.curated,
                "written": e.id in added,
                "lines": e.line_numbers,
            }
            for e in assembly.entries
        ],
        "merged": assembly.merged,
        "cleaned": cleaned,
        "warnings": assembly.warnings,
        "pages": {
            str(p.path.relative_to(out)): {"changed": p.changed, "added": p.added} for p in plans
        },
    }


def dumps(report: dict) -> str:
    """Stable, readable JSON text."""
    return json.dumps(report, ensure_ascii=False, indent=2) + "\n"
