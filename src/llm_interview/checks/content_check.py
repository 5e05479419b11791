"""Every rule a page must follow, checked over the whole tree in well under a second.

`make check` runs these before a strict build; the build's hooks raise on the same rules, so the
two never disagree. Each finding is a `Problem` naming file, line and what to write instead.
"""

from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path

import yaml

from llm_interview.checks import datafields, entry_rules
from llm_interview.checks.datafields import ALLOWED_TAGS, forbidden_tag
from llm_interview.checks.drills import drill_problems
from llm_interview.checks.findings import Findings, files_digest
from llm_interview.checks.frontmatter import front_matter_problems
from llm_interview.checks.lint_copy import lint_text, load_seed
from llm_interview.checks.problem import Problem
from llm_interview.editorial import bibliography, errata, related
from llm_interview.math.check import formula_problems
from llm_interview.math.config import CACHE
from llm_interview.math.render import Renderer, RenderError
from llm_interview.notebooks.sources import Notebook, discover, markdown_cells
from llm_interview.pages import yamltext
from llm_interview.pages.formulas import without_formulas
from llm_interview.pages.layout import is_question_page
from llm_interview.pages.pagetext import find_entries, outside_fences

LINK_TARGET = re.compile(r"\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")


def _line_of(lines: list[str], pattern: str) -> int:
    """The 1-based line where an id first appears as a whole word (1 when nowhere)."""
    word = re.compile(rf"(?<![\w-]){re.escape(pattern)}(?![\w-])")
    return next((n for n, line in enumerate(lines, 1) if word.search(line)), 1)


def pending_entries(markdown: str) -> list:
    """Entries the importer added and no editor has reviewed (the 待审核 note): their text is
    the dump's, written as escaped HTML, and the review brings them up to the rules."""
    lines = markdown.split("\n")
    return [e for e in find_entries(markdown) if entry_rules.is_pending(lines, e)]


def raw_html_problems(path: str, markdown: str) -> list[Problem]:
    """HTML tags written into a page (outside code and math) other than a few inline ones."""
    lines = without_formulas(markdown).split("\n")  # fences as written: formulas hold none
    prose_lines = outside_fences(markdown.split("\n"))
    found = []
    for n, (line, prose) in enumerate(zip(lines, prose_lines, strict=True), 1):
        tag = forbidden_tag(line) if prose else None
        if tag:
            found.append(
                Problem(
                    path,
                    n,
                    f"页面里不能写 HTML 标签 <{tag}>：要显示尖括号就放进反引号，如 `<{tag}>`；"
                    f"排版用 Markdown（可以直接写的只有 {'、'.join(sorted(ALLOWED_TAGS))}）",
                )
            )
    return found


def anchor_problems(path: str, markdown: str, ids: dict[str, set[str]]) -> list[Problem]:
    """Links to a question (`#id`, `../topic/page.md#id`) must name an id on that page."""
    lines = markdown.split("\n")
    here = path.removeprefix("docs/")
    found = []
    for n, (line, prose) in enumerate(zip(lines, outside_fences(lines), strict=True), 1):
        if not prose:
            continue
        for target in LINK_TARGET.findall(datafields.CODE_SPAN.sub("", line)):
            if "://" in target or "#" not in target:
                continue
            file, anchor = target.split("#", 1)
            file += "index.md" if file.endswith("/") else ""
            page = (
                posixpath.normpath(posixpath.join(posixpath.dirname(here), file)) if file else here
            )
            if page in ids and anchor not in ids[page]:
                found.append(
                    Problem(
                        path,
                        n,
                        f"链接指向 docs/{page} 上不存在的题目 #{anchor}：检查 id 拼写，"
                        "id 就是题目标题末尾 {#…} 里的那一段",
                    )
                )
    return found


def related_problems(text: str, ids: set[str], pending: set[str] = frozenset()) -> list[Problem]:
    """data/related.yaml names only ids that are on a page, each pair once; every reviewed
    entry has at least one related question."""
    path, lines = "data/related.yaml", text.split("\n")
    try:
        declared = yamltext.load(text) or {}
    except yaml.YAMLError:
        return [Problem(path, 1, "不是合法的 YAML：每组写成一行「  - [id-a, id-b]」")]
    groups = declared.get("groups") or []
    unknown = sorted({i for g in groups for i in g if i not in ids})
    found = [
        Problem(
            path,
            _line_of(lines, i),
            f"页面上没有 id 为「{i}」的题目：检查拼写，或先把这道题写进页面",
        )
        for i in unknown
    ]
    if found:
        return found
    try:
        links = related.neighbours(groups, ids)
    except related.RelatedError as err:
        return [Problem(path, 1, str(err))]
    alone = set(declared.get("alone") or [])
    return [
        Problem(
            path,
            len(lines),
            f"「{i}」还没有相关问题：在 groups 里加一行「  - [{i}, 另一道相关题的-id]」",
        )
        for i in sorted(ids - set(links) - alone - pending)
    ]


