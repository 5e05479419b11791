"""Reading a question in Chromium: its tag chips lead to the tags page; glossary tips answer the
keyboard's focus, a tap on a phone's layout and instant navigation (the tip's behaviour without
layout is tested in Node, tests/js/glossary_tip_page.test.mjs)."""

from __future__ import annotations

import pytest

from helpers import site_path, topic_pages
from llm_interview.pages.topics import SLUGS as TOPICS

TIP = "#qa-tip"
ARCH = "architecture/attention/"  # a subtopic page: questions, formulas and glossary terms
INFERENCE = "inference/kv-cache/"


def _questions_and_chips(page) -> list[tuple[str, int]]:
    """(id, number of tag chips) of every question on the open page."""
    return page.evaluate(
        """() => [...document.querySelectorAll("article h2[id]")].map((h) => {
            let chips = 0;
            for (let el = h.nextElementSibling; el && el.tagName !== "H2"; el = el.nextElementSibling) {
                if (el.matches("p.qa-tags")) chips += el.querySelectorAll("a.md-tag").length;
            }
            return [h.id, chips];
        })"""
    )


@pytest.mark.parametrize("topic", TOPICS)
def test_a_question_shows_at_most_three_chips_and_none_stand_above_the_title(page, site_url, topic):
    page.goto(site_url + site_path(next(iter(topic_pages(topic)))))
    counts = _questions_and_chips(page)
    assert counts and all(n <= 3 for _, n in counts), counts
    assert sum(n > 0 for _, n in counts) >= len(counts) * 0.8, "most questions carry a tag"
    above = page.evaluate(
        """() => { const h1 = document.querySelector("article h1");
            return [...document.querySelectorAll(".md-tag, .md-tags")].filter(
                (t) => t.compareDocumentPosition(h1) & Node.DOCUMENT_POSITION_FOLLOWING).length; }"""
    )
    assert above == 0


def test_a_chip_leads_to_the_tags_page_section_that_lists_its_question(page, site_url):
    page.goto(f"{site_url}{ARCH}")
    qid = next(q for q, n in _questions_and_chips(page) if n)
    chip = page.locator(f"h2#{qid} ~ p.qa-tags a.md-tag").first
    tag = chip.inner_text()
    chip.click()
    page.wait_for_url("**/tags/#*")
    anchor = page.evaluate("decodeURIComponent(location.hash.slice(1))")
    section = page.locator(f'[id="{anchor}"]')
    assert section.inner_text() == tag
    listed = section.locator("xpath=following-sibling::ul[1]//a").evaluate_all(
        "links => links.map((a) => a.href)"
    )
    assert any(href.endswith(f"{ARCH}#{qid}") for href in listed), listed
    assert page.locator("article .qa-tag-list abbr").count() == 0


def test_keyboard_focus_shows_the_tip_and_escape_hides_it(page, site_url):
    page.goto(f"{site_url}{INFERENCE}")
    term = page.locator("article .qa-answer abbr").first
    term.focus()
    page.locator(TIP).wait_for(state="visible")
    page.keyboard.press("Escape")
    page.locator(TIP).wait_for(state="hidden")
    assert term.get_attribute("title"), "the definition stays on the term"


def test_a_tap_toggles_the_tip_on_a_phone(browser, site_url):
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
    )
    page = context.new_page()
    try:
        page.goto(f"{site_url}{ARCH}")
        term = page.locator("article .qa-answer abbr").first
        term.scroll_into_view_if_needed()
        term.tap()
        tip = page.locator(TIP)
        tip.wait_for(state="visible")
        box = tip.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390, box
        term.tap()
        tip.wait_for(state="hidden")
    finally:
        context.close()


def test_the_tip_does_not_outlive_its_page_under_instant_navigation(page, site_url):
    page.goto(f"{site_url}{ARCH}")
    page.locator("article .qa-answer abbr").first.hover()
    page.locator(TIP).wait_for(state="visible")
    # a link in the answer: the sidebar lists only the current topic's pages (navigation.prune)
    page.evaluate(f"() => document.querySelector('article a[href*=\"{INFERENCE}#\"]').click()")
    page.wait_for_url(f"**/{INFERENCE}#*")
    page.locator(TIP).wait_for(state="hidden")
    page.locator("article .qa-answer abbr").first.hover()
    page.locator(TIP).wait_for(state="visible")
    assert page.locator(".qa-tip").count() == 1
