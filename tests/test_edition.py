"""The PDF edition and the offline copy (issue 12).

The smoke test prints a sample of the print page (two questions of every topic; `make pdf` prints
all of it), as the full edition and as one topic's PDF, and reads the files back with poppler and
pypdf. The offline test builds the copy for `file://`, unzips it and searches it in Chromium with
nothing but files.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from urllib.parse import urlparse

import pytest

from helpers import topic_pages
from llm_interview.bench.search_ui import open_search, search
from llm_interview.editions.offline.bundle import TOP_FOLDER, build, zip_site
from llm_interview.editions.pdf import inspect
from llm_interview.editions.pdf.render import CONTENT_WIDTH, FULL, render, sample_script
from llm_interview.pages.pagetext import find_entries
from llm_interview.pages.topics import BY_SLUG, TOPICS

SAMPLE = 2
TOPIC = "foundations"  # a small one


def first_titles() -> dict[str, list[str]]:
    """Each topic's title and the titles of its first questions, as the pages have them now."""
    titles = {}
    for topic in TOPICS:
        text = "\n".join(topic_pages(topic.slug).values())
        titles[topic.title] = [e.title for e in find_entries(text)[:SAMPLE]]
    return titles


@pytest.fixture(scope="module")
def pdfs(built_site, browser, tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("pdf")
    outputs = {FULL: folder / "edition.pdf", TOPIC: folder / f"{TOPIC}.pdf"}
    run = render(built_site, outputs, sample=SAMPLE, browser=browser)
    assert [p.edition for p in run.printed] == [FULL, TOPIC]
    return outputs


@pytest.fixture(scope="module")
def pdf(pdfs) -> Path:
    return pdfs[FULL]


def test_pdf_smoke(pdf):
    text = " ".join(inspect.text(pdf).split())  # titles may wrap across lines
    titles = first_titles()
    for topic, questions in titles.items():
        assert topic in text and questions[0] in text, f"{topic}: {questions[0]}"
    assert "勘误 · " in text, "no 勘误 note printed: 原始回答 must print open"
    assert "大模型面试知识库" in text and "构建日期" in text  # the cover

    fonts = inspect.fonts(pdf)
    assert all(f.embedded for f in fonts)
    assert any("NotoSansSC" in f.name for f in fonts), [f.name for f in fonts]

    bookmarks = inspect.outline(pdf)
    tops = [title for depth, title in bookmarks if depth == 0]
    assert tops == list(titles), tops
    assert {title for depth, title in bookmarks if depth == 2} >= {
        q for qs in titles.values() for q in qs
    }  # topic, its subtopic page, the question

    for width, height in inspect.page_sizes_mm(pdf):
        assert width <= inspect.A4_MM[0] + 0.5 and height <= inspect.A4_MM[1] + 0.5


PRINT_SITE_ASSETS = ("css/print-site.css", "css/print-site-material.css", "js/print-site.js")
STYLESHEET = re.compile(r'<link rel="stylesheet" href="([^"]+)"')


def test_print_site_assets_load_on_the_print_page_only(built_site):
    print_page = built_site / "print" / "index.html"
    for html in built_site.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        found = [a for a in PRINT_SITE_ASSETS if f'/{a}"' in text]
        assert found == (list(PRINT_SITE_ASSETS) if html == print_page else []), html
    assert all((built_site / asset).is_file() for asset in PRINT_SITE_ASSETS)


def test_the_print_page_links_each_stylesheet_once_at_its_address(built_site):
    links = STYLESHEET.findall((built_site / "print" / "index.html").read_text(encoding="utf-8"))
    assert len(links) == len(set(links)), links
    missing = [href for href in links if not (built_site / "print" / href).resolve().is_file()]
    assert missing == []
    assert "../notebooks/notebook.css" in links and "../assets/css/drills.css" in links


def test_a_topic_pdf_has_its_cover_and_only_its_questions(pdfs):
    pdf, topic = pdfs[TOPIC], BY_SLUG[TOPIC]
    text = " ".join(inspect.text(pdf).split())
    cover = text[: text.index("目录")]
    assert topic.title in cover and "分主题 PDF" in cover and "构建日期" in cover
    titles = first_titles()
    assert all(q in text for q in titles[topic.title])
    others = [q for title, qs in titles.items() if title != topic.title for q in qs]
    assert not [q for q in others if q in text]

    bookmarks = inspect.outline(pdf)
    assert [title for depth, title in bookmarks if depth == 0] == [topic.title]
    assert {title for depth, title in bookmarks if depth == 2} == set(titles[topic.title])

    links = inspect.links(pdf)
    assert links.jumps and set(links.jumps) <= links.places  # no link into what is not printed
    questions_elsewhere = [u for u in links.web if re.search(r"/[\w-]+/[\w-]+/#[\w-]+$", u)]
    assert [u for u in questions_elsewhere if f"/{TOPIC}/" not in u]  # other topics: on the site


# Elements whose right edge passes the printable width (a formula as a whole counts, not its parts).
OVERFLOW = """() => [...document.querySelectorAll('#print-site-page *:not(math *):not(svg *)')]
  .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 2)
  .map(e => e.outerHTML.slice(0, 120))"""


def test_print_page_hides_what_paper_cannot_use(browser, site_url):
    context = browser.new_context(viewport={"width": CONTENT_WIDTH, "height": 1000})
    page = context.new_page()
    try:
        page.emulate_media(media="print")
        page.add_init_script(sample_script(SAMPLE))
        page.goto(site_url + "print/")
        page.wait_for_function("() => document.documentElement.dataset.printReady === 'true'")
        for selector in (".md-header", ".md-sidebar--primary", ".md-clipboard"):
            hidden = page.locator(selector).evaluate_all(
                "els => els.every(e => getComputedStyle(e).display === 'none' || !e.offsetParent)"
            )
            assert hidden, selector
        assert page.locator("#print-site-page details:not([open])").count() == 0
        assert page.evaluate(OVERFLOW) == []
    finally:
        context.close()


@pytest.fixture(scope="module")
def offline_copy(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("offline")
    build(tmp / "build")
    archive = tmp / "copy.zip"
    zip_site(tmp / "build", archive)
    with zipfile.ZipFile(archive) as z:
        z.extractall(tmp / "unzipped")
    return tmp / "unzipped" / TOP_FOLDER


def test_offline_copy_searches_from_disk(browser, offline_copy):
    assert not (offline_copy / "lite").exists() and not (offline_copy / "print.html").exists()
    topic_page = (offline_copy / "rl" / "basics.html").read_text("utf-8")
    assert '<meta name="llm-interview:practice" content="practice.html">' in topic_page
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    try:
        open_search(page, (offline_copy / "index.html").as_uri())
        results = search(page, "显存")
        assert results, "no search results from file://"
        page.locator("a.md-search-result__link").first.click()
        page.wait_for_load_state()
        assert page.url.startswith("file://") and ".html" in page.url
        assert page.locator("article h1").first.is_visible()
        page.goto((offline_copy / "notebooks" / "attention.html").as_uri())
        page.locator(".nb-offline-note").first.wait_for()
        page.locator(".jupyter-wrapper math").first.wait_for()
        # Practice runs from disk too: scripts bundled as classic ones, the answers inline.
        page.goto((offline_copy / "practice.html").as_uri())
        page.locator(".practice-start").click()
        page.keyboard.press(" ")
        answer = page.locator(".practice-answer .qa-answer")
        answer.wait_for()
        assert answer.inner_text().strip()
        page.keyboard.press("3")
        stored = page.evaluate("() => localStorage.getItem('llm-interview-zh:practice:v1')")
        assert stored and '"grade":3' in stored
    finally:
        context.close()
    foreign = [u for u in requests if urlparse(u).scheme in {"http", "https"}]
    assert foreign == []
