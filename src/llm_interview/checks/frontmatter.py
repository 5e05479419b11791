"""A page's front matter: a YAML mapping whose `tags` are a list of words and whose strings are
text (checks/datafields.py). Checked by `make check` and by the build; read by pages.frontmatter."""

from __future__ import annotations

from llm_interview.checks import datafields
from llm_interview.checks.problem import Problem
from llm_interview.pages import frontmatter


def front_matter_problems(path: str, markdown: str) -> list[Problem]:
    """Front matter must be YAML of a mapping; tags a list of words; strings are text."""
    try:
        parts = frontmatter.split(markdown)
    except frontmatter.FrontMatterError as err:
        return [Problem(path, err.line, str(err))]
    tags = parts.meta.get("tags", [])
    if not isinstance(tags, list) or not all(isinstance(t, str) and t.strip() for t in tags):
        lines = markdown.split("\n")
        line = next((n for n, text in enumerate(lines, 1) if text.startswith("tags")), 1)
        return [Problem(path, line, "tags 要写成一串词，每行一个：「  - LoRA」")]
    return [
        Problem(path, line + 1, message)  # the front matter's first line is the page's second
        for line, key, value in datafields.strings(parts.source)
        if (message := datafields.text_problem(value, key))
    ]
