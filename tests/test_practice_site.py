"""Practice mode in Chromium: the 练习 page, the marks on topic pages and the home page's progress."""

from __future__ import annotations

import functools
import http.server
import json
import re
import threading
from datetime import datetime, timedelta
from pathlib import Path
from urllib.parse import urlparse
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect

from helpers import page_of, site_path, topic_ids, topic_pages
from llm_interview.pages.pagetext import find_entries
from llm_interview.pages.topics import TOPICS

KEY = "llm-interview-zh:practice:v1"
APP = "llm-interview-zh/practice"
SHANGHAI = ZoneInfo("Asia/Shanghai")
DAY_ONE = datetime(2026, 12, 1, 9, 0, tzinfo=SHANGHAI)
PAGE_IDS = {t.slug: topic_ids(t.slug) for t in TOPICS}


class _PublishedSitemapHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the built site with a sitemap that names this server as the site's address.

    Material's instant navigation only intercepts links to pages in sitemap.xml, matched after
    swapping in the current protocol and host name but not the port or the path: on a test server
    every click would otherwise load a whole page.
    """

    def log_message(self, *args):  # keep test output readable
        pass

    def do_GET(self):
        if self.path != "/sitemap.xml":
            return super().do_GET()
        body = (Path(self.directory) / "sitemap.xml").read_text("utf-8")
        published = min(re.findall(r"<loc>(.*?)</loc>", body), key=len)  # the home page
        here = f"http://127.0.0.1:{self.server.server_address[1]}/"
        data = body.replace(published, here).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/xml")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


@pytest.fixture(scope="module")
def instant_url(built_site):
    """Base URL of a server on which instant navigation works as on the published site."""
    handler = functools.partial(_PublishedSitemapHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


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


def store(page, value) -> None:
    text = value if isinstance(value, str) else json.dumps(value)
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [KEY, text])


def state(entries: dict) -> dict:
    return {"app": APP, "version": 1, "entries": entries, "prefs": {"hideMastered": False}}


def record(box=1, due="2026-12-01", last=1, grade=2) -> dict:
    return {"box": box, "due": due, "last": last, "grade": grade, "reviews": 1, "lapses": 0}


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
    assert sum("arithmatex" in e["answer"] for e in bank["entries"]) > 10
    page = (built_site / "practice" / "index.html").read_text("utf-8")
    assert '<script type="application/json" id="practice-index">' in page
    assert all(f'"id":"{e["id"]}"' in page for e in bank["entries"])


def test_keyboard_drill_of_five_questions(reader, site_url):
    open_practice(reader, site_url, "?topics=architecture")
    start(reader)
    ids = PAGE_IDS["architecture"]
    for n, key in enumerate("12323"):
        assert re.match(
            rf"模型架构 · (基础|进阶|前沿) · 第 {n + 1} / {len(ids)} 题",
            reader.locator(".practice-meta").inner_text(),
        )
        expect(reader.locator(".practice-answer")).to_be_hidden()
        reader.keyboard.press(" ")
        reader.locator(".practice-answer").wait_for()
        assert reader.locator(".practice-answer .qa-answer").inner_text().strip() != ""
        assert (
            reader.locator(".practice-answer__link")
            .get_attribute("href")
            .endswith(f"/{site_path(page_of(ids[n]))}#{ids[n]}")
        )
        reader.keyboard.press(key)
    entries = stored(reader)["entries"]
    assert {i: entries[i]["grade"] for i in ids[:5]} == dict(
        zip(ids[:5], [1, 2, 3, 2, 3], strict=True)
    )
    expect(reader.locator(".practice-meta")).to_contain_text("第 6 / ")


def _bank_levels(built_site) -> dict[str, list[str]]:
    """Level -> the ids of its questions, in bank order."""
    bank = json.loads((built_site / "practice.json").read_text("utf-8"))
    levels: dict[str, list[str]] = {}
    for entry in bank["entries"]:
        levels.setdefault(entry["level"], []).append(entry)
    return levels


def test_only_basics_asks_every_basic_question_and_no_other(reader, site_url, built_site):
    basics = _bank_levels(built_site)["基础"]
    open_practice(reader, site_url, "?level=基础")
    expect(reader.locator(".practice-level input[value='基础']")).to_be_checked()
    expect(reader.locator(".practice-level input[value='前沿']")).not_to_be_checked()
    start(reader)
    for n in range(3):
        meta = reader.locator(".practice-meta").inner_text()
        assert f" · 基础 · 第 {n + 1} / {len(basics)} 题" in meta, meta
        assert reader.locator(".practice-question").inner_text() == basics[n]["title"]
        answer_and_grade(reader, "3")


def test_overview_filters_its_questions_by_level(reader, site_url, built_site):
    frontier = [e for e in _bank_levels(built_site)["前沿"] if e["topic"] == "rl"]
    reader.goto(f"{site_url}rl/")
    reader.locator(".qa-level-filter input[value='前沿']").check()
    shown = reader.locator(".qa-overview li:visible")
    expect(shown).to_have_count(len(frontier))
    assert set(shown.locator(".qa-level").all_inner_texts()) == {"前沿"}
    assert "level=" in reader.url
    link = reader.locator(".practice-toolbar__level")
    assert link.get_attribute("href").endswith("practice/?topics=rl&level=%E5%89%8D%E6%B2%BF")
    link.click()
    expect(reader.locator(".practice-level input[value='前沿']")).to_be_checked()


def test_shown_answer_has_its_math_typeset(reader, site_url):
    open_practice(reader, site_url, "?topics=inference")
    start(reader)
    reader.keyboard.press(" ")
    reader.locator(".practice-answer").wait_for()
    assert reader.locator(".practice-answer .katex").count() > 0
    expect(reader.locator(".practice-answer .arithmatex:not([data-typeset])")).to_have_count(0)


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


def test_due_mode_asks_exactly_the_due_questions_as_days_pass(reader, site_url):
    reader.clock.set_fixed_time(DAY_ONE)
    open_practice(reader, site_url, "?topics=diffusion")
    start(reader)
    for key in "123":  # 不会: due today; 模糊: tomorrow; 掌握 (first time): in 7 days
        answer_and_grade(reader, key)
    a, b, c = PAGE_IDS["diffusion"][:3]
    titles = dict(
        reader.evaluate(
            "() => fetch('../practice.json').then(r => r.json()).then(b => b.entries.map(e => [e.id, e.title]))"
        )
    )

    def due_drill(when: datetime) -> list[str]:
        reader.clock.set_fixed_time(when)
        open_practice(reader, site_url, "?topics=diffusion&mode=due")
        count = int(reader.locator(".practice-due__count").inner_text())
        if count == 0:
            return []
        start(reader)
        asked = []
        for _ in range(count):
            asked.append(reader.locator(".practice-question").inner_text())
            answer_and_grade(reader, "2")
        return asked

    assert due_drill(DAY_ONE.replace(hour=23, minute=59)) == [titles[a]]
    # Graded 模糊 again at 23:59: a is due tomorrow, like b (graded earlier) — oldest first.
    assert due_drill(DAY_ONE + timedelta(days=1)) == [titles[b], titles[a]]
    assert due_drill(DAY_ONE + timedelta(days=1, hours=1)) == []
    # a and b were graded at the same (frozen) instant on day 2, due on day 3: page order, then c.
    assert due_drill(DAY_ONE + timedelta(days=7)) == [titles[a], titles[b], titles[c]]


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


def test_import_merge_keeps_the_newer_record_per_entry(reader, site_url, tmp_path):
    a, b, c = PAGE_IDS["multimodal"][:3]
    reader.goto(site_url)
    store(reader, state({a: record(box=1, last=10), b: record(box=1, last=50)}))
    file = tmp_path / "other-device.json"
    file.write_text(
        json.dumps(state({a: record(box=4, last=20), b: record(box=5, last=30), c: record(last=5)}))
    )
    open_practice(reader, site_url)
    with reader.expect_file_chooser() as chooser:
        reader.locator(".practice-import-merge").click()
    chooser.value.set_files(file)
    reader.locator(".practice-status", has_text="合并 3 题").wait_for()
    entries = stored(reader)["entries"]
    assert {i: entries[i]["box"] for i in (a, b, c)} == {a: 4, b: 1, c: 1}
    reader.locator(".practice-undo").click()
    assert set(stored(reader)["entries"]) == {a, b}


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("{not json", "不是合法的 JSON"),
        (json.dumps({"app": "another-site", "version": 1, "entries": {}}), "不是本站的练习进度"),
        (json.dumps(state({"kv-cache": {"box": 9}})), 'entries["kv-cache"].box'),
    ],
)
def test_a_corrupt_file_gives_the_reason_and_changes_nothing(
    reader, site_url, tmp_path, content, reason
):
    reader.goto(site_url)
    store(reader, state({"decoder-only": record()}))
    before = reader.evaluate(f"() => localStorage.getItem('{KEY}')")
    bad = tmp_path / "bad.json"
    bad.write_text(content)
    open_practice(reader, site_url)
    for button in (".practice-import-replace", ".practice-import-merge"):
        with reader.expect_file_chooser() as chooser:
            reader.locator(button).click()
        chooser.value.set_files(bad)
        error = reader.locator(".practice-import-error")
        error.wait_for()
        assert "没有导入 bad.json" in error.inner_text() and reason in error.inner_text()
        assert reader.evaluate(f"() => localStorage.getItem('{KEY}')") == before


def test_corrupt_storage_gives_a_message_and_loses_nothing(reader, site_url):
    reader.goto(site_url)
    store(reader, "{half written")
    open_practice(reader, site_url)
    alert = reader.locator(".practice-alert")
    assert alert.is_visible() and "练习进度读不出来" in alert.inner_text()
    assert "不是合法的 JSON" in alert.inner_text()
    start_button = reader.locator(".practice-start")
    start_button.click()
    expect(reader.locator(".practice-card")).to_be_hidden()
    expect(reader.locator(".practice-empty")).to_contain_text("先按页面顶部的提示处理")
    with reader.expect_download() as download:
        alert.locator("button", has_text="下载原始数据").click()
    assert Path(download.value.path()).read_text("utf-8") == "{half written"
    # The other pages say so too and keep their hands off the value.
    reader.goto(site_url + "architecture/attention/")
    expect(reader.locator(".practice-toolbar__notice")).to_contain_text("读不出来")
    assert reader.locator(".practice-mark__button").first.is_disabled()
    reader.goto(site_url)
    assert "读不出来" in reader.locator(".topic-cards .practice-progress").first.inner_text()
    assert reader.evaluate(f"() => localStorage.getItem('{KEY}')") == "{half written"
    # Reset is the reader's choice.
    open_practice(reader, site_url)
    reader.locator(".practice-alert button", has_text="重置进度").click()
    assert alert.is_hidden() and stored(reader) is None
    start(reader)
    expect(reader.locator(".practice-question")).to_be_visible()


def test_topic_page_marks_and_filter(reader, site_url):
    src, text = next(iter(topic_pages("applications").items()))
    on_page = [e.id for e in find_entries(text)]
    first, second = on_page[:2]
    reader.goto(site_url + site_path(src))
    marks = reader.locator(f"h2#{first} + .practice-mark")
    expect(reader.locator(".practice-mark")).to_have_count(len(on_page))
    expect(reader.locator(f"h2#{first} .practice-state")).to_be_hidden()  # new: no badge
    marks.locator("button", has_text="已掌握").click()
    expect(reader.locator(f"h2#{first} .practice-state")).to_have_text("已掌握")
    expect(marks.locator("button", has_text="已掌握")).to_have_attribute("aria-pressed", "true")
    reader.locator(f"h2#{second} + .practice-mark button", has_text="待复习").click()
    expect(reader.locator(f"h2#{second} .practice-state")).to_have_text("待复习")
    expect(reader.locator(".practice-toolbar")).to_contain_text("只练待复习（1）")

    reader.locator(".practice-filter").check()
    expect(reader.locator(f"h2#{first}")).to_be_hidden()
    expect(reader.locator(f"h2#{second}")).to_be_visible()
    expect(reader.locator(".practice-hidden-note")).to_contain_text("已隐藏 1 题")
    reader.reload()
    expect(reader.locator(".practice-filter")).to_be_checked()
    expect(reader.locator(f"h2#{first}")).to_be_hidden()
    reader.locator(".practice-filter").uncheck()
    expect(reader.locator(f"h2#{first}")).to_be_visible()

    entries = stored(reader)["entries"]
    assert entries[first]["box"] == 3 and entries[second]["due"] == entries[second]["due"]
    reader.locator(".practice-toolbar a", has_text="练习本主题").click()
    reader.locator(".practice-setup").wait_for()
    expect(reader.locator("input[value=applications]")).to_be_checked()


def test_home_cards_show_each_topics_progress(reader, site_url):
    arch = PAGE_IDS["architecture"]
    reader.goto(site_url)
    store(
        reader,
        state(
            {arch[0]: record(box=3), arch[1]: record(box=1), "an-entry-long-gone": record(box=5)}
        ),
    )
    reader.reload()
    cards = reader.locator("article .topic-cards > ul > li")
    at = [t.slug for t in TOPICS].index("architecture")  # cards follow the topics' reading order
    legend = cards.nth(at).locator(".practice-legend").inner_text()
    assert legend == f"已掌握 1 · 学习中 1 · 未练 {len(arch) - 2}"
    assert (
        cards.nth(at + 1).locator(".practice-legend").inner_text().startswith("已掌握 0 · 学习中 0")
    )
    bar = cards.nth(at).locator(".practice-bar")
    assert bar.get_attribute("aria-label") == legend
    # The unknown id counts nowhere, and stays stored.
    open_practice(reader, site_url)
    total = sum(len(ids) for ids in PAGE_IDS.values())
    assert (
        reader.locator("[data-all] .practice-legend").inner_text()
        == f"已掌握 1 · 学习中 1 · 未练 {total - 2}"
    )
    assert "an-entry-long-gone" in stored(reader)["entries"]


def test_missed_list_links_to_the_entries(reader, site_url):
    open_practice(reader, site_url, "?topics=fine-tuning")
    start(reader)
    for key in "123":
        answer_and_grade(reader, key)
    links = reader.locator("#practice-missed li a")
    assert links.count() == 2
    ids = PAGE_IDS["fine-tuning"]
    for n in (0, 1):
        href = links.nth(n).get_attribute("href")
        assert href.endswith(f"/{site_path(page_of(ids[n]))}#{ids[n]}")


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
