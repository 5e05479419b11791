"""The folder layout: every old `<topic>/#<id>` link has its question's page in the map, and one
is followed in Chromium; a topic's overview lists the same questions, page by page, as each
subtopic page's own nav (in the built HTML)."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urljoin

import pytest
from lxml import html as lxml_html

from helpers import built, question_sections, site_path, topic_ids, topic_pages
from llm_interview.pages.layout import PAGE_LIMIT
from llm_interview.pages.pagetext import find_entries
from llm_interview.pages.topics import TOPICS


@pytest.fixture(scope="module")
def mapping(built_site) -> dict[str, str]:
    return json.loads((built_site / "assets" / "permalinks.json").read_text("utf-8"))


def test_every_id_is_in_the_permalink_map_and_on_its_page(built_site, mapping):
    expected = {
        e.id: site_path(src)
        for t in TOPICS
        for src, text in topic_pages(t.slug).items()
        for e in find_entries(text)
    }
    assert mapping == expected
    for entry_id, url in mapping.items():
        assert entry_id in question_sections((built_site / url / "index.html").read_text("utf-8"))


def test_an_old_topic_link_is_sent_to_its_question(page, site_url, mapping):
    """End to end in the browser, on load and on a later hash change. Where each id goes is the
    map's (the test above); what the script does with it, Node tests (tests/js/permalinks.test.mjs)."""
    first, *rest = topic_ids("training")
    page.goto(f"{site_url}training/#{first}", wait_until="commit")
    page.wait_for_url(f"{site_url}{mapping[first]}#{first}", wait_until="domcontentloaded")
    assert page.locator(f"h2[id='{first}']").count() == 1
    later = rest[-1]
    page.goto(f"{site_url}training/", wait_until="load")
    page.evaluate("id => setTimeout(() => { location.hash = id; })", later)
    page.wait_for_url(f"{site_url}{mapping[later]}#{later}", wait_until="domcontentloaded")
    assert page.locator(f"h2[id='{later}']").count() == 1


def _links(site: Path, src: str, xpath: str) -> list[str]:
    """The targets of the links `xpath` selects on a built page, as paths from the site's root."""
    base = "/" + site_path(src)
    tree = lxml_html.fromstring(built(site, src).read_text(encoding="utf-8"))
    return [urljoin(base, a.get("href")) for a in tree.xpath(xpath)]


OVERVIEW_LINKS = "//article//li/a[contains(@href, '#')]"
PAGE_TOC = (
    "//*[contains(@class, 'md-sidebar--secondary')]//nav[contains(@class, 'md-nav--secondary')]"
    "//a[contains(concat(' ', @class, ' '), ' md-nav__link ')]"
)


@pytest.mark.parametrize("topic", [t.slug for t in TOPICS])
def test_overview_and_subtopic_nav_list_the_same_questions(built_site, topic):
    listed = _links(built_site, f"{topic}/index.md", OVERVIEW_LINKS)
    from_navs = []
    for src in topic_pages(topic):
        toc = _links(built_site, src, PAGE_TOC)
        assert 0 < len(toc) <= PAGE_LIMIT, src
        from_navs += toc
    assert listed == from_navs, (len(listed), len(from_navs))
