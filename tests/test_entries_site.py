"""Entries on the built site: every anchor, the 参考答案 before a collapsed 原始回答, math rendered
at build time in the site's own font, and a 原始回答 that opens when a search hit points inside it."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote

import pytest

from helpers import built, question_sections, site_path, topic_ids, topic_pages
from llm_interview.bench.search_ui import open_search, search
from llm_interview.pages.pagetext import find_entries
from llm_interview.pages.topics import SLUGS as TOPICS

ROOT = Path(__file__).resolve().parent.parent
ORIGINAL = re.compile(r'<details class="quote"(?P<open> open)?>\s*<summary>原始回答</summary>')


def entry_html(site: Path, topic: str) -> dict[str, str]:
    """Entry id -> its HTML (from its h2 to the next h2) on the topic's built pages."""
    found = {}
    for src in topic_pages(topic):
        text = built(site, src).read_text(encoding="utf-8")
        article = text[text.index("<article") : text.index("</article>")]
        found |= question_sections(article)
    return found


@pytest.mark.parametrize("topic", TOPICS)
def test_every_entry_has_its_anchor_and_answer_first(built_site, topic):
    html = entry_html(built_site, topic)
    for entry_id in topic_ids(topic):
        assert entry_id in html, f"{topic}/#{entry_id} has no anchor in the built page"
        part = html[entry_id]
        answer = part.find('<div class="qa-answer">')
        original = ORIGINAL.search(part)
        if original:
            assert not original["open"], f"{entry_id}: 原始回答 should start collapsed"
            assert 0 <= answer < original.start(), f"{entry_id}: 参考答案 must come first"


def _page_with_math(site: Path) -> str:
    return next(
        src
        for t in TOPICS
        for src in topic_pages(t)
        if 'class="arithmatex"' in built(site, src).read_text("utf-8")
    )


def test_math_arrives_rendered_in_the_sites_own_font(built_site, site_url, page):
    """Formulas are MathML from the build: no script typesets them, and the browser lays them
    out in the STIX Two Math subset the site serves."""
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(site_url + site_path(_page_with_math(built_site)))
    bare = page.evaluate(
        "[...document.querySelectorAll('.arithmatex')].filter(e => !e.querySelector(':scope > math'))"
        ".map(e => e.textContent.slice(0, 60))"
    )
    assert bare == []
    page.evaluate("document.fonts.ready")
    assert page.evaluate("""document.fonts.check('16px "STIX Two Math"')""")
    assert any(r.endswith("assets/fonts/stix-two-math.woff") for r in requests), requests
    assert not [r for r in requests if "katex" in r or r.endswith("/math.js")]
    assert all(r.startswith(site_url) or r.startswith("data:") for r in requests), requests


def _original_phrase(topic: str) -> tuple[str, str, str]:
    """(page URL, entry id, phrase) of an entry with a 原始回答 and a phrase found only there, on
    the whole site (a phrase other pages share would rank as their words too)."""
    site = "".join(text for t in TOPICS for text in topic_pages(t).values())
    for src, text in topic_pages(topic).items():
        found = _phrase_on(text, site)
        if found:
            return (site_path(src), *found)
    pytest.skip(f"no entry on {topic} has a 原始回答 with a phrase of its own")


def _phrase_on(text: str, site: str) -> tuple[str, str] | None:
    """The first entry with a 原始回答 and the longest phrase of it found nowhere else on the site."""
    for entry in find_entries(text):
        body = "\n".join(text.split("\n")[entry.start : entry.end])
        if "/// details | 原始回答" not in body:
            continue
        answer, original = body.split("/// details | 原始回答", 1)
        phrases = re.findall(r"[\u4e00-\u9fff]{5,}", original)
        own = [p for p in phrases if p not in answer and site.count(p) == 1]
        if own:
            return entry.id, max(own, key=len)
    return None


def test_a_link_with_a_search_hit_inside_the_original_opens_it(site_url, page):
    url, entry_id, phrase = _original_phrase("fine-tuning")
    page.goto(f"{site_url}{url}?h={quote(phrase)}#{entry_id}")
    page.wait_for_function(
        "() => [...document.querySelectorAll('mark[data-md-highlight]')]"
        ".some(m => m.closest('details') && m.closest('details').open)"
    )


def test_the_original_answer_is_searchable_and_its_hit_opens_it(site_url, page):
    url, entry_id, phrase = _original_phrase("architecture")
    open_search(page, site_url)
    results = search(page, phrase)
    assert f"{url}#{entry_id}" in results[:5], results
    page.locator(f"a.md-search-result__link[href*='#{entry_id}']").first.click()
    page.wait_for_function(
        f"() => document.querySelector('#{entry_id}') && [...document.querySelectorAll('details')]"
        ".some(d => d.open && d.querySelector('mark[data-md-highlight]'))"
    )
