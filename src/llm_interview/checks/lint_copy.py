"""Chinese copy lint for the site's Markdown: CJK–Latin spacing, punctuation, invisible characters,
names in their usual form.

Exempt from the spacing and punctuation rules: lines that reproduce the seed dump (our source
text, verbatim or with a typo fixed), quotes of it in 「」, and keyword lists (search terms).
Every other line we write or edit must follow them. Invisible characters are errors everywhere
(the rule is pages.invisible, which the importer applies to every dump line). The seed's
text is held to two typographic rules the importer also writes through: Chinese `,:;` full
width (pages.punctuation) and names in their usual form (pages.names, data/names.yaml).

    llm-interview lint [--fix] [--seed DIR] [PATH ...]   # default PATH: docs/
"""

from __future__ import annotations

import argparse
import difflib
import html
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import autocorrect_py

from llm_interview import paths
from llm_interview.pages import frontmatter
from llm_interview.pages.formulas import formulas
from llm_interview.pages.invisible import is_invisible, name_zh, strip_invisible
from llm_interview.pages.keywords import is_keyword_line
from llm_interview.pages.names import fixes as name_fixes
from llm_interview.pages.pagetext import outside_fences
from llm_interview.pages.punctuation import full_width
from llm_interview.pages.typeset import typeset

ROOT = paths.ROOT
# Chinese compounds such as 编码器-解码器 keep their hyphen tight.
autocorrect_py.load_config('{"rules": {"space-dash": 0}}')
FIX_HINT = "运行 .venv/bin/python src/llm_interview/checks/lint_copy.py --fix 可自动修正"
# A heading's trailing attribute list (`## 题目 {#id}`) needs the space before it; autocorrect
# would remove that space, so the attribute list is kept out of its sight.
HEADING_ATTRS = re.compile(r"^(#{1,6}\s.*?)(\s+\{[:#.][^{}]*\})\s*$")
# Admonition, details and tab bodies are indented by 4 spaces; autocorrect would take them for code.
BLOCK_START = re.compile(r"^(\s*)(?:!!!|\?\?\?\+?|===)\s")
MARKUP = re.compile(r"^\s*(?:[-*+]\s+|\d+[.)]\s+|>\s*|#{1,6}\s+)*")
LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
AUTOLINK = re.compile(r"<(https?://[^>\s]+)>")
QUOTE = re.compile(r"「([^」]*)」")
# A seed line with a few characters corrected (a typo fix) still counts as seed text.
SIMILAR = 0.9


@dataclass(frozen=True)
class Problem:
    """One finding: 1-based line, what is wrong, how to fix it."""

    line: int
    message: str
    fix: str

    def render(self, path: str) -> str:
        return f"{path}:{self.line}: {self.message} — {self.fix}"


def invisible_problems(lines: list[str]) -> list[Problem]:
    """One problem per invisible character, naming it and its column."""
    problems = []
    for number, line in enumerate(lines, 1):
        if line.isprintable():  # no invisible character (see pages.invisible)
            continue
        for column, char in enumerate(line, 1):
            if is_invisible(char):
                name = name_zh(char)
                message = f"第 {column} 列有看不见的字符 U+{ord(char):04X}（{name}）"
                problems.append(Problem(number, message, f"删除它，或换成普通空格；{FIX_HINT}"))
    return problems


def display_math_lines(lines: list[str]) -> set[int]:
    """0-based lines of display formulas (`$$` … `$$`) outside code."""
    found = formulas("\n".join(lines))
    return {n for f in found if f.display for n in range(f.line - 1, f.last)}


def prose_lines(lines: list[str]) -> list[int]:
    """0-based lines of prose the typographic rules (full-width punctuation, usual names) apply
    to: the seed's text included; front matter, fenced code, display math and keyword lines
    left out."""
    end = frontmatter.line_count("\n".join(lines))
    prose = outside_fences(lines)
    math = display_math_lines(lines)
    return [
        i
        for i in range(end, len(lines))
        if prose[i] and i not in math and not is_keyword_line(lines, i)
    ]


def punctuation_problems(lines: list[str], prose: list[int] | None = None) -> list[Problem]:
    """Half-width `,:;` next to Chinese, which the seed's extraction left behind (on the
    `prose` lines, found when not given)."""
    return [
        Problem(
            i + 1,
            "中文里的逗号、冒号、分号要用全角（，：；）",
            f"改为「{full_width(lines[i]).strip()}」；{FIX_HINT}",
        )
        for i in (prose_lines(lines) if prose is None else prose)
        if full_width(lines[i]) != lines[i]
    ]


def name_problems(lines: list[str], prose: list[int] | None = None) -> list[Problem]:
    """Names written otherwise than their usual form (Lora, LLAMA), one problem each (on the
    `prose` lines, found when not given)."""
    return [
        Problem(
            i + 1,
            f"名字要用通行写法：「{lines[i][start:end]}」写成「{usual}」",
            f"写法见 data/names.yaml；{FIX_HINT}",
        )
        for i in (prose_lines(lines) if prose is None else prose)
        for start, end, usual in name_fixes(lines[i])
    ]


def _squash(text: str) -> str:
    return " ".join(text.split())


def load_seed(seed_dir: Path) -> str:
    """All seed text (dump and references) as the lint compares with it (`seed_text`)."""
    lines = []
    for path in sorted(seed_dir.glob("*")):
        if path.suffix in (".txt", ".tsv"):
            lines += path.read_text(encoding="utf-8").splitlines()
    return seed_text(lines)


def seed_text(lines: list[str]) -> str:
    """One squashed line per seed line, then each line the importer shows otherwise (typeset:
    full-width punctuation, usual names) as it shows it, so the page's copy counts as seed."""
    squashed = [_squash(line) for line in lines]
    shown = [typeset(line) for line in squashed]
    return "\n".join(squashed + [s for s, raw in zip(shown, squashed, strict=True) if s != raw])