def notebook_problems(notebooks: list[Notebook], ids: set[str]) -> list[Problem]:
    """A notebook's header may only name entries that exist."""
    found = []
    for nb in notebooks:
        lines = nb.source.read_text(encoding="utf-8").split("\n")
        for entry in nb.entries:
            if entry not in ids:
                found.append(
                    Problem(
                        f"docs/notebooks/{nb.source.name}",
                        _line_of(lines, entry),
                        f"entries 里的「{entry}」不是任何页面上的题目 id：改成已有的 id",
                    )
                )
    return found


def notebook_markdown(notebooks: list[Notebook]) -> dict[str, str]:
    """Each notebook's Markdown cells, by the notebook's path (lines as in the `.py` file)."""
    return {
        f"docs/notebooks/{nb.source.name}": markdown_cells(nb.source.read_text(encoding="utf-8"))
        for nb in notebooks
    }


def notebook_markup_problems(cells: dict[str, str]) -> list[Problem]:
    """Markdown cells follow the pages' HTML rule (the build also sanitises the notebook page)."""
    return [p for path, markdown in cells.items() for p in raw_html_problems(path, markdown)]


def math_problems(root: Path, texts: dict[str, str]) -> list[Problem]:
    """Every formula of the pages and the notebooks' Markdown cells (`texts`) that KaTeX refuses
    (rendered once, then from the cache the build shares)."""
    try:
        with Renderer(root / CACHE) as renderer:
            return formula_problems(texts, renderer)
    except RenderError as err:
        return [Problem("package.json", 1, str(err))]


def bibliography_problems(root: Path, pages: dict[str, str]) -> list[Problem]:
    """Citations name registered works, and every registered work is cited."""
    citations = [c for p, t in pages.items() for c in bibliography.find_citations(p, t)]
    try:
        bibliography.check(bibliography.load(root / "data" / "references.yaml"), citations)
    except bibliography.BibliographyError as err:
        where, _, message = str(err).partition(": ")
        if ":" in where and where.startswith("docs/"):
            file, line = where.rsplit(":", 1)
            return [Problem(file, int(line), message)]
        return [Problem("data/references.yaml", 1, str(err))]
    return []


def errata_problems(path: str, markdown: str) -> list[Problem]:
    try:
        errata.parse_notes(markdown)
    except errata.ErrataError as err:
        return [Problem(path, err.line, str(err))]
    return []


def page_problems(path: str, text: str, ids: dict[str, set[str]], seed: str) -> list[Problem]:
    """The rules one page must follow, leaving out entries that still await review."""
    found = front_matter_problems(path, text) + raw_html_problems(path, text)
    found += anchor_problems(path, text, ids)
    found += [Problem(path, p.line, f"{p.message} — {p.fix}") for p in lint_text(text, seed)]
    page = path.removeprefix("docs/")
    if page in ids:
        found += entry_rules.page_problems(page, text) + errata_problems(path, text)
    pending = {n for e in pending_entries(text) for n in range(e.start + 1, e.end + 1)}
    return [p for p in found if p.line not in pending]


def collect(root: Path) -> list[Problem]:
    """Every problem in the tree at `root`, sorted by file and line. Data files come first: while
    one is malformed, the rules that read it would only fail after it."""
    data = datafields.problems(root)
    if data:
        return sorted(set(data))
    docs = root / "docs"
    texts = {
        p.relative_to(root).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(docs.rglob("*.md"))
    }
    pages = {p.removeprefix("docs/"): t for p, t in texts.items()}
    topic_pages = {p: t for p, t in pages.items() if is_question_page(p)}
    ids = {page: {e.id for e in find_entries(text)} for page, text in topic_pages.items()}
    question_ids = set().union(*ids.values())
    pending = {e.id for text in topic_pages.values() for e in pending_entries(text)}
    seed = load_seed(root / "seed")
    findings = Findings(root)  # an edit checks its own page again, and pages that link to ids
    listing = json.dumps({page: sorted(found) for page, found in ids.items()}, sort_keys=True)

    def on_page(path: str, text: str) -> list[Problem]:
        return findings.known(
            "page", [path, text, listing], lambda: page_problems(path, text, ids, seed)
        )

    found = [p for path, text in texts.items() for p in on_page(path, text)]
    found += entry_rules.duplicate_ids(pages) + entry_rules.placement_problems(pages)
    related_yaml = (root / "data" / "related.yaml").read_text("utf-8")
    found += related_problems(related_yaml, question_ids, pending)
    found += bibliography_problems(root, topic_pages)
    notebooks = discover(root / "docs" / "notebooks")
    cells = notebook_markdown(notebooks)
    found += notebook_problems(notebooks, question_ids) + notebook_markup_problems(cells)
    drills = files_digest(root, "drills")
    found += findings.known("drills", [drills, listing], lambda: drill_problems(root, question_ids))
    findings.save()
    return sorted(set(found + math_problems(root, texts | cells)))
