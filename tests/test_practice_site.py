"""Practice mode in Chromium: what needs a real browser (instant navigation, downloads and the file
chooser, formulas, the network, layout on a phone). The views' behaviour without layout is tested in
Node (tests/js/practice_*.test.mjs)."""

from __future__ import annotations

import json
from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

from helpers import page_of, site_path, topic_ids
from llm_interview.pages.topics import TOPICS

KEY = "llm-interview-zh:practice:v1"
PAGE_IDS = {t.slug: topic_ids(t.slug) for t in TOPICS}


@pytest.fixture
def reader(browser):
    """A page in its own context, in Beijing time, with downloads allowed."""
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, timezone_id="Asia/Shanghai", accept_downloads=True
    )
    yield context.new_page()
    context.close()


def stored(page) -> dict | None:
    raw = page.evaluate(f"() => localStorage.getItem('{KEY}')")
    return None if raw is None else json.loads(raw)


def open_practice(page, site_url, query="") -> None:
    page.goto(f"{site_url}practice/{query}")
    page.locator(".practice-setup").wait_for()


def start(page) -> None:
    page.locator(".practice-start").focus()
    page.keyboard.press("Enter")
    page.locator(".practice-card").wait_for()


def answer_and_grade(page, key: str) -> None:
    """Space shows the answer (once the bank is in); a digit grades it."""
    page.keyboard.press(" ")
    page.locator(".practice-grades").wait_for()
    page.keyboard.press(key)


def test_bank_holds_every_entry_from_the_pages(built_site):
    bank = json.loads((built_site / "practice.json").read_text("utf-8"))
    assert [t["slug"] for t in bank["topics"]] == [t.slug for t in TOPICS]
    assert [e["id"] for e in bank["entries"]] == [i for t in TOPICS for i in PAGE_IDS[t.slug]]
    for entry in bank["entries"]:
        assert entry["title"].endswith("？") and "¶" not in entry["title"], entry["id"]
        assert entry["url"] == f"{site_path(page_of(entry['id']))}#{entry['id']}"
        assert len(entry["answer"]) > 200 and entry["keywords"], entry["id"]
        assert 'href="#' not in entry["answer"], entry["id"]  # links rooted at the site
    assert sum('class="arithmatex"><math' in e["answer"] for e in bank["entries"]) > 10
    assert not any("\\(" in e["answer"] or "\\[" in e["answer"] for e in bank["entries"])
    page = (built_site / "practice" / "index.html").read_text("utf-8")
    assert '<template id="practice-index">' in page and "practice.json" not in page
    assert all(f'"id":"{e["id"]}"' in page for e in bank["entries"])


def test_topic_pages_carry_their_controls_and_the_print_page_and_search_do_not(built_site):
    bank = json.loads((built_site / "practice.json").read_text("utf-8"))
    ids = [e["id"] for e in bank["entries"] if e["url"].startswith("rl/")]
    pages = {e["url"].split("#")[0] for e in bank["entries"] if e["id"] in ids}
    html = "".join((built_site / url / "index.html").read_text("utf-8") for url in pages)
    assert html.count('<div class="practice-toolbar"') == len(pages)
    assert html.count('<div class="practice-mark"') == len(ids)
    assert 'href="../../practice/?topics=rl&amp;mode=due"' in html
    for other in ("print/index.html", "search/search_index.json"):
        assert "practice-mark" not in (built_site / other).read_text("utf-8"), other


def test_shown_answer_has_its_math_rendered(reader, site_url):
    """The bank holds the answers as the pages show them: formulas are MathML already."""
    open_practice(reader, site_url, "?topics=inference")
    start(reader)
    reader.keyboard.press(" ")
    reader.locator(".practice-answer").wait_for()
    assert reader.locator(".practice-answer .arithmatex > math").count() > 0
    assert "\\(" not in reader.locator(".practice-answer").inner_text()


