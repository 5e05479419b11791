"""A formula KaTeX refuses, as `file:line: what to change` (`make check` and the build alike)."""

from __future__ import annotations

from llm_interview.checks.problem import Problem
from llm_interview.pages.formulas import formulas

from .render import Failure, Renderer

HINT = (
    "改正这条公式的 LaTeX：检查花括号和 \\left…\\right 是否成对、命令是否拼对"
    "（KaTeX 支持的命令见 https://katex.org/docs/supported.html），中文写在 \\text{…} 里"
)


def problem(path: str, line: int, failure: Failure) -> Problem:
    return Problem(path, line, f"公式无法渲染（{failure.message}）：{HINT}")


def formula_problems(pages: dict[str, str], renderer: Renderer) -> list[Problem]:
    """Every formula KaTeX refuses in `pages` ({path: Markdown}), rendered in one batch."""
    found = [(path, f) for path, markdown in pages.items() for f in formulas(markdown)]
    results = renderer.render((f.tex, f.display) for _, f in found)
    return [
        problem(path, f.line, result)
        for (path, f), result in zip(found, results, strict=True)
        if isinstance(result, Failure)
    ]


def line_of(tex: str, display: bool, pages: dict[str, str]) -> tuple[str, int] | None:
    """The first (path, line) among `pages` ({path: Markdown}) where the formula is written."""
    return next(
        (
            (path, f.line)
            for path, markdown in pages.items()
            for f in formulas(markdown)
            if f.tex == tex and f.display == display
        ),
        None,
    )
