"""The Content-Security-Policy (src/llm_interview/security/csp.py): on every built page, allowing exactly
the inline scripts the pages have; and in Chromium, a handler injected into a page does not run."""

from __future__ import annotations

import re

from llm_interview.security.csp import SKIP, inline_scripts, source_hash

META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')


def _pages(site):
    return [p for p in site.rglob("*.html") if not p.relative_to(site).as_posix().startswith(SKIP)]


def test_every_page_carries_one_policy_that_allows_only_its_own_scripts(built_site):
    policies = set()
    for path in _pages(built_site):
        text = path.read_text(encoding="utf-8")
        (policy,) = META.findall(text)
        head = text.split("<head>", 1)[1]
        assert head.index("Content-Security-Policy") < head.index("<script"), path
        script_src = next(d for d in policy.split("; ") if d.startswith("script-src "))
        assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src
        assert all(source_hash(s) in script_src for s in inline_scripts(text)), path
        policies.add(policy)
    assert len(policies) == 1  # instant navigation swaps pages under the first page's policy
    assert "object-src 'none'" in policy and "base-uri 'self'" in policy


def test_an_injected_inline_handler_and_script_do_not_run(browser, built_site, site_url):
    context = browser.new_context()
    page = context.new_page()
    blocked = []
    page.on(
        "console", lambda m: blocked.append(m.text) if "Content Security Policy" in m.text else None
    )
    url = f"{site_url}rl/"
    body = (
        (built_site / "rl" / "index.html")
        .read_text(encoding="utf-8")
        .replace(
            "</article>",
            '<img src="x" onerror="window.__pwned = 1"><script>window.__pwned = 2</script></article>',
            1,
        )
    )
    page.route(url, lambda route: route.fulfill(status=200, content_type="text/html", body=body))
    try:
        page.goto(url, wait_until="load")
        page.wait_for_function("() => typeof document$ === 'object'")  # the site's own scripts ran
        assert page.evaluate("() => window.__pwned") is None
        assert len(blocked) >= 2, blocked  # the handler and the inline script were refused
    finally:
        context.close()
