"""Hostile dump text and how to check that it never becomes markup (issue 10).

`site_markdown()` renders with the site's own Markdown configuration (mkdocs.yml through
`mkdocs.config.load_config`, with the CJK `abbr` the editorial hook swaps in), and
`markup_problems()` lists every element or attribute of an imported entry's HTML that the
importer's own structure does not explain.

`PAYLOADS` and `display_fields()` are the other hostile input: what a pull request could write
into a data file, a page's front matter or a notebook's Markdown cell (tests/test_hostile_data.py).
"""

from __future__ import annotations

import functools
import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import markdown
import yaml
from lxml import html as lxml_html

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


# What a pull request could write into a data file, front matter or a notebook cell.
PAYLOADS = {
    "img": '<img src=x onerror="window.__pwned=1">',
    "svg": '"><svg onload="window.__pwned=1">',
    "template": "{{ 7*7 }} {% if true %}模板{% endif %}",
    "long": "长" * 10240,
    "surrogate": "\ud800",
    "javascript": "javascript:window.__pwned=1",
}


def field_kinds(text: str) -> dict[str, yaml.ScalarNode]:
    """Each kind of string field of a YAML document (its path, list indices as *) -> the node of
    its first occurrence (mapping keys count, as `<key>`)."""
    found: dict[str, yaml.ScalarNode] = {}

    def walk(node, path: str) -> None:
        if isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:str":
            found.setdefault(path, node)
        elif isinstance(node, yaml.SequenceNode):
            for item in node.value:
                walk(item, f"{path}/*")
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                walk(key, f"{path}/<key>")
                walk(value, f"{path}/{key.value}")

    walk(yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)), "")
    return found


def with_value(text: str, node: yaml.ScalarNode, value: str) -> str:
    """The document with one scalar replaced by `value` (a JSON string is a YAML flow scalar)."""
    return text[: node.start_mark.index] + json.dumps(value) + text[node.end_mark.index :]


def display_fields(tree: Path) -> None:
    """Every payload the rule lets through, in every field a page shows."""
    through = f"{PAYLOADS['template']} {PAYLOADS['javascript']}"
    name = "data/glossary.yaml"
    text = (tree / name).read_text(encoding="utf-8")
    for path in ("/terms/*/zh", "/terms/*/en", "/terms/*/definition"):
        text = with_value(text, field_kinds(text)[path], through)
    (tree / name).write_text(text, encoding="utf-8")
    name = "data/references.yaml"
    text = (tree / name).read_text(encoding="utf-8")
    for path in ("/*/title", "/*/venue"):
        text = with_value(text, field_kinds(text)[path], f"{through} {PAYLOADS['long']}")
    (tree / name).write_text(text, encoding="utf-8")
    page = tree / "docs" / "rl" / "basics.md"
    text = page.read_text(encoding="utf-8")
    text = text.replace("\ntitle: ", f"\ntitle: {json.dumps(through)}\nold_title: ", 1)
    page.write_text(text.replace("\ntags:\n", f"\ntags:\n  - {json.dumps(through)}\n", 1), "utf-8")
    nb = tree / "docs" / "notebooks" / "q_learning.py"
    nb.write_text(
        nb.read_text(encoding="utf-8").replace(
            "# %% [markdown]\n", f"# %% [markdown]\n# {through}\n#\n", 1
        ),
        encoding="utf-8",
    )


URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data"}


def executable(page_html: str) -> list[str]:
    """What would run: a payload's script, an event-handler attribute, a payload's `javascript:`
    address (Material's own share button is a `javascript:void(0)` link)."""
    tree = lxml_html.fromstring(page_html)
    made = [
        el.tag
        for el in tree.iter("svg", "script")
        if "__pwned" in lxml_html.tostring(el, encoding="unicode")
    ]
    return made + [
        f"{el.tag}[{attr}]"
        for el in tree.iter()
        if isinstance(el.tag, str)
        for attr, value in el.attrib.items()
        if attr.startswith("on")
        or (attr in URL_ATTRIBUTES and value.strip().lower().startswith("javascript:window"))
    ]


def elements_made_by_payloads(page_html: str) -> list[str]:
    """Elements and attributes only a payload would have made, inert ones included."""
    tree = lxml_html.fromstring(page_html)
    return executable(page_html) + [el.tag for el in tree.iter("img") if el.get("src") == "x"]
