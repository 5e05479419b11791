"""axe-core in Chromium finds no accessibility violation on the reader's pages, light and dark, desktop and phone."""

from __future__ import annotations

import pytest

from helpers import ROOT
from llm_interview.bench.lighthouse import DEFAULT_PAGES

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"  # pinned in package.json devDependencies
# Lighthouse's pages (home as the site root), and the two pages it leaves out.
PAGES = [p.removesuffix("index.html") for p in DEFAULT_PAGES] + ["practice/", "tags/"]
WIDTHS = {"desktop": 1280, "phone": 390}

VIOLATIONS = """async () => (await axe.run(document, { resultTypes: ['violations'] })).violations.map(v => ({
    id: v.id,
    help: v.help,
    targets: v.nodes.slice(0, 5).map(n => n.target.join(" ")),
    count: v.nodes.length,
}))"""


# Once the page has loaded in light, the system turning dark switches Material's palette in place
# (as a reader's phone does at dusk); the dark check waits for the colours' transitions to end.
DARK_SETTLED = """() => document.body.dataset.mdColorScheme === "slate"
    && document.getAnimations().every(a => !(a instanceof CSSTransition))"""


def violations_in(page, scheme: str) -> str:
    """axe's violations on the page as it stands, one line each ('' when none)."""
    found = page.evaluate(VIOLATIONS)
    return "\n".join(
        f"{scheme}: {v['id']} ({v['help']}, {v['count']} 处): {'; '.join(v['targets'])}"
        for v in found
    )


@pytest.mark.parametrize("width", list(WIDTHS.values()), ids=list(WIDTHS))
@pytest.mark.parametrize("path", PAGES)
def test_axe_finds_no_violation_light_or_dark(browser, site_url, width, path):
    context = browser.new_context(  # axe goes in as a script tag, which the site's CSP refuses
        viewport={"width": width, "height": 900},
        is_mobile=width < 600,
        color_scheme="light",
        bypass_csp=True,
    )
    page = context.new_page()
    try:
        page.goto(site_url + path, wait_until="load")
        light = page.get_attribute("body", "data-md-color-scheme")
        assert light == "default"  # Material's light palette
        page.add_script_tag(path=str(AXE))
        found = [violations_in(page, "light")]
        page.emulate_media(color_scheme="dark")
        page.wait_for_function(DARK_SETTLED)
        found.append(violations_in(page, "dark"))
    finally:
        context.close()
    report = "\n".join(filter(None, found))
    assert report == "", f"/{path} {width}px:\n{report}"