def test_grades_survive_a_reload_and_instant_navigation(reader, instant_url):
    site_url = instant_url
    open_practice(reader, site_url, "?topics=rl")
    start(reader)
    first = PAGE_IDS["rl"][0]
    answer_and_grade(reader, "1")
    reader.reload()
    reader.locator(".practice-setup").wait_for()
    expect(reader.locator(".practice-due__count")).to_have_text("1")
    # An instant-navigation hop (no page load): the topic page shows the state beside the title.
    reader.evaluate("() => { window.notReloaded = true; }")
    reader.locator("#practice-missed a").first.click()
    reader.locator(f"h2#{first} .practice-state").wait_for()
    expect(reader.locator(f"h2#{first} .practice-state")).to_have_text("待复习")
    # …and back to the practice page, where the drill still answers the keyboard.
    reader.locator(".practice-toolbar a", has_text="只练待复习").click()
    reader.locator(".practice-setup").wait_for()
    assert reader.evaluate("() => window.notReloaded") is True
    expect(reader.locator("input[value=due]")).to_be_checked()
    start(reader)
    expect(reader.locator(".practice-meta")).to_contain_text("第 1 / 1 题")
    answer_and_grade(reader, "3")
    assert stored(reader)["entries"][first]["box"] == 2
    expect(reader.locator(".practice-done")).to_be_visible()


def test_export_clear_import_restores_the_same_state(reader, site_url, tmp_path):
    open_practice(reader, site_url, "?topics=training")
    start(reader)
    for key in "3211":
        answer_and_grade(reader, key)
    before = stored(reader)
    with reader.expect_download() as download:
        reader.locator(".practice-export").click()
    exported = tmp_path / "progress.json"
    download.value.save_as(exported)
    assert json.loads(exported.read_text("utf-8"))["entries"] == before["entries"]

    reader.evaluate("() => localStorage.clear()")
    reader.reload()
    reader.locator(".practice-setup").wait_for()
    expect(reader.locator(".practice-due__count")).to_have_text("0")
    with reader.expect_file_chooser() as chooser:
        reader.locator(".practice-import-replace").click()
    chooser.value.set_files(exported)
    reader.locator(".practice-status", has_text="已用 progress.json 替换").wait_for()
    assert stored(reader) == before
    expect(reader.locator(".practice-due__count")).to_have_text("2")


def test_the_bank_is_requested_when_a_session_starts_not_with_the_page(reader, site_url):
    """practice.json is most of the page's weight: the form, counts and questions come inline."""
    banks: list[str] = []
    reader.on("request", lambda r: banks.append(r.url) if "practice.json" in r.url else None)
    reader.goto(f"{site_url}practice/?topics=rl", wait_until="networkidle")
    expect(reader.locator(".practice-topic input[value=rl]")).to_be_checked()
    assert banks == []
    start(reader)
    answer_and_grade(reader, "3")
    assert banks == [f"{site_url}practice.json"]


def test_practice_requests_nothing_from_other_hosts(reader, site_url):
    seen: list[str] = []
    reader.on("request", lambda r: seen.append(r.url))
    open_practice(reader, site_url, "?topics=inference")
    start(reader)
    answer_and_grade(reader, "3")
    reader.goto(site_url + "inference/serving/", wait_until="networkidle")
    host = urlparse(site_url).netloc
    assert [
        u for u in seen if urlparse(u).scheme in {"http", "https"} and urlparse(u).netloc != host
    ] == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_phone_width_fits_and_buttons_are_thumb_sized(browser, site_url, scheme):
    context = browser.new_context(
        viewport={"width": 390, "height": 844},
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
        color_scheme=scheme,
    )
    page = context.new_page()
    page.goto(site_url + "practice/?topics=inference", wait_until="networkidle")
    width = lambda: page.evaluate("() => document.documentElement.scrollWidth")  # noqa: E731
    assert width() <= 390
    page.locator(".practice-start").tap()
    page.locator(".practice-reveal").tap()
    assert width() <= 390
    targets = [
        ".practice-grade",
        ".practice-stop",
        ".practice-start",
        ".practice-topic",
        ".practice-mode",
    ]
    for selector in targets:
        for box in page.locator(selector).evaluate_all(
            "els => els.filter(e => e.offsetParent).map(e => e.getBoundingClientRect().toJSON())"
        ):
            assert box["height"] >= 44 and box["width"] >= 44, (selector, box)
    grades = page.locator(".practice-grades").bounding_box()
    assert grades["y"] + grades["height"] <= 844  # in reach at the bottom of the screen
    page.locator(".practice-grade", has_text="掌握").tap()
    page.goto(site_url + "architecture/attention/", wait_until="networkidle")
    assert width() <= 390
    boxes = page.locator(".practice-mark__button, .practice-filter__label").evaluate_all(
        "els => els.map(e => e.getBoundingClientRect().height)"
    )
    assert min(boxes) >= 44
    context.close()
