"""A rendered page's HTML parsed once, into lxml's tree, for every plugin that reads it (the search
records, the practice bank): the site model keeps the page being rendered (SiteModel.rendered).

libxml2 parses the page as a document (html and body around it), as BeautifulSoup's lxml builder
did; `walk` gives its content back as the start, text and end events an HTML tokenizer would.
"""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

Element = etree._Element
WRAPPERS = {"html", "head", "body"}  # what libxml2 puts around a page's HTML


def tree(html: str | Element) -> Element:
    """`html` parsed (an element is taken as it is)."""
    if not isinstance(html, str):
        return html
    root = etree.HTML(html) if html.strip() else None
    return root if root is not None else etree.Element("html")


def walk(root: Element) -> Iterator[tuple[str, str | Element]]:
    """("start", element), ("text", str) and ("end", element) events of the page in document
    order; comments give only the text after them, the html, head and body wrappers nothing."""
    stack: list[tuple[Element, Iterator[Element]]] = [(root, iter(root))]
    if root.text:
        yield "text", root.text
    while stack:
        element, children = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            if element.tag not in WRAPPERS:
                yield "end", element
            if element.tail and stack:
                yield "text", element.tail
            continue
        if not isinstance(child.tag, str):  # a comment or processing instruction
            if child.tail:
                yield "text", child.tail
            continue
        if child.tag not in WRAPPERS:
            yield "start", child
        if child.text:
            yield "text", child.text
        stack.append((child, iter(child)))


def classes(element: Element) -> list[str]:
    """The element's class names."""
    return (element.get("class") or "").split()
