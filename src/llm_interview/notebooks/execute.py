"""Executed notebooks, cached by their code: editing a Markdown cell never starts a kernel.

The outputs of a notebook are stored under a key made of its code cells, the kernel and the
pinned runtime (requirements.txt). A Markdown edit finds them and re-renders at once; a code edit
runs that notebook alone. A cell that fails is reported as `file:line` of the Jupytext source.
"""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
from pathlib import Path

import nbclient
import nbformat

from llm_interview.notebooks.sources import ROOT, read_source

KERNEL = "python3"
CELL_TIMEOUT = 120
CELL_MARKER = re.compile(r"^# %%")
ANSI = re.compile(r"\x1b\[[0-9;]*m")
ARROW = re.compile(r"^-+> (\d+)", re.MULTILINE)


class NotebookError(RuntimeError):
    """A cell raised: where in the source and what."""

    def __init__(self, path: Path, line: int, what: str):
        super().__init__(f"{path}:{line}: 笔记运行出错：{what}。改好这一格再运行 make check")
        self.line = line


def code_key(notebook: nbformat.NotebookNode) -> str:
    """What the outputs depend on: the code cells in order, the kernel, the pinned runtime."""
    digest = hashlib.sha256(KERNEL.encode())
    digest.update((ROOT / "requirements.txt").read_bytes())
    for cell in notebook.cells:
        if cell.cell_type == "code":
            digest.update(b"\0" + cell.source.encode())
    return digest.hexdigest()


def cell_lines(text: str) -> list[int]:
    """The 1-based line of each cell's `# %%` marker in a percent-format source."""
    return [n for n, line in enumerate(text.split("\n"), 1) if CELL_MARKER.match(line)]


def _run(notebook: nbformat.NotebookNode, source: Path, shown: Path) -> None:
    client = nbclient.NotebookClient(notebook, timeout=CELL_TIMEOUT, kernel_name=KERNEL)
    try:  # the kernel warns about its TCP transport on every start: not for the reader
        client.execute(stderr=subprocess.DEVNULL)
    except nbclient.exceptions.CellExecutionError as err:
        index = next(
            i
            for i, cell in enumerate(notebook.cells)
            if any(o.get("output_type") == "error" for o in cell.get("outputs", []))
        )
        markers = cell_lines(source.read_text(encoding="utf-8"))
        start = markers[index] if index < len(markers) else 1
        arrow = ARROW.search(ANSI.sub("", str(err.traceback)))
        line = start + int(arrow[1]) if arrow else start
        raise NotebookError(shown, line, f"{err.ename}: {err.evalue}".strip()) from None


def executed(source: Path, cache_dir: Path) -> Path:
    """The source as an executed .ipynb in `cache_dir`, running the kernel only for new code."""
    notebook = read_source(source)
    outputs_file = cache_dir / "outputs" / f"{code_key(notebook)}.json"
    code_cells = [c for c in notebook.cells if c.cell_type == "code"]
    if outputs_file.exists():
        for cell, run in zip(code_cells, json.loads(outputs_file.read_text("utf-8")), strict=True):
            cell.outputs = [nbformat.from_dict(o) for o in run["outputs"]]
            cell.execution_count = run["execution_count"]
    else:
        shown = source.relative_to(ROOT) if source.is_relative_to(ROOT) else source
        _run(notebook, source, shown)
        runs = [{"outputs": c.outputs, "execution_count": c.execution_count} for c in code_cells]
        outputs_file.parent.mkdir(parents=True, exist_ok=True)
        outputs_file.write_text(json.dumps(runs), encoding="utf-8")
    target = cache_dir / "notebooks" / f"{source.stem}.ipynb"
    text = nbformat.writes(notebook)
    if not target.exists() or target.read_text(encoding="utf-8") != text:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return target
