"""Rewrite mkdocs-jupyter's HTML for a notebook page into a light, theme-native page.

mkdocs-jupyter inlines ~600 KB of JupyterLab CSS, a clipboard script with "Copied!" text,
a MathJax loader (formulas are rendered to MathML at build time instead, see llm_interview/math)
and prompts on every page, and gives Chinese headings ids the TOC cannot
reach. These pure functions strip that and let Material style the result.
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass

import nh3

_ASSETS = re.compile(r"<(style|script)\b[^>]*>.*?</\1>\s*|<!--.*?-->\s*", re.DOTALL)
_COPY = re.compile(
    r'<div class="zeroclipboard-container">.*?</clipboard-copy>\s*</div>\s*'
    r'|<div class="clipboard-copy-txt"[^>]*>[^<]*</div>\s*',
    re.DOTALL,
)
_PROMPT = re.compile(r'<div class="jp-(?:In|Out)putPrompt[^"]*">[^<]*</div>')
_PRE = re.compile(r"<pre\b")
_MD_CELL = re.compile(
    r'<div class="jp-Cell jp-MarkdownCell[^>]*>\s*<div class="jp-Cell-inputWrapper"[^>]*>\s*'
    r'<div class="jp-Collapser[^>]*>\s*</div>\s*<div class="jp-InputArea jp-Cell-inputArea">\s*'
    r'<div class="jp-RenderedHTMLCommon jp-RenderedMarkdown[^>]*>(.*?)'
    r"</div>\s*</div>\s*</div>\s*</div>",
    re.DOTALL,
)
_HIGHLIGHT = re.compile(r'<div class="highlight-ipynb hl-python"><pre>(.*?)</pre></div>', re.DOTALL)
_HEADING = re.compile(
    r'<h([1-6]) id="[^"]*">(.*?)<a class="anchor-link" href="#[^"]*">¶</a></h\1>', re.DOTALL
)
_MD_LINK = re.compile(r'href="((?!https?:|#|/)[^"#]+\.md)(#[^"]*)?"')


@dataclass(frozen=True)
class Heading:
    """A heading found in the notebook HTML, with its new id."""

    level: int
    id: str
    text: str


def strip_assets(content: str) -> str:
    """Drop inline <style>/<script>, comments, the clipboard widget and its hidden copy of the
    source, and the In/Out prompts."""
    content = _ASSETS.sub("", content)
    content = _COPY.sub("", content)
    return _PROMPT.sub("", content)


def unwrap_markdown(content: str) -> str:
    """Lift Markdown cells out of their four wrapper <div>s.

    Material's search ends a heading's section when the heading's parent element closes, so
    a heading must be a sibling of the cells that follow it for their text to land in its section.
    """
    return _MD_CELL.sub(r"\1", content)


def mark_code(content: str) -> str:
    """Render code as Material code blocks (copy button, theme) and keep code and outputs out of
    search.

    The mark goes on each <pre>: Material's search parser matches excluded elements by tag name,
    so an excluded <div> would be "closed" by the first nested </div>.
    """
    content = _HIGHLIGHT.sub(
        r'<div class="language-python highlight"><pre><code>\1</code></pre></div>', content
    )
    return _PRE.sub("<pre data-search-exclude", content)


def reid_headings(
    content: str, slugify: Callable[[str, str], str], permalink_title: str
) -> tuple[str, list[Heading]]:
    """Give headings the site's slug ids and Material's permalinks; return them for the TOC."""
    seen: dict[str, int] = {}
    headings: list[Heading] = []

    def replace(match: re.Match) -> str:
        level, inner = int(match[1]), match[2]
        text = html.unescape(re.sub(r"<[^>]+>", "", inner)).strip()
        slug = slugify(text, "-") or "section"
        count = seen.get(slug, 0)
        seen[slug] = count + 1
        hid = slug if count == 0 else f"{slug}_{count}"
        headings.append(Heading(level, hid, text))
        link = f'<a class="headerlink" href="#{hid}" title="{html.escape(permalink_title)}">¶</a>'
        return f'<h{level} id="{hid}">{inner}{link}</h{level}>'

    return _HEADING.sub(replace, content), headings


def toc_tokens(headings: list[Heading]) -> list[dict]:
    """Nested TOC tokens in the shape `mkdocs.structure.toc.get_toc` expects."""
    root: list[dict] = []
    stack: list[dict] = []
    for h in headings:
        token = {"level": h.level, "id": h.id, "name": h.text, "children": []}
        while stack and stack[-1]["level"] >= h.level:
            stack.pop()
        (stack[-1]["children"] if stack else root).append(token)
        stack.append(token)
    return root


def rewrite_links(
    content: str, src_dir: str, resolve: Callable[[str], str | None]
) -> tuple[str, list[str]]:
    """Turn links to Markdown sources into page URLs; `resolve(src_uri)` gives a relative URL.

    Returns the new HTML and the links whose target page does not exist (left unchanged).
    """
    missing: list[str] = []

    def replace(match: re.Match) -> str:
        url = resolve(posixpath.normpath(posixpath.join(src_dir, match[1])))
        if url is None:
            missing.append(match[1])
            return match[0]
        return f'href="{url}{match[2] or ""}"'

    return _MD_LINK.sub(replace, content), missing


def action_bar(links: dict[str, str]) -> str:
    """The download / Colab / Binder / in-browser buttons under the title."""
    items = [
        ("lite", "在浏览器中运行", "JupyterLite：无需安装，Python 在你的浏览器里运行"),
        ("download", "下载 .ipynb", "下载这本笔记，在本地 Jupyter 中打开"),
        ("colab", "在 Colab 中打开", "Google Colab"),
        ("binder", "在 Binder 中打开", "mybinder.org"),
    ]
    buttons = "".join(
        f'<a class="md-button{" md-button--primary" if key == "lite" else ""}" '
        f'data-nb-link="{key}" href="{html.escape(links[key])}" title="{title}"'
        f"{' download' if key == 'download' else ''}>{label}</a>"
        for key, label, title in items
    )
    return f'<p class="nb-actions" data-search-exclude>{buttons}</p>'


def insert_after_title(content: str, fragment: str) -> str:
    """Insert `fragment` right after the first </h1> (or at the top without one)."""
    idx = content.find("</h1>")
    if idx < 0:
        return fragment + content
    idx += len("</h1>")
    return content[:idx] + fragment + content[idx:]


# What a notebook page's cells may hold once rendered: text structure, tables, code, figures.
_SAFE_TAGS = {
    *("div", "span", "p", "a", "pre", "code", "br", "hr", "blockquote", "img"),
    *("h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd"),
    *("table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption"),
    *("strong", "em", "b", "i", "sub", "sup", "kbd", "mark", "small", "del"),
    *("details", "summary", "figure", "figcaption"),
}
_SAFE_ATTRIBUTES = {
    "*": {"class", "id", "title", "tabindex"},
    "a": {"href", "download"},
    "img": {"src", "alt", "width", "height"},
    "th": {"colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
}
_IMAGE_DATA = re.compile(r"^data:image/(?:png|jpeg|gif|webp);base64,", re.IGNORECASE)


def _safe_url(tag: str, attribute: str, value: str) -> str | None:
    """Only figures may be inline data; every other address keeps nh3's scheme allow-list."""
    if value.lower().startswith("data:") and not (tag == "img" and _IMAGE_DATA.match(value)):
        return None
    return value


def sanitize(content: str) -> str:
    """The notebook's HTML with only what cells need: no script, no event handler, no inline
    style, no `javascript:` or non-image `data:` address (Markdown cells and outputs alike)."""
    return nh3.clean(
        content,
        tags=_SAFE_TAGS,
        attributes=_SAFE_ATTRIBUTES,
        generic_attribute_prefixes={"data-"},
        attribute_filter=_safe_url,
        url_schemes={"https", "http", "mailto", "data"},
        link_rel=None,
        strip_comments=True,
    )
