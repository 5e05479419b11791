"""A first-time contributor's changes, each applied to one copy of the repository and checked with
`src/llm_interview/checks/run.py` exactly as `make check` runs it: the exit status and the file:line it names.

The cases share the copy and its caches (notebook runs, MkDocs' caches) and restore what they
changed, so the suite builds only for the changes that should pass; the page mistakes are made
together and checked once, each still named at its own line by exactly one message.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import ROOT, source_copy

from helpers import UPDATED
from llm_interview.pages.layout import PAGE_LIMIT
from llm_interview.pages.pagetext import find_entries

GUIDE = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
PAGE = "docs/rl/rlhf.md"  # rl-example is on docs/rl/basics.md: a duplicate id crosses pages
NOTEBOOK = "docs/notebooks/q_learning.py"


def guide_example() -> tuple[str, str]:
    """The new question and its related.yaml line, as CONTRIBUTING shows them."""
    after = GUIDE.split("<!-- new-question-example -->", 1)[1]
    entry, group = re.findall(r"```(?:markdown|yaml)\n(.*?)```", after, re.DOTALL)[:2]
    return entry, group


class Tree:
    """The copied repository; edits are undone after each case."""

    def __init__(self, root: Path):
        self.root = root
        self.saved: dict[str, str] = {}

    def text(self, rel: str) -> str:
        return (self.root / rel).read_text(encoding="utf-8")

    def edit(self, rel: str, change: Callable[[str], str]) -> None:
        self.saved.setdefault(rel, self.text(rel))
        (self.root / rel).write_text(change(self.text(rel)), encoding="utf-8")

    def append(self, rel: str, addition: str) -> int:
        """Append text; returns the 1-based line where it starts."""
        start = self.text(rel).count("\n") + 1
        self.edit(rel, lambda t: t + addition)
        return start + 1

    def restore(self) -> None:
        for rel, text in self.saved.items():
            (self.root / rel).write_text(text, encoding="utf-8")
        self.saved.clear()

    def check(self) -> tuple[int, str]:
        done = subprocess.run(
            [sys.executable, "-m", "llm_interview.cli", "check"],
            cwd=self.root,
            capture_output=True,
            text=True,
        )
        return done.returncode, done.stdout + done.stderr


@pytest.fixture(scope="module")
def copy(tmp_path_factory) -> Tree:
    return Tree(source_copy(tmp_path_factory.mktemp("contributor") / "repo"))


@pytest.fixture
def tree(copy: Tree):
    yield copy
    copy.restore()


def line_of(tree: Tree, rel: str, needle: str) -> int:
    return tree.text(rel)[: tree.text(rel).index(needle)].count("\n") + 1


def add_guide_question(tree: Tree) -> int:
    entry, group = guide_example()
    line = tree.append("docs/inference/kv-cache.md", "\n" + entry)
    tree.append("data/related.yaml", group)
    return line


ERRATUM = """
!!! bug "勘误 · 事实"

    **问题**：原文的说法不准确。

    **更正**：准确的说法写在这里。
{source}
"""
SOURCE = "\n    **来源**：[Ouyang et al., 2022](https://arxiv.org/abs/2203.02155)\n"
ORIGINAL = "/// details | 原始回答\n    type: quote\n\n"
JINJA = "\n模板里写 {{ user.name }} 和 {% if x %} 都原样显示。\n"


@pytest.fixture(scope="module")
def passing(copy: Tree) -> tuple[int, str, dict[str, str]]:
    """Every change below that must pass, made together: one check and one build for all of
    them (the guide's new question and its related line, a related link to it, a typo fix, an
    erratum with its source, template-looking text). Returns the exit code, the output and the
    built pages they show on; the copy is restored at once."""
    add_guide_question(copy)
    copy.append("data/related.yaml", "  - [kv-cache-why, rl-example]\n")
    copy.edit(PAGE, lambda t: t.replace("奖励", "奖赏", 1))
    copy.edit(PAGE, lambda t: t.replace(ORIGINAL, ORIGINAL + ERRATUM.format(source=SOURCE), 1))
    copy.append(PAGE, JINJA)
    code, out = copy.check()
    site = copy.root / ".cache" / "check" / "site"
    pages = {
        p: (site / p).read_text("utf-8")
        for p in ("index.html", "inference/kv-cache/index.html", "rl/rlhf/index.html")
    }
    copy.restore()
    return code, out, pages


def test_the_guides_new_question_passes(passing):
    code, out, pages = passing
    assert code == 0, out
    assert 'id="kv-cache-why"' in pages["inference/kv-cache/index.html"]


def test_a_typo_fix_passes(passing):
    code, out, _ = passing
    assert code == 0, out


def test_a_copy_without_git_history_builds_with_update_dates(passing):
    """The copy is a source tarball's tree: no .git at all."""
    code, out, pages = passing
    assert code == 0, out
    assert all(UPDATED.search(html) for html in pages.values())


