"""Hostile dump text and how to check that it never becomes markup (issue 10).

`site_markdown()` renders with the site's own Markdown configuration (mkdocs.yml through
`mkdocs.config.load_config`, with the CJK `abbr` the editorial hook swaps in), and
`markup_problems()` lists every element or attribute of an imported entry's HTML that the
importer's own structure does not explain.
"""

from __future__ import annotations

import functools
import html
import re
from html.parser import HTMLParser

import markdown

from helpers import ROOT
from llm_interview.importer.text import body
from llm_interview.pages.glossary import glossary_terms
from llm_interview.pages.typeset import typeset

# Each reproducer of issue 10, as one dump line (the first two are the stored XSS pair).
XSS = "见 https://example.org/`a`{onmouseover=alert&#40;document.domain&#41;}"
REPRODUCERS = {
    "xss-autolink": ["这个回答讲注意力机制。", XSS],
    "rule": ["---"],
    "admonition": ["!!! note"],
    "details": ["??? note"],
    "keys": ["按下 ++ctrl+alt+del++ 重启。"],
    "leading-spaces": [" 一个空格开头。", "  两个空格开头。", "   三个空格开头。"],
    "equals": ["= 号开头,a=b 中间也有。"],
    "errata-line": ['!!! bug "勘误 · 事实"'],
    "tilde-fence": ["~~~"],
    "zero-width": ["零\u200b宽\u200c字\u200d符\u2060与\ufeff软\u00ad连字符。"],
}


@functools.cache
def _site_md() -> markdown.Markdown:
    from mkdocs.config import load_config

    from llm_interview.editorial.abbr import CjkAbbrExtension

    config = load_config(str(ROOT / "mkdocs.yml"))
    exts = list(config.markdown_extensions)
    configs = {k: dict(v) for k, v in config.mdx_configs.items()}
    configs.setdefault("pymdownx.snippets", {})["base_path"] = [str(ROOT)]
    if "abbr" in exts:
        exts[exts.index("abbr")] = CjkAbbrExtension(**configs.pop("abbr", {}))
    return markdown.Markdown(extensions=exts, extension_configs=configs)


def site_markdown(text: str) -> str:
    """HTML of Markdown `text` as the site's build renders it."""
    md = _site_md()
    md.reset()
    return md.convert(text)


@functools.cache
def _glossary_titles() -> frozenset[str]:
    return frozenset(html.unescape(t.tooltip) for t in glossary_terms())


# What the importer itself writes around dump text: tag -> allowed (attribute, value test).
_CLASSES = {
    "a": {"headerlink"},
    "div": {"admonition note", "admonition info"},
    "p": {"admonition-title"},  # keyword lines never reach the HTML
    "h2": {"qa-question"},  # what a question is in the HTML (editorial/levels.py)
    "code": {"language-python"},
}


class _Inspector(HTMLParser):
    def __init__(self, urls: set[str]):
        super().__init__(convert_charrefs=True)
        self.urls = urls
        self.stack: list[str] = []
        self.problems: list[str] = []
        self.text: list[str] = []
        self.ids: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.stack.append(tag)
        for name, value in attrs:
            if not self._allowed(tag, name, value or ""):
                self.problems.append(f"<{tag} {name}={value!r}>")
        if tag not in {"h2", "a", "p", "ul", "li", "pre", "code", "strong", "div", "abbr"}:
            self.problems.append(f"<{tag}>")
        if tag == "code" and "pre" not in self.stack[:-1] and "div" not in self.stack[:-1]:
            self.problems.append("<code> outside a code block")  # only the 待审核 note has one

    def _allowed(self, tag: str, name: str, value: str) -> bool:
        if name == "class":
            return value in _CLASSES.get(tag, set())
        if tag == "h2" and name == "id":
            self.ids.append(value)
            return True
        if tag == "a" and name == "href":
            return value.startswith("#") or value in self.urls
        if name == "title":
            return tag == "a" or (tag == "abbr" and value in _glossary_titles())
        if tag == "abbr" and name == "tabindex":
            return value == "0"  # a glossary tip opens from the keyboard too
        return False

    def handle_endtag(self, tag):
        while self.stack and self.stack.pop() != tag:
            pass

    def handle_data(self, data):
        self.text.append(data)


def inspect(rendered: str, urls: set[str]) -> tuple[list[str], str]:
    """(markup problems, visible text without white space) of an entry's rendered HTML."""
    parser = _Inspector(urls)
    parser.feed(rendered)
    parser.close()
    return parser.problems, squash("".join(parser.text))


def squash(text: str) -> str:
    """Text with all white space removed, for comparing what a reader sees."""
    return re.sub(r"\s+", "", text)


def as_shown(line: str) -> str:
    """A dump line as a reader should see it: its words as written, its Chinese `,:;` full width
    and its names in their usual form (pages.typeset), white space aside."""
    return squash(typeset(body(line)))


def urls_in(lines: list[str]) -> set[str]:
    """The addresses a dump shows (the only link targets an import may create)."""
    from llm_interview.importer.text import URL_RE

    return {m.group(0) for line in lines for m in URL_RE.finditer(line)}
