"""axe-core in Chromium finds no accessibility violation on the reader's pages, light and dark, desktop and phone."""

from __future__ import annotations

import pytest

from helpers import ROOT
from llm_interview.bench.lighthouse import DEFAULT_PAGES

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"  # pinned in package.json devDependencies
# Lighthouse's pages (home as the site root), and the two pages it leaves out.
PAGES = [p.removesuffix("index.html") for p in DEFAULT_PAGES] + ["practice/", "tags/"]
WIDTHS = {"desktop": 1280, "phone": 390}
SCHEMES = {"light": "default", "dark": "slate"}  # prefers-color-scheme → Material's palette

VIOLATIONS = """async () => (await axe.run(document)).violations.map(v => ({
    id: v.id,
    help: v.help,
    targets: v.nodes.slice(0, 5).map(n => n.target.join(" ")),
    count: v.nodes.length,
}))"""


@pytest.fixture(params=list(WIDTHS.items()), ids=list(WIDTHS))
def width(request):
    return request.param[1]


@pytest.mark.parametrize("scheme", list(SCHEMES))
@pytest.mark.parametrize("path", PAGES)
def test_axe_finds_no_violation(browser, site_url, width, scheme, path):
    context = browser.new_context(  # axe goes in as a script tag, which the site's CSP refuses
        viewport={"width": width, "height": 900},
        is_mobile=width < 600,
        color_scheme=scheme,
        bypass_csp=True,
    )
    page = context.new_page()
    try:
        page.goto(site_url + path, wait_until="networkidle")
        assert page.get_attribute("body", "data-md-color-scheme") == SCHEMES[scheme]
        page.add_script_tag(path=str(AXE))
        violations = page.evaluate(VIOLATIONS)
    finally:
        context.close()
    report = "\n".join(
        f"{v['id']} ({v['help']}, {v['count']} 处): {'; '.join(v['targets'])}" for v in violations
    )
    assert violations == [], f"/{path} {width}px {scheme}:\n{report}"