def test_an_erratum_with_its_source_passes(passing):
    code, out, pages = passing
    assert code == 0, out
    assert "准确的说法写在这里" in pages["rl/rlhf/index.html"]


def test_an_erratum_without_its_source_fails_at_its_line(tree: Tree):
    at = line_of(tree, PAGE, ORIGINAL) + 3
    tree.edit(PAGE, lambda t: t.replace(ORIGINAL, ORIGINAL + ERRATUM.format(source=""), 1))
    code, out = tree.check()
    assert code == 1
    assert f"{PAGE}:{at + 1}: 勘误缺少 来源" in out, out


def test_a_related_link_to_a_new_entry_passes_and_to_a_missing_id_fails(passing, tree: Tree):
    code, out, pages = passing
    assert code == 0, out
    assert "#rl-example" in pages["inference/kv-cache/index.html"].split('id="kv-cache-why"')[1]
    add_guide_question(tree)
    line = tree.append("data/related.yaml", "  - [kv-cache-why, no-such-question]\n")
    code, out = tree.check()
    assert code == 1
    assert f"data/related.yaml:{line - 1}: 页面上没有 id 为「no-such-question」的题目" in out, out


FAILING = {
    "duplicate-id": (
        "\n" + guide_example()[0].replace("{#kv-cache-why ", "{#rl-example "),
        "id「rl-example」已在 docs/rl/basics.md:{first} 用过",
    ),
    "missing-id": ("\n## 强化学习到底是什么？\n", "题目缺少 id"),
    "broken-anchor": (
        "\n见[这道题](#no-such-anchor)。\n",
        "链接指向 docs/rl/rlhf.md 上不存在的题目 #no-such-anchor",
    ),
    "raw-script": ("\n<script>alert(1)</script>\n", "页面里不能写 HTML 标签 <script>"),
    "name-casing": ("\n用 Lora 微调。\n", "名字要用通行写法：「Lora」写成「LoRA」"),
    "math-tag": (
        "\n损失是 $-\\log p(x_t\\mid x_{<t})$。\n",
        "公式里「<」紧跟字母会被当成 HTML 标签",
    ),
}


@pytest.fixture(scope="module")
def page_mistakes(copy: Tree) -> tuple[int, str, dict[str, int]]:
    """Every mistake of FAILING on the page at once, in one check: (exit code, output, the line
    each mistake starts at). The copy is restored at once."""
    lines = {case: copy.append(PAGE, addition) for case, (addition, _) in FAILING.items()}
    code, out = copy.check()
    copy.restore()
    return code, out, lines


@pytest.mark.parametrize("case", FAILING, ids=list(FAILING))
def test_each_page_mistake_gets_one_message_at_its_line(page_mistakes, copy: Tree, case: str):
    code, out, lines = page_mistakes
    assert code == 1
    first = line_of(copy, "docs/rl/basics.md", "{#rl-example ")
    expected = f"{PAGE}:{lines[case]}: {FAILING[case][1].format(first=first)}"
    messages = [ln for ln in out.splitlines() if ln.startswith(("docs/", "data/"))]
    here = [ln for ln in messages if ln.startswith(f"{PAGE}:{lines[case]}:")]
    assert len(here) == 1 and here[0].startswith(expected), out
    assert len(messages) == len(FAILING), out  # no mistake gives a second message elsewhere


def test_a_page_over_the_question_limit_says_how_to_split_it(tree: Tree):
    entry, _ = guide_example()
    room = PAGE_LIMIT + 1 - len(find_entries(tree.text(PAGE)))
    ids = [f"kv-cache-why-{n}" for n in range(room)]
    lines = [tree.append(PAGE, "\n" + entry.replace("{#kv-cache-why ", f"{{#{i} ")) for i in ids]
    tree.append("data/related.yaml", f"  - [{', '.join(ids)}]\n")
    code, out = tree.check()
    assert code == 1
    expected = f"{PAGE}:{lines[-1]}: 本页有 {PAGE_LIMIT + 1} 道题，超过 {PAGE_LIMIT} 道：把从这里起"
    assert expected in out, out
    assert "docs/rl/<名字>.md" in out and "title 和 order" in out, out


