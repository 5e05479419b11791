"""The notebooks' Jupytext sources in docs/notebooks and the metadata they declare.

Each source declares the curated entries it illustrates in its Jupytext header:

    # ---
    # jupyter:
    #   llm_interview:
    #     entries: [kv-cache-gqa, mha-vs-mqa]
    # ---

The same list ends up in the exported notebook's metadata (``metadata.llm_interview.entries``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import jupytext
import nbformat

from llm_interview import paths

ROOT = paths.ROOT
SOURCE_DIR = ROOT / "docs" / "notebooks"
EXPORT_DIR = ROOT / "notebooks"
METADATA_KEY = "llm_interview"
_TOPIC_LINK = re.compile(r"\]\(\.\./([\w-]+)/([\w-]+)\.md(#[\w-]+)?\)")


@dataclass(frozen=True)
class Notebook:
    """One notebook: its source file, title and the entry ids it illustrates."""

    source: Path
    title: str
    entries: tuple[str, ...]

    @property
    def name(self) -> str:
        return self.source.stem

    @property
    def export_path(self) -> Path:
        return EXPORT_DIR / f"{self.name}.ipynb"


def read_source(path: Path, text: str | None = None) -> nbformat.NotebookNode:
    """Parse a Jupytext source (its `text`, read from `path` if not given) into a notebook."""
    if text is None:
        text = path.read_text(encoding="utf-8")
    return jupytext.reads(text, fmt={"extension": path.suffix})


def describe(path: Path, text: str | None = None) -> Notebook:
    """Read a source's title (its first `# ` heading) and declared entry ids."""
    nb = read_source(path, text)
    entries = nb.metadata.get(METADATA_KEY, {}).get("entries", [])
    title = next(
        line[2:].strip()
        for cell in nb.cells
        if cell.cell_type == "markdown"
        for line in cell.source.splitlines()
        if line.startswith("# ")
    )
    return Notebook(source=path, title=title, entries=tuple(entries))


def discover(
    source_dir: Path = SOURCE_DIR, read: Callable[[Path], Notebook] = describe
) -> list[Notebook]:
    """All notebook sources, sorted by file name, each read by `read` (describe, or the
    notebooks plugin's site.memo.Memo of it)."""
    return [read(path) for path in sorted(source_dir.glob("*.py"))]


def markdown_cells(source: str) -> str:
    """A Jupytext percent-format notebook's Markdown cells as Markdown, every other line blank,
    so a finding's line is the line in the `.py` file."""
    lines, inside = [], False
    for line in source.split("\n"):
        if line.startswith("# %%"):
            inside = line.startswith("# %% [markdown]")
            lines.append("")
        else:
            lines.append(line.removeprefix("#").removeprefix(" ") if inside else "")
    return "\n".join(lines)


def site_links(text: str, site_url: str) -> str:
    """Turn links to a topic's pages (`../<topic>/<page>.md#id`) into absolute site URLs."""
    base = site_url.rstrip("/")

    def url(m: re.Match) -> str:
        page = "" if m[2] == "index" else f"{m[2]}/"
        return f"]({base}/{m[1]}/{page}{m[3] or ''})"

    return _TOPIC_LINK.sub(url, text)


def export(path: Path, site_url: str, text: str | None = None) -> str:
    """The output-free .ipynb text for a source, with topic links pointing at the live site."""
    nb = read_source(path, text)
    nb.metadata.pop("jupytext", None)
    for index, cell in enumerate(nb.cells):
        cell.id = f"cell-{index}"  # stable ids keep the exported copy byte-for-byte reproducible
        if cell.cell_type == "markdown":
            cell.source = site_links(cell.source, site_url)
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    return jupytext.writes(nb, fmt="ipynb")
