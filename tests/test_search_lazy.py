"""Search loads when it is needed (issue 13): the records are fetched on the first use of the
search box, not on every page load, and the offline copy keeps them inline."""

from __future__ import annotations

import json
import re
from pathlib import Path

import material
import pytest

from helpers import page_of, site_path
from llm_interview.bench.search_ui import COMPLETE, search, until_searchable
from llm_interview.search.index import (
    BODIES,
    INDEX,
    SHARD_BYTES,
    load_docs,
    rewrite,
    shard_files,
    shards,
)
from llm_interview.search.records import Record

MATERIAL = Path(material.__file__).parent
RECORD_FILE = re.compile(r"search/records-(?:text-)?\d+\.json$")
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def records(built_site) -> dict[str, list[str]]:
    """The record files a reader's first search fetches: the shards of heads, then of texts."""
    return shard_files(built_site)


def _record_requests(page) -> list[str]:
    seen: list[str] = []
    page.on("request", lambda r: seen.extend(m[0] for m in [RECORD_FILE.search(r.url)] if m))
    return seen


def _all_requested(page, seen: list[str], records: dict[str, list[str]]) -> bool:
    """Whether every record file was requested, the heads first (waiting up to 5 s): Playwright
    hands the page's request events over only while the test waits on it, so an assertion can
    come before them. The texts may come in any order: those of the results shown go first."""
    heads, texts = records["heads"], records["texts"]
    for _ in range(100):
        if len(seen) >= len(heads) + len(texts):
            break
        page.wait_for_timeout(50)
    first = seen[: len(heads)]
    return sorted(first) == sorted(heads) and sorted(seen) == sorted(heads + texts)


def _settle(page) -> None:
    page.wait_for_load_state("networkidle")


def test_no_record_is_fetched_until_the_search_box_is_focused(page, site_url, records):
    seen = _record_requests(page)
    page.goto(site_url)
    _settle(page)
    page.locator("a[href$='inference/']:visible").first.click()  # navigation.instant
    page.wait_for_url("**/inference/")
    _settle(page)
    assert seen == [], "the search records were fetched before anyone searched"
    page.locator("input.md-search__input").focus()
    until_searchable(page)
    assert _all_requested(page, seen, records), seen
    found = search(page, "KV Cache 为什么能加速")[:3]  # relative to inference/
    assert "kv-cache/#kv-cache-gqa" in found, found


def test_the_search_shortcut_key_loads_the_records(page, site_url, records):
    seen = _record_requests(page)
    page.goto(site_url)
    _settle(page)
    page.keyboard.press("/")
    page.wait_for_function(COMPLETE)
    assert _all_requested(page, seen, records), seen


def test_the_phone_magnifier_loads_the_records(browser, site_url, records):
    context = browser.new_context(viewport=PHONE)
    try:
        page = context.new_page()
        seen = _record_requests(page)
        page.goto(site_url)
        _settle(page)
        assert seen == []
        page.locator("label.md-header__button[for='__search']").click()
        page.wait_for_function(COMPLETE)
        assert _all_requested(page, seen, records), seen
    finally:
        context.close()


def test_served_index_is_a_stub_naming_the_records(built_site, records):
    index = json.loads((built_site / INDEX).read_text(encoding="utf-8"))
    assert index["docs"] == [] and len((built_site / INDEX).read_bytes()) < 1024
    found = index["config"]["records"]
    worker = built_site / "assets" / "js" / "search"
    for name, files in records.items():
        assert (worker / f"{found[name]['url']}0.json").resolve() == (
            built_site / files[0]
        ).resolve()
    files = records["heads"] + records["texts"]
    assert all((built_site / f).stat().st_size <= SHARD_BYTES for f in files)
    assert sorted(p.name for p in (built_site / "search").glob("records*.json")) == sorted(
        Path(f).name for f in files
    )
    assert any(
        doc["location"] == f"{site_path(page_of('kv-cache-gqa'))}#kv-cache-gqa"
        for doc in load_docs(built_site)
    )


def _site_with_index(tmp_path: Path) -> Path:
    (tmp_path / "search").mkdir(parents=True)
    (tmp_path / INDEX).write_text('{"config": {"lang": ["zh"]}, "docs": []}', encoding="utf-8")
    return tmp_path


def test_heads_and_answer_texts_are_cut_into_shards_under_the_limit(tmp_path: Path):
    texts = [f"第 {n} 题的参考答案。" * (n % 7 + 1) for n in range(40)]
    pages = [([Record(f"rl/#q{n}", f"第 {n} 题？", ["词"], t) for n, t in enumerate(texts)], None)]
    whole = _site_with_index(tmp_path / "whole")
    rewrite(whole, pages, worker=None)
    site = _site_with_index(tmp_path / "served")
    (site / f"{BODIES}99.json").write_text("[]", encoding="utf-8")  # from an earlier, larger bank
    rewrite(site, pages, worker="assets/js/search/worker.js", shard_bytes=600)
    found = json.loads((site / INDEX).read_text(encoding="utf-8"))["config"]["records"]
    assert found["heads"]["url"] == "../../../search/records-"
    assert found["texts"]["url"] == "../../../search/records-text-"
    for name, files in shard_files(site).items():
        assert len(files) > 3 and all((site / f).stat().st_size <= 600 for f in files)
        counts = [len(json.loads((site / f).read_text(encoding="utf-8"))) for f in files]
        assert found[name]["starts"] == [sum(counts[:k]) for k in range(len(counts))]
    assert not (site / f"{BODIES}99.json").exists()
    whole_docs = json.loads((whole / INDEX).read_text(encoding="utf-8"))["docs"]
    assert load_docs(site) == whole_docs  # the same records, in the same order


def test_a_text_larger_than_a_shard_gets_one_of_its_own():
    bodies = [{"text": "短"}, {"text": "长" * 100}, {"text": "短"}, {"text": "短"}]
    found = shards(bodies, 40)
    assert [start for start, _ in found] == [0, 1, 2]
    assert [json.loads(text) for _, text in found] == [bodies[:1], bodies[1:2], bodies[2:]]
    assert shards([], 40) == [(0, "[]")]


def test_without_a_worker_path_the_records_stay_inline(tmp_path: Path):
    _site_with_index(tmp_path)
    rewrite(tmp_path, [([Record("rl/#dpo", "DPO？", ["偏好"], "直接优化。")], None)])
    index = json.loads((tmp_path / INDEX).read_text(encoding="utf-8"))
    assert index["docs"][0]["text"] == "直接优化。" and "records" not in index["config"]
    assert not list((tmp_path / "search").glob("records-*.json"))


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