def test_jinja_looking_text_renders_as_text(passing):
    code, out, pages = passing
    assert code == 0, out
    assert "{{ user.name }}" in pages["rl/rlhf/index.html"]
    assert "{% if x %}" in pages["rl/rlhf/index.html"]


@pytest.mark.parametrize(
    ("rel", "field"),
    [("data/glossary.yaml", "definition: "), ("data/references.yaml", "title: ")],
)
def test_markup_in_a_data_field_fails_at_its_line(tree: Tree, rel: str, field: str):
    line = line_of(tree, rel, field)
    payload = '"<img src=x onerror=alert(1)>"'
    tree.edit(rel, lambda t: re.sub(rf"{field}.*", lambda _: field + payload, t, count=1))
    code, out = tree.check()
    assert code == 1
    assert f"{rel}:{line}: 数据里不能写 HTML 标签 <img>" in out, out


def test_a_data_file_missing_a_field_gives_one_message_not_a_traceback(tree: Tree):
    line = line_of(tree, "data/glossary.yaml", "  - id: ")
    tree.edit("data/glossary.yaml", lambda t: t.replace("    definition: ", "    meaning: ", 1))
    code, out = tree.check()
    assert code == 1 and "Traceback" not in out
    assert f"data/glossary.yaml:{line}: 缺少字段 definition" in out, out
    assert len([ln for ln in out.splitlines() if ln.startswith("data/")]) == 1, out


def test_markup_in_a_notebook_cell_fails_at_its_line(tree: Tree):
    line = tree.append(NOTEBOOK, "\n# %% [markdown]\n# 图：<img src=x onerror=alert(1)>\n") + 1
    code, out = tree.check()
    assert code == 1
    assert f"{NOTEBOOK}:{line}: 页面里不能写 HTML 标签 <img>" in out, out


def test_malformed_front_matter_fails_at_its_line(tree: Tree):
    tree.edit(PAGE, lambda t: t.replace("tags:\n", "tags:\n  - [未闭合\n", 1))
    code, out = tree.check()
    assert code == 1
    assert re.search(rf"{PAGE}:\d+: front matter 不是合法的 YAML", out), out


@pytest.mark.parametrize(
    ("cell", "error"),
    [
        ("raise ValueError('坏数据')", "ValueError: 坏数据"),
        ("assert 1 + 1 == 3, '算错了'", "AssertionError: 算错了"),
    ],
    ids=["cell-raises", "assert-fails"],
)
def test_a_failing_notebook_cell_is_named_by_its_line(tree: Tree, cell: str, error: str):
    marker = "# %%\n"
    at = line_of(tree, NOTEBOOK, marker)
    tree.edit(NOTEBOOK, lambda t: t.replace(marker, f"{marker}x = 1\n{cell}\n", 1))
    code, out = tree.check()
    assert code == 1
    assert f"{NOTEBOOK}:{at + 2}: 笔记运行出错：{error}" in out, out


@pytest.mark.parametrize(
    "stem",
    [
        *(m.split("{")[0].split("「")[0].split(" docs/")[0] for _, m in FAILING.values()),
        "勘误缺少 来源",
        "页面上没有 id 为",
        "front matter 不是合法的 YAML",
        "笔记运行出错",
        "还没有相关问题",
        "参考答案至少要引用一篇文献",
        "题目缺少级别",
        "数据里不能写 HTML 标签",
        "缺少字段",
        "网址要以 https:// 开头",
    ],
)
def test_the_guide_shows_every_message_the_check_gives(stem: str):
    assert stem in GUIDE, stem


BUILD_ONLY_LINKS = {
    "anchor-on-another-page": ("../contributing.md#no-such-heading", "指向的锚点不存在"),
    "missing-page": ("../no-such.md", "不存在"),
}


@pytest.fixture(scope="module")
def broken_links(copy: Tree) -> tuple[int, str, dict[str, int]]:
    """Both links only the build can check, in one check: (exit code, output, link -> line)."""
    lines = {
        link: copy.append(PAGE, f"\n参见[贡献指南]({link})。\n")
        for link, _ in BUILD_ONLY_LINKS.values()
    }
    code, out = copy.check()
    copy.restore()
    return code, out, lines


@pytest.mark.parametrize("case", sorted(BUILD_ONLY_LINKS))
def test_a_link_only_the_build_can_check_is_named_by_its_line(broken_links, case: str):
    code, out, lines = broken_links
    link, what = BUILD_ONLY_LINKS[case]
    assert code == 1
    assert f"{PAGE}:{lines[link]}: 链接「{link}」" in out and what in out, out
