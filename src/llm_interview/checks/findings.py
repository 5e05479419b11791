"""What the content check found, kept on disk between checks: each finding list is filed under a
digest of everything it depends on, so after an edit only the changed page is checked again.

The digest always covers the rules themselves (this package's code) and the data they read
(`data/`, `seed/`); a change to either checks everything again.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Iterable
from pathlib import Path

from llm_interview.checks.problem import Problem

PACKAGE = Path(__file__).resolve().parents[1]
FILE = Path(".cache") / "check" / "findings.json"


def digest(parts: Iterable[str | bytes]) -> str:
    h = hashlib.sha256()
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "little") + data)
    return h.hexdigest()


def files_digest(root: Path, *names: str) -> str:
    """One digest over the files and folders `names` under `root`: every file's path from
    `root` and its bytes (bytecode caches left out)."""
    found = []
    for name in names:
        top = root / name
        found += sorted(top.rglob("*")) if top.is_dir() else [top]
    files = [f for f in found if f.is_file() and "__pycache__" not in f.parts]
    return digest(x for f in files for x in (f.relative_to(root).as_posix(), f.read_bytes()))


class Findings:
    """The findings of the last check at `root`; `known` answers from them or computes anew.
    `save` keeps only what this check asked for."""

    def __init__(self, root: Path):
        self.path = root / FILE
        rules = files_digest(PACKAGE.parent, PACKAGE.name)
        self.context = digest([rules, files_digest(root, "data", "seed")])
        try:
            self.kept = json.loads(self.path.read_text("utf-8"))
        except (OSError, ValueError):
            self.kept = {}
        self.used: dict[str, list] = {}

    def known(
        self, name: str, inputs: Iterable[str | bytes], compute: Callable[[], list[Problem]]
    ) -> list[Problem]:
        key = digest([self.context, name, *inputs])
        found = [Problem(*p) for p in self.kept[key]] if key in self.kept else compute()
        self.used[key] = [[p.path, p.line, p.message] for p in found]
        return found

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fresh = self.path.with_suffix(f".{os.getpid()}")  # replaced whole, never read half written
        fresh.write_text(json.dumps(self.used, ensure_ascii=False), "utf-8")
        fresh.replace(self.path)
