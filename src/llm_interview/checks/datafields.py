"""Every string a contributor can write into a data file is text, never markup.

One rule for `make check` and the build (the site plugin raises on the same findings,
before anything reads the data): each file has its shape (editorial/schemas.py); no HTML tag
outside code spans (the few inline tags a page may use are allowed), no
character that cannot be written out (a lone surrogate), and a `url` is https or a path inside
the site. Wherever the build puts such a string into a page it goes through `escape`, so even a
string that slipped past the rule shows as text.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import yaml

from llm_interview.checks import schemas
from llm_interview.checks.problem import Problem

# The data files a pull request may edit, relative to the repository root.
DATA_FILES = (
    "data/glossary.yaml",
    "data/references.yaml",
    "data/names.yaml",
    "data/related.yaml",
    "data/topic_lexicon.yaml",
    "data/curation.yaml",
)
# Inline tags a page may write as HTML; everything else is Markdown or a code span.
ALLOWED_TAGS = frozenset({"br", "sub", "sup", "kbd", "mark", "small"})
TAG = re.compile(r"</?([A-Za-z][\w-]*)")
CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
AUTOLINK = re.compile(r"<(?:https?://|mailto:)[^>\s]+>")
COMMENT = re.compile(r"<!--.*?-->")
URL_KEYS = frozenset({"url"})
# curation.yaml's `start`/`end` are fragments of the dump's own text, matched and never shown.
MATCH_ONLY_KEYS = frozenset({"start", "end"})
SAFE_URL = re.compile(r"^(?:https://[^\s<>\"']+|(?![a-zA-Z][\w+.-]*:)(?!//)[^\s<>\"']*)$")


def forbidden_tag(text: str) -> str | None:
    """The first HTML tag in a line of Markdown prose outside code spans, autolinks and comments
    that is not one of ALLOWED_TAGS, or None."""
    prose = COMMENT.sub("", AUTOLINK.sub("", CODE_SPAN.sub("", text)))
    return next((m[1] for m in TAG.finditer(prose) if m[1].lower() not in ALLOWED_TAGS), None)


def text_problem(value: str, key: str = "") -> str | None:
    """What is wrong with one string field (None when it is plain text), and how to fix it."""
    if any(0xD800 <= ord(c) <= 0xDFFF for c in value):
        return "含有无法保存的字符（孤立的 UTF-16 代理项）：删掉它，或换成完整的字符"
    for line in value.split("\n") if key not in MATCH_ONLY_KEYS else ():
        tag = forbidden_tag(line)
        if tag:
            return (
                f"数据里不能写 HTML 标签 <{tag}>：这里的文字按纯文本显示，"
                f"要显示尖括号就放进反引号，如 `<{tag}>`"
            )
    if key in URL_KEYS and not SAFE_URL.match(value):
        return "网址要以 https:// 开头（或是站内的相对路径）；不能用 javascript:、data:、http: 等"
    return None


_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def strings(text: str) -> Iterator[tuple[int, str, str]]:
    """Every string in a YAML document (keys included) as (line, key it belongs to, value)."""
    yield from _strings(yaml.compose(text, Loader=_LOADER))


def _strings(root: yaml.Node | None) -> Iterator[tuple[int, str, str]]:

    def walk(node, key: str) -> Iterator[tuple[int, str, str]]:
        if isinstance(node, yaml.ScalarNode):
            if node.tag == "tag:yaml.org,2002:str":
                yield node.start_mark.line + 1, key, node.value
        elif isinstance(node, yaml.SequenceNode):
            for item in node.value:
                yield from walk(item, key)
        elif isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                yield from walk(k, "")
                yield from walk(v, k.value if isinstance(k, yaml.ScalarNode) else "")

    if root is not None:
        yield from walk(root, "")


def file_problems(path: str, text: str) -> list[Problem]:
    """What is wrong with one data file, each with its line: the first mistake in its shape
    alone (the rest may follow from it), else every string field that breaks the rule."""
    try:
        root = yaml.compose(text, Loader=_LOADER)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        return [Problem(path, line, "不是合法的 YAML：检查缩进、冒号和引号")]
    if path in schemas.SCHEMAS:
        shape = schemas.first_finding(path, root)
        if shape:
            return [Problem(path, *shape)]
    found = list(_strings(root))
    return [
        Problem(path, line, message)
        for line, key, value in found
        if (message := text_problem(value, key))
    ]


def problems(
    root: Path, check: Callable[[str, str], list[Problem]] = file_problems
) -> list[Problem]:
    """Every data-file problem in the tree at `root`, each file read by `check(name, text)`
    (file_problems, or a plugin's site.memo.Memo of it)."""
    return [
        p
        for name in DATA_FILES
        if (root / name).exists()
        for p in check(name, (root / name).read_text(encoding="utf-8"))
    ]


def escape(text: str) -> str:
    """A data string ready to go into Markdown: `&`, `<` and `>` escaped outside code spans, so
    the string can only ever be text (code spans keep their characters: Markdown escapes them)."""
    out, last = [], 0
    for span in CODE_SPAN.finditer(text):
        out += [html.escape(text[last : span.start()], quote=False), span[0]]
        last = span.end()
    return "".join([*out, html.escape(text[last:], quote=False)])
