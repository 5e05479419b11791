"""A drill's page and its section page, as Markdown the build renders like any other page."""

from __future__ import annotations

import html
import posixpath

from .source import Drill

RUNTIME_NAMES = {"python": "纯 Python", "numpy": "numpy"}


def _section(title: str, text: str) -> str:
    return f"## {title}\n\n{text}\n" if text else ""


def signature(drill: Drill) -> str:
    """The functions to write, as a Python block."""
    return "```python\n" + "\n".join(drill.functions) + "\n```"


def hints(drill: Drill) -> str:
    """Progressive hints: each folded; the page script shows hint n+1 once hint n is opened."""
    items = "".join(
        f'<li markdown="1"><details markdown="1"><summary>提示 {n}</summary>\n\n{hint}\n\n'
        "</details></li>\n"
        for n, hint in enumerate(drill.hints, 1)
    )
    return f'<ol class="drill-hints" markdown="1">\n{items}</ol>'


def bench(drill: Drill, assets: str, download: str) -> str:
    """The workbench: the skeleton (an editor once the page script runs), its data attributes."""
    attrs = {
        "data-drill-id": drill.id,
        "data-drill-runtime": drill.runtime,
        "data-drill-spec": f"{assets}/drills/{drill.id}.json",
        "data-drill-harness": f"{assets}/drills/harness.py",
        "data-drill-pyodide": f"{assets}/pyodide/",
        "data-drill-download": download,
    }
    shown = " ".join(f'{k}="{html.escape(v)}"' for k, v in attrs.items())
    code = html.escape(drill.skeleton)
    skeleton = f'<pre class="drill-skeleton"><code>{code}</code></pre>'
    return f'<div class="drill-bench" {shown}>{skeleton}</div>'


def drill_page(drill: Drill, related: list[tuple[str, str]], section: str) -> str:
    """The drill's page: task, signature, workbench, hints, what to say, mistakes, the reference
    behind a click, explanation, related questions ([(title, href)])."""
    assets = posixpath.relpath("assets", section + "/" + drill.id)
    keywords = " · ".join(drill.keywords)
    related_list = "\n".join(f"- [{title}]({href})" for title, href in related)
    level = f'<span class="qa-level" data-level="{drill.level}">{drill.level}</span>'
    parts = [
        f"---\ntitle: {drill.title}\n---\n",
        f"# {drill.title}\n",
        f"关键词：{keywords}\n{{: .qa-keywords }}\n",
        f'<p class="drill-meta">{level} · {RUNTIME_NAMES[drill.runtime]} · '
        f"{len(drill.mistakes)} 种常见错法都会被测试用例抓住</p>\n",
        _section("题目", drill.sections["题目"]),
        _section("函数签名", signature(drill)),
        "## 动手写 {#bench}\n\n"
        + bench(drill, assets, f"{drill.id}.py")
        + f"\n\n下载：[{drill.id}.py]({drill.id}/{drill.id}.py)（骨架加测试用例，"
        f"本地运行 `pytest {drill.id}.py`）\n",
        _section("提示", hints(drill)),
        _section("面试官想听到", drill.sections["面试官想听到"]),
        _section("常见错误", drill.sections["常见错误"]),
        "## 参考实现\n\n"
        '<details class="drill-solution print-omit" markdown="1">'
        "<summary>先自己写，再点开参考实现</summary>\n\n"
        f"```python\n{drill.solution.rstrip()}\n```\n\n</details>\n",
        _section("讲解", drill.sections["讲解"]),
        _section("相关题目", related_list),
    ]
    return "\n".join(p for p in parts if p)


def drill_list(drills: list[Drill]) -> str:
    """The section page's list: every drill with its level and runtime (marked 已通过 in the
    reader's browser)."""
    rows = "\n".join(
        f'<li data-drill-id="{d.id}" markdown="1">[{d.title}]({d.id}.md) '
        f'<span class="qa-level" data-level="{d.level}">{d.level}</span> '
        f"<small>{RUNTIME_NAMES[d.runtime]}</small></li>"
        for d in drills
    )
    return f'<ul class="drill-list" markdown="1">\n{rows}\n</ul>\n'