def plain_text(line: str) -> str:
    """The prose of a Markdown line: no list/quote/heading markers, attribute lists or link URLs."""
    line = HEADING_ATTRS.sub(r"\1", line)
    line = AUTOLINK.sub(r"\1", LINK.sub(r"\1", MARKUP.sub("", line)))
    return _squash(html.unescape(line.replace("**", "")))


def _close_to_seed(text: str, seed: str) -> bool:
    """True when some seed line differs from the text by a few characters only."""
    for line in seed.splitlines():
        matcher = difflib.SequenceMatcher(None, text, line, autojunk=False)
        if matcher.real_quick_ratio() >= SIMILAR and matcher.ratio() >= SIMILAR:
            return True
    return False


def is_seed_line(line: str, seed: str) -> bool:
    """True when the line only reproduces (or lightly corrects) seed text, or quotes it in 「」."""
    text = plain_text(line)
    if len(text) > 1 and (text in seed or _close_to_seed(text, seed)):
        return True
    unquoted = QUOTE.sub(lambda m: "「」" if m.group(1) in seed else m.group(0), text)
    return unquoted != text and autocorrect_py.format(unquoted) == unquoted


def _gaps(text: str) -> list[bool]:
    """For each visible character: is it followed by whitespace?"""
    return [text[i + 1 : i + 2].isspace() for i, char in enumerate(text) if not char.isspace()]


def _kind(old: str, new: str) -> str:
    """Describe what autocorrect changed, in words a contributor can act on."""
    kinds = []
    if re.sub(r"\s", "", old) != re.sub(r"\s", "", new):
        kinds.append("中文句子里要用全角标点（，。：；？！）")
    if _gaps(old) != _gaps(new):
        kinds.append("中文与英文、数字之间加一个空格，全角标点前后不加空格")
    return "；".join(kinds) or "文案格式不规范"


def prose_view(lines: list[str]) -> list[str]:
    """Lines as autocorrect should see them: block bodies dedented, heading attributes hidden."""
    view, indents = [], [0]
    for line in lines:
        if line.strip():
            while len(line) - len(line.lstrip(" ")) < indents[-1]:
                indents.pop()
            start = BLOCK_START.match(line)
            if start:
                indents.append(len(start.group(1)) + 4)
            line = line[indents[-1] - 4 if start else indents[-1] :]
        view.append(HEADING_ATTRS.sub(r"\1", line))
    return view


def is_exempt(lines: list[str], index: int, seed: str) -> bool:
    """Seed text and keyword lists (search terms as readers type them) are not prose we write,
    so the style rules skip them."""
    return is_keyword_line(lines, index) or is_seed_line(lines[index], seed)


def style_fixes(lines: list[str], seed: str) -> list[tuple[int, str, str]]:
    """(line, old, new) for every autocorrect change on lines the rules apply to."""
    result = autocorrect_py.lint_for("\n".join(prose_view(lines)), "md")
    return [
        (item.line, item.old, item.new)
        for item in result.lines
        if not is_exempt(lines, item.line - 1, seed)
    ]


def lint_text(text: str, seed: str) -> list[Problem]:
    """Every problem in one Markdown document, sorted by line."""
    lines = text.split("\n")
    problems = invisible_problems(lines)
    styled = style_fixes(lines, seed)
    for number, old, new in styled:
        problems.append(Problem(number, _kind(old, new), f"改为「{new}」；{FIX_HINT}"))
    reported = {number for number, _, _ in styled}  # autocorrect's fix already restores them
    prose = prose_lines(lines)
    problems += [p for p in punctuation_problems(lines, prose) if p.line not in reported]
    problems += name_problems(lines, prose)
    return sorted(problems, key=lambda problem: problem.line)


def fix_text(text: str, seed: str) -> str:
    """The document with invisible characters removed, Chinese `,:;` full width and names in
    their usual form everywhere, and style fixes applied (seed lines kept)."""
    lines = [strip_invisible(line) for line in text.split("\n")]
    for i in prose_lines(lines):
        lines[i] = typeset(lines[i])
    for number, old, new in style_fixes(lines, seed):
        lines[number - 1] = lines[number - 1].replace(old, new, 1)
    return "\n".join(lines)


def markdown_files(paths: list[Path]) -> list[Path]:
    """The given files, and every *.md under the given folders."""
    files: list[Path] = []
    for path in paths:
        files += sorted(path.rglob("*.md")) if path.is_dir() else [path]
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="中文文案检查：中英文空格、全角标点、不可见字符、名字的通行写法。"
    )
    parser.add_argument("paths", nargs="*", type=Path, default=[ROOT / "docs"])
    parser.add_argument("--fix", action="store_true", help="就地修正能自动修正的问题")
    parser.add_argument("--seed", type=Path, default=ROOT / "seed", help="种子数据目录（豁免原文）")
    args = parser.parse_args(argv)
    seed = load_seed(args.seed)
    count = 0
    for path in markdown_files(args.paths):
        shown = os.path.relpath(path)
        text = path.read_text(encoding="utf-8")
        if args.fix:
            fixed = fix_text(text, seed)
            if fixed != text:
                path.write_text(fixed, encoding="utf-8")
                print(f"{shown}: 已修正")
            text = fixed
        for problem in lint_text(text, seed):
            print(problem.render(shown))
            count += 1
    if count:
        print(f"共 {count} 处文案问题；规则见 CONTRIBUTING.md「文案规范」。", file=sys.stderr)
    return 1 if count else 0


if __name__ == "__main__":
    sys.exit(main())
