"""Search as readers use it: queries typed into the search box of the built site in Chromium.

The queries live in tests/search_queries.tsv, one per line, so a case is added in one line.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from bench.search_ui import hit, load_queries, open_search, search

ROOT = Path(__file__).resolve().parent.parent
QUERIES = load_queries(ROOT / "tests" / "search_queries.tsv")
TOP = 5
PHONE = {"width": 390, "height": 844}


def test_query_table_covers_every_kind():
    kinds = {q.kind for q in QUERIES}
    expected = {"mid-sentence", "english", "abbreviation", "synonym", "mixed", "misspelling"}
    assert len(QUERIES) >= 45 and expected | {"notebook"} <= kinds
    assert len({q.text for q in QUERIES}) == len(QUERIES), "a repeated query would never run"


@pytest.fixture(scope="module")
def search_box(browser, site_url):
    """One search page for all queries, as a reader searching again and again."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    open_search(page, site_url)
    yield page
    context.close()


@pytest.fixture(scope="module")
def recall(request):
    """Collects hit or miss per query and reports the recall after the last one."""
    hits: dict[str, bool] = {}
    yield hits
    share = sum(hits.values()) / len(hits) if hits else 0
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    with capture.global_and_fixture_disabled():
        print(f"\nsearch recall@{TOP}: {share:.1%} of {len(hits)} queries")


@pytest.mark.parametrize(
    "query",
    [
        pytest.param(q, marks=pytest.mark.xfail(reason=q.known_miss, strict=True))
        if q.known_miss
        else q
        for q in QUERIES
    ],
    ids=[f"{q.kind}:{q.text}" for q in QUERIES],
)
def test_reader_finds_the_entry_in_the_top_five(search_box, recall, query):
    results = search(search_box, query.text)[:TOP]
    recall[query.text] = hit(query.expected, results)
    assert recall[query.text], f"{query.text!r} -> {query.expected}; got {results}"


def _sections(built_site: Path) -> tuple[dict[str, str], re.Pattern[str]]:
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    docs = {doc["location"]: doc["title"] + " " + doc["text"] for doc in index["docs"]}
    return docs, re.compile(index["config"]["separator"])


@pytest.mark.parametrize(
    ("location", "sentence", "word"),
    [
        ("training/#finetune-oom", "全参数微调的显存需求取决于多个因素", "显存"),
        ("fine-tuning/#sft-forgetting", "这种现象被称为灾难性遗忘", "灾难性遗忘"),
        ("inference/#kv-cache-gqa", "键值缓存", "键值缓存"),  # a glossary word kept whole
    ],
)
def test_index_cuts_words_out_of_chinese_sentences(built_site, location, sentence, word):
    page = (ROOT / "docs" / location.split("#")[0] / "index.md").read_text(encoding="utf-8")
    assert sentence in page, "the example sentence left the page: pick another one"
    docs, separator = _sections(built_site)
    assert word in separator.split(docs[location])


def test_build_fails_loudly_without_jieba(tmp_path):
    hide_jieba = "import sys; sys.modules['jieba'] = None; from mkdocs.__main__ import cli; cli()"
    result = subprocess.run(
        [sys.executable, "-c", hide_jieba, "build", "-d", str(tmp_path / "site")],
        cwd=ROOT,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "pip install jieba" in result.stderr


def test_search_box_works_on_a_phone(browser, site_url):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        open_search(page, site_url)
        results = search(page, "键值缓存")
        assert "inference/#kv-cache-gqa" in results[:TOP]
        # Material's search overlay grows while it opens; once settled nothing may stick out.
        fits = f"document.documentElement.scrollWidth <= {PHONE['width']}"
        page.wait_for_function(fits, timeout=3000)
        first = page.locator("a.md-search-result__link").first.bounding_box()
        assert first["x"] >= 0 and first["x"] + first["width"] <= PHONE["width"]
    finally:
        context.close()


def test_result_links_to_the_entry_under_its_question_title(page, site_url):
    open_search(page, site_url)
    search(page, "键值缓存")
    result = page.locator("a.md-search-result__link[href*='#kv-cache-gqa']").first
    title = result.locator("h2").inner_text().replace("\u200b", "")
    assert title == "KV Cache 和分组查询注意力（GQA）的核心思想是什么？"
    result.click()
    page.wait_for_url("**/inference/**#kv-cache-gqa")


def test_words_of_a_chinese_query_found_are_not_reported_missing(page, site_url):
    open_search(page, site_url)
    search(page, "复读机问题")
    result = page.locator("a.md-search-result__link[href*='#repetition']").first
    assert result.locator("del").all_inner_texts() == []


def test_shared_search_link_opens_the_results(page, site_url):
    open_search(page, site_url)
    search(page, "零冗余优化器")
    share = page.locator("a.md-search__icon[href*='q=']")
    assert share.count() == 1, "search.share is off"
    page.goto(share.get_attribute("href"))
    page.locator("a.md-search-result__link[href*='#zero-stages']").first.wait_for()
