"""The page shell: what a page loads. The site's own scripts come as one deferred file (site.js);
the drills workbench, its editor and its stylesheet load on drill pages only, the editor only
once the reader reaches for it."""

from __future__ import annotations

import re

from helpers import site_path

OWN_SCRIPT = re.compile(r'<script src="[^"]*?(assets/js/[^"]+)"([^>]*)>')
# KaTeX's typesetting is loaded apart from the bundle while formulas are typeset in the browser.
APART = {"assets/js/math.js"}
READING = "architecture/attention/"
DRILL = "drills/attention/"


def test_every_page_loads_the_sites_scripts_as_one_deferred_file(built_site):
    for html in built_site.rglob("*.html"):
        if html.relative_to(built_site).parts[0] in {"lite", "print"}:
            continue  # JupyterLite's own pages; the print page adds print.js
        text = html.read_text(encoding="utf-8")
        if "<body" not in text:
            continue  # a redirect stub
        scripts = OWN_SCRIPT.findall(text)
        assert {src for src, _ in scripts} - APART == {"assets/js/site.js"}, html
        assert all(" defer" in attrs for src, attrs in scripts if src not in APART), html


def test_drill_pages_alone_link_the_drills_stylesheet(built_site):
    for src in ("architecture/attention.md", "index.md", "practice.md"):
        html = (built_site / site_path(src) / "index.html").read_text(encoding="utf-8")
        assert "drills.css" not in html, src
    assert "drills.css" in (built_site / DRILL / "index.html").read_text(encoding="utf-8")


def _requests(page):
    seen: list[str] = []
    page.on("request", lambda r: seen.append(r.url))
    return seen


def test_a_reading_page_loads_no_workbench(page, site_url):
    seen = _requests(page)
    page.goto(site_url + READING, wait_until="networkidle")
    assert not [u for u in seen if "/drills/" in u or "/pyodide/" in u], seen


def test_a_drill_page_mounts_its_workbench_and_loads_the_editor_when_reached(page, site_url):
    seen = _requests(page)
    page.goto(site_url + DRILL, wait_until="networkidle")
    page.locator(".drill-bench[data-drill-mounted] textarea.drill-code").wait_for()
    assert any(u.endswith("/assets/js/drills/bench.js") for u in seen)
    assert not [u for u in seen if u.endswith("/editor.js") or "/pyodide/" in u], seen
    assert page.locator(".drill-editor").evaluate("e => getComputedStyle(e).overflow") == "hidden"
    page.locator(".drill-editor").hover()
    page.locator(".drill-editor .cm-editor").wait_for()
    assert any(u.endswith("/assets/js/drills/editor.js") for u in seen)


def test_instant_navigation_to_a_drill_page_brings_its_stylesheet_and_workbench(page, instant_url):
    page.goto(instant_url + "drills/", wait_until="networkidle")
    page.evaluate("() => { window.sameDocument = true; }")
    page.locator('.drill-list li[data-drill-id="attention"] a').click()
    page.locator(".drill-bench[data-drill-mounted] .drill-editor").wait_for()
    assert page.evaluate("() => window.sameDocument"), "instant navigation, no page load"
    assert page.locator(".drill-editor").evaluate("e => getComputedStyle(e).overflow") == "hidden"
