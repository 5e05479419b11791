"""The built site: every entry reachable by anchor, the seed's text on the pages, and the pages in Chromium."""

from __future__ import annotations

import re
from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

from helpers import import_into, site_path, topic_html, topic_ids, topic_pages
from llm_interview.pages.layout import subpage
from llm_interview.pages.topics import TOPICS


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    return import_into(tmp_path_factory.mktemp("import") / "docs")


def test_every_seed_entry_has_an_anchor_on_the_site(built_site, report):
    """Wherever an editor has moved it, each entry the importer makes from the seed is reachable."""
    html = "".join(topic_html(built_site, t.slug) for t in TOPICS)
    for entry in report["entries"]:
        assert f'id="{entry["id"]}"' in html, entry["id"]


def test_nav_holds_the_topics(built_site):
    home = (built_site / "index.html").read_text(encoding="utf-8")
    nav = home[home.index('class="md-nav md-nav--primary"') :]
    for topic in TOPICS:
        assert f'href="{topic.slug}/"' in nav and topic.title in nav


TOPIC_FACT = re.compile(r'<meta name="llm-interview:topic" content="([^"]*)">')


def test_a_topics_pages_name_their_topic_for_the_page_scripts(built_site):
    """The practice marks find the topic in the page (site/facts.py), not in its address."""
    for topic in TOPICS:
        for path in [f"{topic.slug}/", *(site_path(src) for src in topic_pages(topic.slug))]:
            head = (built_site / path / "index.html").read_text("utf-8").split("</head>", 1)[0]
            assert TOPIC_FACT.findall(head) == [topic.slug], path
    for path in ["", "practice/", "glossary/", "print/", "drills/"]:
        assert not TOPIC_FACT.search((built_site / path / "index.html").read_text("utf-8")), path


PRACTICE_FACT = '<meta name="llm-interview:practice" content="practice/">'


def test_every_page_names_the_practice_page_for_the_links_its_scripts_make(built_site):
    skip = {"assets", "lite", "print"}  # the print page is print-site's, with no links to practise
    pages = [p for p in built_site.rglob("index.html") if not skip & set(p.parts)]
    assert built_site / "practice" / "index.html" in pages  # the pages were found
    missing = [p for p in pages if PRACTICE_FACT not in p.read_text("utf-8").split("</head>")[0]]
    assert missing == []


def test_home_cards_carry_each_topics_question_ids_for_its_progress(built_site):
    home = (built_site / "index.html").read_text("utf-8")
    slots = re.findall(r'<span class="practice-progress" data-ids="([^"]*)">', home)
    assert [slot.split() for slot in slots] == [topic_ids(t.slug) for t in TOPICS]


def _requests(page, url):
    seen: list[str] = []
    page.on("request", lambda r: seen.append(r.url))
    page.goto(url, wait_until="networkidle")
    return seen


@pytest.mark.parametrize("path", ["", "inference/", "inference/serving/"])
def test_pages_request_nothing_from_other_hosts(page, site_url, path):
    seen = _requests(page, site_url + path)
    host = urlparse(site_url).netloc
    foreign = [
        u for u in seen if urlparse(u).scheme in {"http", "https"} and urlparse(u).netloc != host
    ]
    assert foreign == []


def test_home_lists_topics_with_counts(page, site_url):
    page.goto(site_url)
    assert page.locator("h1").first.inner_text().startswith("大模型面试知识库")
    cards = page.locator("article .topic-cards > ul > li")
    assert cards.count() == len(TOPICS)
    counts = {t.slug: len(topic_ids(t.slug)) for t in TOPICS}
    for n, topic in enumerate(TOPICS):
        card = cards.nth(n)
        assert card.locator("a").first.get_attribute("href").endswith(f"/{topic.slug}/")
        assert f"{topic.title} · {counts[topic.slug]} 题" in card.inner_text()


def test_topic_overview_lists_its_questions_and_a_subtopic_page_renders_them(page, site_url):
    page.goto(site_url + "architecture/")
    assert page.locator("h1").first.inner_text().startswith("模型架构")
    assert page.locator("article li a[href*='#']").count() == len(topic_ids("architecture"))
    src, text = next(iter(topic_pages("architecture").items()))
    page.goto(site_url + site_path(src))
    assert page.locator("h1").first.inner_text().startswith(subpage(src, text).title)
    assert page.locator("article h2[id]").count() >= 3
    assert page.locator("article pre code").count() >= 1


def test_home_and_each_topic_overview_link_the_topic_pdf(built_site):
    home = (built_site / "index.html").read_text(encoding="utf-8")
    for topic in TOPICS:
        pdf = f"downloads/llm-interview-zh-{topic.slug}.pdf"
        text = re.search(rf'{re.escape(pdf)}">(.*?)</a>', home)
        assert text and re.sub(r"<[^>]+>", "", text[1]) == topic.title  # glossary tips may wrap
        overview = (built_site / topic.slug / "index.html").read_text(encoding="utf-8")
        assert f'{pdf}">下载本主题 PDF</a>' in overview


def test_deep_link_lands_on_the_entry(page, site_url):
    page.goto(site_url + "inference/#kv-cache-gqa")
    heading = page.locator("#kv-cache-gqa")
    heading.wait_for()
    page.wait_for_function(
        "() => Math.abs(document.getElementById('kv-cache-gqa').getBoundingClientRect().top) < 200"
    )
    assert "KV Cache" in heading.inner_text()


@pytest.mark.parametrize("path", ["", "architecture/", "inference/#kv-cache-gqa"])
def test_phone_view_has_no_horizontal_overflow(browser, site_url, path):
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True
    )
    page = context.new_page()
    page.goto(site_url + path, wait_until="networkidle")
    width = page.evaluate("() => document.documentElement.scrollWidth")
    context.close()
    assert width <= 390


def test_phone_drawer_reaches_the_questions_of_the_page(browser, site_url):
    """A subtopic page is an ordinary page, so Material's drawer lists its questions under it."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    page.goto(site_url + "inference/serving/")
    page.locator("label.md-header__button[for=__drawer]").click()
    page.locator(".md-nav--primary label.md-nav__link--active[for=__toc]").click()
    link = page.locator(".md-nav--primary .md-nav--secondary a[href$='#paged-attention']")
    link.click()
    expect(page).to_have_url(re.compile(r"#paged-attention$"))
    expect(page.locator("h2#paged-attention")).to_be_in_viewport()
    context.close()


def test_404_page_is_chinese(built_site):
    page = (built_site / "404.html").read_text(encoding="utf-8")
    assert "没有找到这一页" in page


def test_no_raw_html_block_is_left_unparsed(built_site):
    """A `markdown` attribute left in the HTML means the block was swallowed as text
    (for example by a `<` before a letter in a formula)."""
    for html_file in built_site.glob("**/*.html"):
        html = html_file.read_text(encoding="utf-8")
        assert " markdown>" not in html and "<p><p " not in html, html_file
