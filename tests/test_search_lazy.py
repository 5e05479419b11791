"""Search loads when it is needed (issue 13): the records are fetched on the first use of the
search box, not on every page load, and the offline copy keeps them inline."""

from __future__ import annotations

import json
from pathlib import Path

import material
import pytest

from helpers import page_of, site_path
from llm_interview.bench.search_ui import COMPLETE, search, until_searchable
from llm_interview.search.index import BODIES, HEADS, INDEX, load_docs, rewrite
from llm_interview.search.records import Record

MATERIAL = Path(material.__file__).parent
RECORDS = (HEADS, BODIES)
PHONE = {"width": 390, "height": 844}


def _record_requests(page) -> list[str]:
    seen: list[str] = []
    page.on("request", lambda r: seen.extend(f for f in RECORDS if r.url.endswith(f)))
    return seen


def _all_requested(page, seen: list[str]) -> list[str]:
    """`seen` once both record files were requested (or after 5 s): Playwright hands the page's
    request events over only while the test waits on it, so an assertion can come before them."""
    for _ in range(100):
        if len(seen) >= len(RECORDS):
            break
        page.wait_for_timeout(50)
    return seen


def _settle(page) -> None:
    page.wait_for_load_state("networkidle")


def test_no_record_is_fetched_until_the_search_box_is_focused(page, site_url):
    seen = _record_requests(page)
    page.goto(site_url)
    _settle(page)
    page.locator("a[href$='inference/']:visible").first.click()  # navigation.instant
    page.wait_for_url("**/inference/")
    _settle(page)
    assert seen == [], "the search records were fetched before anyone searched"
    page.locator("input.md-search__input").focus()
    until_searchable(page)
    assert _all_requested(page, seen) == list(RECORDS)
    found = search(page, "KV Cache 为什么能加速")[:3]  # relative to inference/
    assert "kv-cache/#kv-cache-gqa" in found, found


def test_the_search_shortcut_key_loads_the_records(page, site_url):
    seen = _record_requests(page)
    page.goto(site_url)
    _settle(page)
    page.keyboard.press("/")
    page.wait_for_function(COMPLETE)
    assert _all_requested(page, seen) == list(RECORDS)


def test_the_phone_magnifier_loads_the_records(browser, site_url):
    context = browser.new_context(viewport=PHONE)
    try:
        page = context.new_page()
        seen = _record_requests(page)
        page.goto(site_url)
        _settle(page)
        assert seen == []
        page.locator("label.md-header__button[for='__search']").click()
        page.wait_for_function(COMPLETE)
        assert _all_requested(page, seen) == list(RECORDS)
    finally:
        context.close()


def test_served_index_is_a_stub_naming_the_records(built_site):
    index = json.loads((built_site / INDEX).read_text(encoding="utf-8"))
    assert index["docs"] == [] and len((built_site / INDEX).read_bytes()) < 1024
    heads, bodies = index["config"]["records"]
    worker = built_site / "assets" / "js" / "search"
    assert (worker / heads).resolve() == (built_site / HEADS).resolve()
    assert (worker / bodies).resolve() == (built_site / BODIES).resolve()
    assert any(
        doc["location"] == f"{site_path(page_of('kv-cache-gqa'))}#kv-cache-gqa"
        for doc in load_docs(built_site)
    )


def test_without_a_worker_path_the_records_stay_inline(tmp_path: Path):
    (tmp_path / "search").mkdir()
    (tmp_path / INDEX).write_text('{"config": {"lang": ["zh"]}, "docs": []}', encoding="utf-8")
    rewrite(tmp_path, [([Record("rl/#dpo", "DPO？", ["偏好"], "直接优化。")], None)])
    index = json.loads((tmp_path / INDEX).read_text(encoding="utf-8"))
    assert index["docs"][0]["text"] == "直接优化。" and "records" not in index["config"]
    assert not (tmp_path / HEADS).exists()


def _material_source(name: str) -> str:
    bundle = next((MATERIAL / "templates" / "assets" / "javascripts").glob("bundle.*.min.js.map"))
    sources = json.loads(bundle.read_text(encoding="utf-8"))
    for path, text in zip(sources["sources"], sources["sourcesContent"], strict=True):
        if path.endswith(name):
            return text
    pytest.fail(f"Material's bundle has no {name} any more")


def test_material_still_hands_the_index_to_the_worker_as_we_rely_on():
    """If this fails after a Material upgrade, lazy search must be re-checked: the stub written by
    src/llm_interview/search/index.py only works while Material (1) fetches search/search_index.json
    itself, (2) passes its `config` to the worker's SETUP unchanged (it carries
    `config.records`), and (3) on http sends SETUP at once, which is why the records are not in
    that file; from file:// it waits for the search toggle, so the offline copy stays inline."""
    bundle = _material_source("javascripts/bundle.ts")
    assert 'new URL("search/search_index.json", config.base)' in bundle
    worker = _material_source("integrations/search/worker/_/index.ts")
    assert 'of(location.protocol !== "file:")' in worker and 'watchToggle("search")' in worker
    assert ".subscribe(({ config, docs }) => worker$.next({" in worker
    assert "type: SearchMessageType.SETUP" in worker
