"""Execute a notebook source headless and say where it failed, as `file:line: message`.

The line is the failing line of the Jupytext source (cells start at `# %%` markers), found from
IPython's `---->` marker in the traceback, or the cell's first line when there is none.
"""

from __future__ import annotations

import os
import re
from contextlib import contextmanager
from pathlib import Path

import nbclient

from .sources import read_source

CELL_MARKER = re.compile(r"^# %%")
ANSI = re.compile(r"\x1b\[[0-9;]*m")
ARROW = re.compile(r"^-+> (\d+)", re.MULTILINE)
CELL_TIMEOUT = 120


def cell_lines(text: str) -> list[int]:
    """The 1-based line of each cell's marker in a percent-format source."""
    return [n for n, line in enumerate(text.split("\n"), 1) if CELL_MARKER.match(line)]


@contextmanager
def _quiet_kernel():
    """The kernel inherits stderr and warns about its TCP transport on every start; hide that."""
    saved = os.dup(2)
    with open(os.devnull, "w") as devnull:
        os.dup2(devnull.fileno(), 2)
        try:
            yield
        finally:
            os.dup2(saved, 2)
            os.close(saved)


def failure(path: Path) -> tuple[int, str] | None:
    """None when every cell runs; else (line in the source, what went wrong)."""
    notebook = read_source(path)
    client = nbclient.NotebookClient(notebook, timeout=CELL_TIMEOUT, kernel_name="python3")
    try:
        with _quiet_kernel():
            client.execute()
    except nbclient.exceptions.CellExecutionError as err:
        index = next(
            i
            for i, cell in enumerate(notebook.cells)
            if any(o.get("output_type") == "error" for o in cell.get("outputs", []))
        )
        markers = cell_lines(path.read_text(encoding="utf-8"))
        start = markers[index] if index < len(markers) else 1
        arrow = ARROW.search(ANSI.sub("", str(err.traceback)))
        line = start + int(arrow[1]) if arrow else start
        return line, f"{err.ename}: {err.evalue}".strip()
    return None
