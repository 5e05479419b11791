"""A page's front matter: a YAML mapping whose `tags` are a list of words and whose strings are
text (editorial/datafields.py). Checked by `make check` and by the build."""

from __future__ import annotations

import re

import yaml

from llm_interview.checks import datafields
from llm_interview.checks.problem import Problem

FRONT_MATTER = re.compile(r"\A---\n(.*?\n)---\n", re.DOTALL)


def front_matter_problems(path: str, markdown: str) -> list[Problem]:
    """Front matter must be YAML of a mapping; tags a list of words."""
    m = FRONT_MATTER.match(markdown)
    if not markdown.startswith("---\n"):
        return []
    if not m:
        return [Problem(path, 1, "front matter 没有结束：在元数据之后单独一行写「---」")]
    try:
        meta = yaml.safe_load(m[1])
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 2 if mark else 1
        return [
            Problem(
                path,
                line,
                "front matter 不是合法的 YAML：检查缩进和冒号，如「tags:」下一行写「  - LoRA」",
            )
        ]
    if not isinstance(meta, dict):
        return [Problem(path, 2, "front matter 要写成「键: 值」，如「tags: [LoRA]」")]
    tags = meta.get("tags", [])
    if not isinstance(tags, list) or not all(isinstance(t, str) and t.strip() for t in tags):
        lines = markdown.split("\n")
        line = next((n for n, text in enumerate(lines, 1) if text.startswith("tags")), 1)
        return [Problem(path, line, "tags 要写成一串词，每行一个：「  - LoRA」")]
    return [
        Problem(path, line + 1, message)  # the front matter's first line is the page's second
        for line, key, value in datafields.strings(m[1])
        if (message := datafields.text_problem(value, key))
    ]
