"""A page's front matter: the one reader of the `---` YAML block at the top of a Markdown file."""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

from llm_interview.pages import yamltext

BLOCK = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)


class FrontMatterError(ValueError):
    """Malformed front matter, with the 1-based line in the page and the fix in Chinese."""

    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line


@dataclass(frozen=True)
class Split:
    """The front matter's mapping, its YAML source, and the page body under it (`body_line`: its
    first line)."""

    meta: dict
    body: str
    body_line: int
    source: str = ""


def split(markdown: str) -> Split:
    """The page's front matter and body; raises FrontMatterError when it is not a YAML mapping."""
    if not markdown.startswith("---"):
        return Split({}, markdown, 1)
    match = BLOCK.match(markdown)
    if not match:
        raise FrontMatterError(1, "front matter 没有结束：在元数据之后单独一行写「---」")
    try:
        meta = yamltext.load(match[1] or "")
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        raise FrontMatterError(
            mark.line + 2 if mark else 1,
            "front matter 不是合法的 YAML：检查缩进和冒号，如「tags:」下一行写「  - LoRA」",
        ) from None
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise FrontMatterError(2, "front matter 要写成「键: 值」，如「tags: [LoRA]」")
    return Split(meta, markdown[match.end() :], match[0].count("\n") + 1, match[1] or "")


def line_count(markdown: str) -> int:
    """How many lines the front matter takes at the top of the page (0 without one)."""
    match = BLOCK.match(markdown)
    return match[0].count("\n") if match else 0


def meta(markdown: str) -> dict:
    """The front matter's mapping, or an empty one when it is missing or malformed (make check
    reports malformed front matter with its line)."""
    try:
        return split(markdown).meta
    except FrontMatterError:
        return {}
