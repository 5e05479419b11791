"""Check that each drill's cases can tell right from wrong: the reference passes every case,
each wrong solution and the bare skeleton fail at least one."""

from __future__ import annotations

import warnings
from dataclasses import dataclass

from . import harness
from .source import Drill


@dataclass(frozen=True)
class Verdict:
    """What one solution did against the drill's cases."""

    drill: str
    solution: str
    report: dict

    @property
    def passed(self) -> bool:
        return harness.passed(self.report)

    def failures(self) -> list[str]:
        if self.report["error"]:
            err = self.report["error"]
            return [f"{err['type']}（第 {err['line']} 行）：{err['message']}"]
        return [f"{c['name']}：{c['message']}" for c in self.report["cases"] if not c["ok"]]


def verdicts(drill: Drill) -> list[Verdict]:
    """The reference, the skeleton and every wrong solution, each run against the cases."""
    sources = [("solution", drill.solution), ("skeleton", drill.skeleton)]
    sources += [(f"wrong_{m.name}", m.source) for m in drill.mistakes]
    with warnings.catch_warnings():  # a wrong solution's overflow is what the cases catch
        warnings.simplefilter("ignore")
        return [Verdict(drill.id, name, harness.run(src, drill.cases)) for name, src in sources]


def problems(drill: Drill) -> list[str]:
    """Chinese sentences for every way the drill's cases fail their purpose (empty: all good)."""
    found = []
    for v in verdicts(drill):
        if v.solution == "solution" and not v.passed:
            found.append(f"{drill.id}: 参考实现没有通过：{'；'.join(v.failures())}")
        elif v.solution != "solution" and v.passed:
            found.append(f"{drill.id}: {v.solution}.py 通过了全部用例：用例抓不住这个错误")
    return found
