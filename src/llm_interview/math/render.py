"""Formulas to MathML with KaTeX (npm `katex`, pinned in package-lock.json), at build time.

One Node process (katex-render.mjs) serves a whole build and takes each page's formulas in one
batch; it starts only when a formula is not in the cache yet. The cache, one JSON file under
.cache/math named after KaTeX's version and the options, keeps every formula rendered so far by
its source and display flag, so a warm build starts no Node at all. A formula KaTeX refuses
(`throwOnError`) comes back as a `Failure` with KaTeX's message and is not cached.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from llm_interview import paths

from .mathml import for_browsers

KATEX = paths.ROOT / "node_modules" / "katex"
SCRIPT = Path(__file__).with_name("katex-render.mjs")
OPTIONS = {"output": "mathml", "throwOnError": True, "strict": "ignore"}
FORMAT = 6  # the stored markup's form (compact, mathml): a change renders every formula anew
# KaTeX's MathML output, of which the page keeps the <math> element and its formula: the
# <semantics> wrapper and the TeX source in <annotation> would double each formula's weight
# and elements, and a browser shows neither.
KATEX_MATHML = re.compile(
    r'<span class="katex"><math xmlns="http://www.w3.org/1998/Math/MathML"( display="block")?>'
    r'<semantics>(.*)<annotation encoding="application/x-tex">[^<]*</annotation></semantics>'
    r"</math></span>",
    re.DOTALL,
)


class RenderError(RuntimeError):
    """KaTeX could not run at all (no Node, no KaTeX); the message is one line."""


@dataclass(frozen=True)
class Failure:
    """KaTeX refused a formula: its message, e.g. `KaTeX parse error: Expected '}' …`."""

    message: str


def compact(katex_html: str) -> str:
    """KaTeX's output for one formula as the bare `<math>` element the page shows, as a MathML
    Core browser needs it (math.mathml)."""
    m = KATEX_MATHML.fullmatch(katex_html)
    if m is None:
        raise RenderError(f"KaTeX 的 MathML 输出不是预期的形式：{katex_html[:80]}")
    return for_browsers(f"<math{m[1] or ''}>{m[2]}</math>")


def katex_version() -> str:
    """The installed KaTeX's version, read without Node."""
    try:
        return json.loads((KATEX / "package.json").read_text(encoding="utf-8"))["version"]
    except FileNotFoundError:
        raise RenderError("缺少 KaTeX：node_modules/katex 不存在，先运行 npm ci") from None


class Renderer:
    """Renders formulas, from the cache in `cache_dir` where it can. Use as a context manager
    (or call close()): it stops the Node process and saves what was newly rendered."""

    def __init__(self, cache_dir: Path):
        options = json.dumps(OPTIONS, sort_keys=True) + str(FORMAT)
        digest = hashlib.sha256(options.encode()).hexdigest()[:12]
        self.path = cache_dir / f"katex-{katex_version()}-{digest}.json"
        try:
            self.cache: dict[str, str] = json.loads(self.path.read_text(encoding="utf-8"))
        except (FileNotFoundError, ValueError):
            self.cache = {}
        self.added = 0
        self.node: subprocess.Popen | None = None
        self.errors = None  # Node's stderr, a temporary file read only when Node fails
        self.started = 0  # Node processes started (a warm build starts none)

    def __enter__(self) -> Renderer:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def render(self, formulas: Iterable[tuple[str, bool]]) -> list[str | Failure]:
        """For each (tex, display), its `<math>` element or the Failure KaTeX reported."""
        formulas = list(formulas)
        keys = [f"{display:d}{tex}" for tex, display in formulas]
        missing = list(dict.fromkeys(k for k in keys if k not in self.cache))
        fresh: dict[str, str | Failure] = {}
        if missing:
            answers = self._ask([[k[1:], k[0] == "1"] for k in missing])
            for key, answer in zip(missing, answers, strict=True):
                if "html" in answer:
                    self.cache[key] = compact(answer["html"])
                    self.added += 1
                else:
                    fresh[key] = Failure(answer["error"])
        return [fresh.get(k) or self.cache[k] for k in keys]

    def _ask(self, batch: list) -> list[dict]:
        node = self._process()
        try:
            node.stdin.write(json.dumps(batch, ensure_ascii=False) + "\n")
            node.stdin.flush()
            line = node.stdout.readline()
        except BrokenPipeError:
            line = ""
        if not line:
            node.wait()
            self.errors.seek(0)
            error = self.errors.read().decode("utf-8", "replace").strip().splitlines()
            self.close()
            cause = next((line for line in error if "Error" in line), "没有输出")
            raise RenderError(f"KaTeX 渲染进程退出了：{cause}")
        return json.loads(line)

    def _process(self) -> subprocess.Popen:
        if self.node is None:
            self.errors = tempfile.TemporaryFile()  # noqa: SIM115 (closed by close())
            command = ["node", str(SCRIPT), str(KATEX / "dist" / "katex.mjs"), json.dumps(OPTIONS)]
            try:
                self.node = subprocess.Popen(
                    command,
                    stdin=subprocess.PIPE,
                    stdout=subprocess.PIPE,
                    stderr=self.errors,
                    text=True,
                    encoding="utf-8",
                )
            except FileNotFoundError:
                raise RenderError("没有找到 node：构建时渲染公式需要 Node.js 20") from None
            self.started += 1
        return self.node

    def close(self) -> None:
        """Stop Node (it ends when its input does) and save the newly rendered formulas."""
        if self.node is not None:
            self.node.stdin.close()
            try:
                self.node.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.node.kill()
                self.node.wait()
            self.node.stdout.close()
            self.node = None
        if self.errors is not None:
            self.errors.close()
            self.errors = None
        if self.added:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            partial = self.path.with_suffix(f".{os.getpid()}.tmp")
            partial.write_text(json.dumps(self.cache, ensure_ascii=False), encoding="utf-8")
            partial.replace(self.path)  # whole or not at all, even with builds side by side
            self.added = 0
            for stale in self.path.parent.glob("katex-*.json"):  # other KaTeX versions, options
                if stale != self.path:
                    stale.unlink(missing_ok=True)
