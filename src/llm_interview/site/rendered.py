"""A rendered page's HTML parsed once, into lxml's tree, for every plugin that reads it (the search
records, the practice bank): the site model keeps the page being rendered (SiteModel.rendered).

libxml2 parses the page as a document (html, head and body around it: WRAPPERS), as
BeautifulSoup's lxml builder did.
"""

from __future__ import annotations

from lxml import etree

Element = etree._Element
WRAPPERS = {"html", "head", "body"}  # what libxml2 puts around a page's HTML


def tree(html: str | Element) -> Element:
    """`html` parsed (an element is taken as it is)."""
    if not isinstance(html, str):
        return html
    root = etree.HTML(html) if html.strip() else None
    return root if root is not None else etree.Element("html")


def classes(element: Element) -> list[str]:
    """The element's class names."""
    return (element.get("class") or "").split()
