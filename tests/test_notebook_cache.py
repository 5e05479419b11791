"""Notebook outputs are cached by code: a Markdown edit reuses them, a code edit runs the kernel,
and a failing cell is reported at its line in the Jupytext source."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

from llm_interview.notebooks import execute

SOURCE = """# ---
# jupyter:
#   kernelspec: {display_name: Python 3, language: python, name: python3}
# ---

# %% [markdown]
# # 标题

# %%
x = 6 * 7
print(x)
"""


def outputs(path: Path) -> str:
    notebook = nbformat.read(path, as_version=4)
    code = [c for c in notebook.cells if c.cell_type == "code"]
    return "".join(o.get("text", "") for c in code for o in c.outputs)


def test_markdown_edits_reuse_outputs_and_code_edits_rerun(tmp_path: Path, monkeypatch):
    source = tmp_path / "demo.py"
    source.write_text(SOURCE, encoding="utf-8")
    cache = tmp_path / "cache"
    assert outputs(execute.executed(source, cache)) == "42\n"

    ran = []
    real_run = execute._run
    monkeypatch.setattr(execute, "_run", lambda *a: ran.append(a) or real_run(*a))
    source.write_text(SOURCE.replace("# # 标题", "# # 新标题"), encoding="utf-8")
    target = execute.executed(source, cache)
    assert ran == [] and outputs(target) == "42\n"
    assert "新标题" in target.read_text(encoding="utf-8")

    source.write_text(SOURCE.replace("6 * 7", "6 * 8"), encoding="utf-8")
    assert outputs(execute.executed(source, cache)) == "48\n"
    assert len(ran) == 1


def test_a_failing_cell_names_its_source_line(tmp_path: Path):
    source = tmp_path / "demo.py"
    source.write_text(SOURCE.replace("print(x)", "assert x == 41, '算错了'"), encoding="utf-8")
    with pytest.raises(execute.NotebookError) as err:
        execute.executed(source, tmp_path / "cache")
    assert err.value.line == 11
    assert str(err.value).startswith(f"{source}:11: 笔记运行出错：AssertionError: 算错了")
