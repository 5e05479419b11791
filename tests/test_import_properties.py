"""Property-based tests of the importer on generated hostile dumps (issue 10).

Dumps mix Chinese and Latin text, URLs, code, Markdown and HTML metacharacters, fence and
admonition openers, leading spaces and invisible characters. For each one: the command line
exits 0 or 2; every line that is not blank under the invisible-character rule is in exactly one
entry; a second run changes no byte; and each entry, rendered with the site's own Markdown
configuration, has no element or attribute the importer did not write and shows the text as
written (its Chinese `,:;` full width, its names in their usual form: pages.typeset). The example count is fixed so the suite stays well under a minute.
"""

from __future__ import annotations

import contextlib
import io
import json
import string
import tempfile
from pathlib import Path

from hostile import as_shown, inspect, site_markdown, urls_in
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import llm_interview.importer.command as split_seed
from helpers import snapshot
from llm_interview.importer.text import Kind, kind_of
from llm_interview.importer.topicpages import entry_blocks
from llm_interview.pages.invisible import strip_invisible

EXAMPLES = 100

OPENERS = [
    "```",
    "```python",
    "~~~",
    "///",
    "/// details | 原始回答",
    "---",
    "***",
    "!!! note",
    "??? note",
    '!!! bug "勘误 · 事实"',
    "===",
    "# 标题",
    "## 问题 {#q}",
    "> 引用",
    "| a | b |",
    '--8<-- "README.md"',
    "$$",
    "[@hu2021lora]",
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "<!--",
    "{: .x onclick=alert(1) }",
    "*[HTML]: Hyper",
    "++ctrl+alt+del++",
    "import os",
    "x = 1",
    "更详细请查阅某篇文章",
    "1)第一步",
]
INLINE = [
    "*强调*",
    "**粗体**",
    "_斜体_",
    "`代码`",
    "~~删除~~",
    "$x^2$",
    "\\(x\\)",
    "[链接](https://example.org)",
    "![图](x.png)",
    "<b>粗</b>",
    "&amp;",
    "&#60;",
    "{#id .cls}",
    "++ctrl++",
    "\\*",
]
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u202e\u202a\u202c\u00a0\u3000\u2028\u0085"
han = st.text(st.characters(min_codepoint=0x4E00, max_codepoint=0x4EFF), min_size=1, max_size=8)
latin = st.text(string.ascii_letters + string.digits + " ", min_size=1, max_size=10)
meta = st.text("`*_{}[]()#+-.!|<>&$~=:^\"'\\@%;/?,", min_size=1, max_size=6)
url = st.text(string.ascii_letters + "`{}=&#();_-./%~", max_size=20).map(
    lambda path: f"https://example.org/{path}"
)
piece = st.one_of(
    han,
    latin,
    meta,
    url,
    st.sampled_from(INLINE),
    st.sampled_from(OPENERS),
    st.sampled_from(INVISIBLE),
)
line = st.builds(
    lambda lead, marker, pieces: " " * lead + marker + "".join(pieces),
    st.integers(0, 4),
    st.sampled_from(["", "", "- ", "-", "* ", "1)", "1. "]),
    st.lists(piece, min_size=1, max_size=6),
)
dumps = st.lists(
    st.one_of(line, line, st.sampled_from(["", "-", *OPENERS])), min_size=1, max_size=12
).map("\n".join)


def run(dump: Path, out: Path, report: Path) -> int:
    """The importer's command line, in this process."""
    argv = ["--seed", str(dump), "--out", str(out), "--report", str(report)]
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        return split_seed.main(argv)


def visible_lines(text: str) -> dict[int, str]:
    """The dump's lines that the invisible-character rule leaves non-blank, by number."""
    lines = text.split("\n")
    return {
        n: strip_invisible(raw) for n, raw in enumerate(lines, 1) if strip_invisible(raw).strip()
    }


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(dumps)
def test_generated_dumps_import_safely_and_idempotently(text):
    with tempfile.TemporaryDirectory() as tmp:
        dump, out, report = Path(tmp) / "dump.txt", Path(tmp) / "docs", Path(tmp) / "r.json"
        dump.write_text(text, encoding="utf-8")
        code = run(dump, out, report)
        assert code in (0, 2)
        expected = visible_lines(text)
        if code == 2:
            assert not expected and not out.exists()
            return
        data = json.loads(report.read_text(encoding="utf-8"))
        held = [n for e in data["entries"] for n in e["lines"]]
        assert sorted(held) == sorted(expected) and len(held) == len(set(held))

        before = snapshot(out)
        assert run(dump, out, report) == 0
        assert snapshot(out) == before

        merged = {n for m in data["merged"] for n in m["lines"]}
        urls = urls_in(list(expected.values()))
        for entry in data["entries"]:
            block = entry_blocks((out / entry["page"]).read_text(encoding="utf-8"))[entry["id"]]
            problems, shown = inspect(site_markdown(block), urls)
            assert problems == [], f"{problems}\n{block}"
            for n in entry["lines"]:
                if n not in merged and kind_of(expected[n]) is not Kind.MARKER:
                    assert as_shown(expected[n]) in shown, f"line {n} not shown\n{block}"
