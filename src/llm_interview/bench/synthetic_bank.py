"""A synthetic bigger question bank: the repository copied with every entry `scale` times.

Each page that holds questions (entries found with pages.pagetext.find_entries that carry a
关键词 line, so the page's name and place do not matter: a topic page today, a subtopic page
after the split) is copied into sibling pages `<stem>-x<k>.md` in the same folder, k = 2…scale,
listed after it in the nav; no page grows.
A copy keeps the keyword lines (the search terms) and the answers, takes new ids (`<id>-x<k>`,
links to them inside the page follow) and a varied title, so search has to tell the copies apart.
Notebooks are left out of the copy unless asked for: executing and rendering them is a fixed
cost that says nothing about how the build grows with the bank. A copy that keeps them (the PDF
edition prints them as its appendix; bench_serve edits one) reads their executed outputs from
the repository's cache.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from llm_interview.pages.keywords import KEYWORD_LINE
from llm_interview.pages.pagetext import entry_text, find_entries

NOT_SOURCE = (".git", ".venv", "node_modules", "site", "build", ".cache", "__pycache__")
NOT_SOURCE += (".pytest_cache", ".ruff_cache")
# `{… #id …}` at the end of a heading line, and a link to an anchor of the same page.
HEADING_ID = re.compile(r"^(#{1,6}\s.*\{[^}\n]*?#)([A-Za-z0-9_-]+)([^}\n]*\}\s*)$", re.MULTILINE)
LOCAL_LINK = re.compile(r"\]\(#([A-Za-z0-9_-]+)\)")
ENTRY_TITLE = re.compile(r"^(##\s+)(.+?)(\s*\{)", re.MULTILINE)
PAGE_TITLE = re.compile(r"^(#\s+)(.+?)\s*$", re.MULTILINE)
NOTEBOOK_NAV = re.compile(r"^\s*- (?:[^:\n]+: )?notebooks/[\w-]+\.py\s*\n", re.MULTILINE)
# Ways an interviewer rephrases a question: copies differ in their title, not only by number.
PHRASINGS = ("请说明：", "面试追问：", "简述：", "展开讲讲：", "换个问法：", "结合实践谈谈：")


def scaled_copy(root: Path, dest: Path, scale: int, *, notebooks: bool = False) -> int:
    """Copy the repository at `root` to `dest` with every entry `scale` times (and its notebooks
    if `notebooks`); the entry count."""
    shutil.copytree(root, dest, ignore=shutil.ignore_patterns(*NOT_SOURCE), symlinks=True)
    for name in (".venv", "node_modules", *([".cache"] if notebooks else [])):
        (dest / name).symlink_to((root / name).resolve())
    config = dest / "mkdocs.yml"
    nav = config.read_text(encoding="utf-8")
    if not notebooks:
        shutil.rmtree(dest / "docs" / "notebooks", ignore_errors=True)
        nav = NOTEBOOK_NAV.sub("", nav)
    entries = 0
    for page in sorted((dest / "docs").rglob("*.md")):
        markdown = page.read_text(encoding="utf-8")
        found = len(questions(markdown))
        entries += found * scale
        if not found or scale == 1:
            continue
        siblings = [page.with_name(f"{page.stem}-x{k}.md") for k in range(2, scale + 1)]
        for k, sibling in enumerate(siblings, start=2):
            sibling.write_text(replicate(markdown, k), encoding="utf-8")
        nav = _list_after(nav, page.relative_to(dest / "docs").as_posix(), siblings)
    config.write_text(nav, encoding="utf-8")
    return entries


def questions(markdown: str) -> list:
    """The page's entries that are questions (a page's other `## … {#id}` sections are not)."""
    return [e for e in find_entries(markdown) if KEYWORD_LINE.search(entry_text(markdown, e))]


def replicate(markdown: str, k: int) -> str:
    """Copy `k` of a page: new ids, links to them, varied question and page titles."""
    phrasing = PHRASINGS[k % len(PHRASINGS)]
    text = HEADING_ID.sub(lambda m: f"{m[1]}{m[2]}-x{k}{m[3]}", markdown)
    text = LOCAL_LINK.sub(lambda m: f"](#{m[1]}-x{k})", text)
    text = ENTRY_TITLE.sub(lambda m: f"{m[1]}{phrasing}{m[2]}（第 {k} 组）{m[3]}", text)
    return PAGE_TITLE.sub(lambda m: f"{m[1]}{m[2]}（第 {k} 组）", text, count=1)


def _list_after(config: str, src: str, siblings: list[Path]) -> str:
    """`config` with the siblings named in the nav right after `src`, at its indentation."""
    line = re.compile(rf"^(\s*- )(?:[^:\n]+: )?{re.escape(src)}\s*$", re.MULTILINE)
    match = line.search(config)
    if match is None:  # pages not in an explicit nav are found by MkDocs itself
        return config
    folder = src.rsplit("/", 1)[0] + "/" if "/" in src else ""
    added = "".join(f"\n{match[1]}{folder}{s.name}" for s in siblings)
    return config[: match.end()] + added + config[match.end() :]
