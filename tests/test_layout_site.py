"""The folder layout in Chromium: every old `<topic>/#<id>` link lands on its question, and a
topic's overview lists the same questions, page by page, as each subtopic page's own nav."""

from __future__ import annotations

import json

import pytest

from helpers import site_path, topic_ids, topic_pages
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
        assert f'<h2 id="{entry_id}"' in (built_site / url / "index.html").read_text("utf-8")


@pytest.mark.parametrize("topic", [t.slug for t in TOPICS])
def test_every_old_topic_link_is_sent_to_its_question(page, site_url, mapping, topic):
    """The first old link of each topic is followed to its question; for the others the page the
    browser is sent to is recorded and answered with No Content, so the overview stays loaded and
    one load checks them all."""
    first, *rest = topic_ids(topic)
    page.goto(f"{site_url}{topic}/#{first}", wait_until="commit")
    page.wait_for_url(f"{site_url}{mapping[first]}#{first}", wait_until="domcontentloaded")
    assert page.locator(f"h2[id='{first}']").count() == 1

    sent: list[str] = []

    def stop_leaving(route):
        request = route.request
        if request.is_navigation_request() and request.url != f"{site_url}{topic}/":
            sent.append(request.url)
            return route.fulfill(status=204)  # No Content: the browser stays where it is
        return route.continue_()

    page.route("**/*", stop_leaving)
    page.goto(f"{site_url}{topic}/", wait_until="domcontentloaded")
    wrong = []
    for entry_id in rest:
        sent.clear()
        page.evaluate("id => setTimeout(() => { location.hash = id; })", entry_id)
        for _ in range(500):
            if sent:
                break
            page.wait_for_timeout(10)
        if set(sent) != {f"{site_url}{mapping[entry_id]}"}:
            wrong.append((entry_id, sent[:]))
    assert wrong == []


def test_an_unknown_hash_stays_on_the_overview(page, site_url):
    page.goto(f"{site_url}rl/#no-such-question")
    page.wait_for_load_state("networkidle")
    assert page.url == f"{site_url}rl/#no-such-question"


@pytest.mark.parametrize("topic", [t.slug for t in TOPICS])
def test_overview_and_subtopic_nav_list_the_same_questions(page, site_url, topic):
    page.goto(f"{site_url}{topic}/", wait_until="domcontentloaded")
    listed = page.eval_on_selector_all(
        "article li > a[href*='#']", "links => links.map(a => a.href)"
    )
    from_navs = []
    for src in topic_pages(topic):
        page.goto(site_url + site_path(src), wait_until="domcontentloaded")
        toc = page.eval_on_selector_all(
            ".md-sidebar--secondary nav.md-nav--secondary a.md-nav__link",
            "links => links.map(a => a.href)",
        )
        assert 0 < len(toc) <= PAGE_LIMIT, src
        from_navs += toc
    assert listed == from_navs
