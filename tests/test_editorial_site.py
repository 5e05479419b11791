"""The editorial layer on the built site: 相关问题, glossary links, tooltips and the errata page."""

from __future__ import annotations

import html
import re
from collections import Counter
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest
import yaml

from helpers import question_sections, site_path, topic_pages
from llm_interview.pages import glossary
from llm_interview.pages.topics import SLUGS as TOPICS

ROOT = Path(__file__).resolve().parent.parent
RELATED = re.compile(r"<p><strong>相关问题</strong></p>\s*<ul>(.*?)</ul>", re.S)
HREF = re.compile(r'<a href="([^"]+)"')
NOTE = re.compile(
    r'<div class="admonition bug">\s*<p class="admonition-title">勘误 · (\S+)</p>(.*?)</div>', re.S
)
PROBLEM = re.compile(r"<p><strong>问题</strong>：(.*?)</p>", re.S)


def text(fragment: str) -> str:
    """Visible text of an HTML fragment."""
    return html.unescape(re.sub(r"<[^>]+>", "", fragment)).strip()


def article(site: Path, page: str) -> str:
    source = (site / page).read_text(encoding="utf-8")
    return source[source.index("<article") : source.index("</article>")]


def page_entries(site: Path, page: str) -> dict[str, str]:
    """Entry id -> HTML of that entry (from its h2 to the next h2) on a built page."""
    return question_sections(article(site, page))


def entries(site: Path, topic: str) -> dict[str, str]:
    """Entry id -> HTML of that entry on the topic's pages."""
    return {
        i: body
        for src in topic_pages(topic)
        for i, body in page_entries(site, site_path(src) + "index.html").items()
    }


def resolve(site: Path, page: str, href: str) -> tuple[Path, str]:
    """The built file and fragment an internal link from `page` points to."""
    url = urlparse(urljoin(f"http://site/{page}", href))
    path = url.path.lstrip("/")
    return site / (path + "index.html" if path.endswith("/") or not path else path), url.fragment


def assert_resolves(site: Path, page: str, hrefs: list[str]) -> None:
    for href in hrefs:
        target, fragment = resolve(site, page, href)
        assert target.is_file(), f"{page}: {href} has no page"
        assert f'id="{fragment}"' in target.read_text(encoding="utf-8"), f"{page}: {href}"


@pytest.fixture(scope="module")
def terms():
    return glossary.load_terms((ROOT / "data" / "glossary.yaml").read_text())


def test_related_links_resolve_and_every_entry_has_one(built_site):
    lonely = []
    for page in (site_path(src) + "index.html" for t in TOPICS for src in topic_pages(t)):
        for entry_id, body in page_entries(built_site, page).items():
            block = RELATED.search(body)
            if not block:
                lonely.append(entry_id)
                continue
            hrefs = HREF.findall(block[1])
            assert hrefs and f"#{entry_id}" not in hrefs, entry_id
            assert_resolves(built_site, page, hrefs)
    alone = yaml.safe_load((ROOT / "data" / "related.yaml").read_text())["alone"]
    assert lonely == alone, "add the entry to a group in data/related.yaml"


def test_related_links_are_mutual(built_site):
    links = set()
    for topic in TOPICS:
        for entry_id, body in entries(built_site, topic).items():
            block = RELATED.search(body)
            links |= {(entry_id, h.split("#")[1]) for h in HREF.findall(block[1] if block else "")}
    assert all((b, a) in links for a, b in links)


def test_glossary_links_resolve_and_list_only_used_terms(built_site, terms):
    page = article(built_site, "glossary/index.html")
    by_id = {t.id: t for t in terms}
    finder = glossary.TermFinder(terms)
    sections = re.split(r'(?=<h3 id=")', page)[1:]
    assert sections
    bodies = {eid: body for topic in TOPICS for eid, body in entries(built_site, topic).items()}
    for section in sections:
        term = by_id[re.match(r'<h3 id="([^"]+)"', section)[1]]
        hrefs = HREF.findall(section.split("出现在：", 1)[1])
        assert hrefs, term.id
        assert_resolves(built_site, "glossary/index.html", hrefs)
        for href in hrefs:
            used = text(RELATED.sub("", bodies[href.split("#")[1]]))
            assert term in finder.uses(used), f"{term.id} not in {href}"


def test_every_glossary_term_is_a_tooltip_on_a_topic_page(built_site, terms):
    pages = "".join(
        article(built_site, site_path(src) + "index.html") for t in TOPICS for src in topic_pages(t)
    )
    missing = [
        t.term
        for t in terms
        if f'<abbr tabindex="0" title="{html.escape(t.tooltip)}">{html.escape(t.term, quote=False)}'
        "</abbr>" not in pages
    ]
    assert missing == []


def test_errata_pages_list_exactly_the_notes_on_the_pages(built_site):
    """The errata page links one page per topic with notes; together they list every note."""
    on_pages, noted = Counter(), set()
    for topic in TOPICS:
        for entry_id, body in entries(built_site, topic).items():
            for kind, note in NOTE.findall(body):
                on_pages[(entry_id, kind, text(PROBLEM.search(note)[1]))] += 1
                noted.add(topic)
    listed = Counter()
    index = article(built_site, "errata/index.html")
    topic_pages_listed = [h for h in HREF.findall(index) if re.fullmatch(r"[\w-]+/", h)]
    assert sorted(topic_pages_listed) == sorted(f"{t}/" for t in noted)
    sections = [
        (f"errata/{t}/index.html", part)
        for t in TOPICS
        if t in noted
        for part in re.split(r"(?=<h2 )", article(built_site, f"errata/{t}/index.html"))[1:]
    ]
    for page, section in sections:
        entry_id = HREF.search(section)[1].split("#")[1]
        assert_resolves(built_site, page, [HREF.search(section)[1]])
        for item in re.findall(r"<li>(.*?)</ul>\s*</li>", section, re.S):
            kind = re.search(r"<strong>(\S+?)</strong>", item)[1]
            problem = text(re.search(r"<li>问题：(.*?)</li>", item, re.S)[1])
            listed[(entry_id, kind, problem)] += 1
    assert on_pages and listed == on_pages


@pytest.mark.parametrize("topic", TOPICS)
def test_a_term_has_one_tooltip_per_entry_and_none_in_titles_or_keywords(built_site, topic):
    marked = 0
    for entry, fragment in entries(built_site, topic).items():
        titles = re.findall(r'<abbr [^>]*?title="([^"]*)"', fragment)
        repeated = [t for t, n in Counter(titles).items() if n > 1]
        assert not repeated, f"{entry}: {repeated}"
        marked += len(titles)
        heading = fragment[: fragment.index("</h2>")]
        keywords = re.search(r'<p class="qa-keywords">.*?</p>', fragment, re.S)
        assert "<abbr" not in heading, entry
        assert not keywords or "<abbr" not in keywords[0], entry
    assert marked, f"{topic}: no glossary term found: the pattern no longer matches the pages"
