"""The coding drills in Chromium, with the Pyodide core the site serves itself (plain-Python
drills: numpy is not loadable offline). One page runs the scenarios in order, so Pyodide loads
once (and once more after the infinite loop is stopped)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from llm_interview.drills import source

ROOT = Path(__file__).resolve().parent.parent
DRILL = source.load(ROOT / "drills" / "sampling")
RESULT = (
    "() => { const r = document.querySelector('.drill-report');"
    " return r && !r.hidden && r.innerText.trim().length > 0; }"
)
LOAD = 90_000  # Pyodide's first load on a busy 2-core machine


@pytest.fixture(scope="module")
def drill(browser, site_url):
    """One drill page; a list of every request it made."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(f"{site_url}drills/{DRILL.id}/")
    page.wait_for_selector(".drill-bench textarea, .drill-bench .cm-editor")
    yield page, requests
    context.close()


def run(page, code: str) -> str:
    """Put `code` in the editor, click 运行测试, return the report's text."""
    page.evaluate(
        """code => { const a = document.querySelector('.drill-bench textarea');
        a.value = code; a.dispatchEvent(new Event('drill:replace'));
        a.dispatchEvent(new Event('input')); }""",
        code,
    )
    page.evaluate("() => { const r = document.querySelector('.drill-report'); r.hidden = true; }")
    page.click("button.drill-run")
    page.wait_for_function(RESULT, timeout=LOAD)
    return page.inner_text(".drill-report")


def test_nothing_of_pyodide_is_requested_before_the_click(drill):
    page, requests = drill
    page.wait_for_timeout(500)
    assert not [u for u in requests if "pyodide" in u or "/drills/worker" in u]
    assert "运行测试" in page.inner_text(".drill-bench")


def test_a_correct_solution_passes_and_the_drill_is_marked_passed(drill):
    page, _ = drill
    text = run(page, DRILL.solution)
    assert "全部通过" in text, text
    assert any("pyodide.asm.wasm" in u for u in drill[1])


def test_a_wrong_solution_shows_the_failing_case_with_its_message(drill):
    page, _ = drill
    wrong = next(m for m in DRILL.mistakes if m.name == "temperature_multiply")
    text = run(page, wrong.source)
    assert "未通过" in text and "期望" in text and "实际" in text, text
    assert "temperature divides logits" in text


def test_a_syntax_error_names_its_line(drill):
    page, _ = drill
    text = run(page, "def apply_temperature(logits, t)\n    return logits\n")
    assert "第 1 行" in text and "语法错误" in text, text


def test_an_infinite_loop_is_stopped_with_a_message_and_the_page_stays_usable(drill):
    page, _ = drill
    start = time.monotonic()
    text = run(page, "while True:\n    pass\n")
    assert "运行超过 5 秒，已停止" in text, text
    assert time.monotonic() - start < 15
    assert "全部通过" in run(page, DRILL.solution)  # a fresh worker


def test_the_draft_survives_a_reload(drill):
    page, _ = drill
    draft = DRILL.skeleton + "\n# 我的草稿\n"
    page.evaluate(
        """code => { const a = document.querySelector('.drill-bench textarea');
        a.value = code; a.dispatchEvent(new Event('drill:replace'));
        a.dispatchEvent(new Event('input')); }""",
        draft,
    )
    page.wait_for_timeout(800)  # the autosave's debounce
    page.reload()
    page.wait_for_selector(".drill-bench textarea")
    assert "# 我的草稿" in page.eval_on_selector(".drill-bench textarea", "a => a.value")


def test_a_passed_drill_shows_as_passed_on_the_section_page(drill, site_url):
    page, _ = drill
    page.goto(f"{site_url}drills/")
    item = page.locator(f'.drill-list li[data-drill-id="{DRILL.id}"]')
    item.get_by_text("已通过").wait_for()
    other = page.locator('.drill-list li[data-drill-id="bpe"]')
    assert "已通过" not in other.inner_text()
