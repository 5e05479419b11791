"""A drill as one `.py` file a reader runs with pytest: the skeleton, the checks, the cases."""

from __future__ import annotations

import functools
import inspect

from . import harness
from .source import Drill


@functools.cache  # the harness as imported: every drill's download and every build share it
def checks_source() -> str:
    """The harness's checks as source text, for the file to stand alone."""
    parts = [harness._as_floats, harness._shape, harness.shorten, harness.CaseFailure]
    parts += [harness.expect_close, harness.expect_equal]
    return "\n\n".join(inspect.getsource(p) for p in parts)


def download(drill: Drill, url: str) -> str:
    """The file: where it comes from, the skeleton to fill in, then the checks and the cases."""
    head = (
        f"# {drill.title}（手撕代码 · {drill.id}）\n# 题目与讲解：{url}\n"
        f"# 填好下面的函数，然后运行：pytest {drill.id}.py\n\n"
    )
    tail = (
        "\n\n# ---- 以下是测试用例，不用改 ----\n\n"
        "import math  # noqa: E402\nimport reprlib  # noqa: E402\n\n"
        + checks_source()
        + "\n\n"
        + drill.cases
    )
    return head + drill.skeleton.rstrip() + "\n" + tail
