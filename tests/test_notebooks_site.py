"""The notebooks on the built site: pages with figures, slim HTML, working TOC and buttons,
动手实验 links on the entries, no code in search, and JupyterLite opening each notebook."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import parse_qs, urljoin, urlsplit

import pytest
from playwright.sync_api import expect

from helpers import question_sections
from llm_interview.notebooks.links import launch_links, site_settings
from llm_interview.notebooks.sources import discover
from llm_interview.search.index import load_docs

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = discover()
SETTINGS = site_settings(ROOT / "mkdocs.yml")
ids = [nb.name for nb in NOTEBOOKS]
IMAGE = re.compile(r'<img[^>]*src="data:image/png;base64,[^"]+"')
MAX_PAGE_BYTES_WITHOUT_FIGURES = 150_000  # mkdocs-jupyter's default page is ~700 KB


def page_html(site: Path, name: str) -> str:
    return (site / "notebooks" / name / "index.html").read_text(encoding="utf-8")


def buttons(html: str) -> dict[str, str]:
    return dict(re.findall(r'data-nb-link="(\w+)" href="([^"]+)"', html))


def local_target(site: Path, page_dir: str, href: str) -> Path:
    """The file a relative link from a page resolves to in the built site."""
    path = urlsplit(urljoin(f"http://x/{page_dir}", href)).path.lstrip("/")
    target = site / path
    return target / "index.html" if target.is_dir() or path.endswith("/") else target


@pytest.mark.parametrize("nb", NOTEBOOKS, ids=ids)
def test_page_has_figure_and_is_slim(built_site, nb):
    html = page_html(built_site, nb.name)
    assert IMAGE.search(html), "executed output with a rendered figure"
    assert "<style" not in html.split("</head>", 1)[1], "no inline CSS in the page body"
    assert "Copied!" not in html and "clipboard-copy" not in html
    assert "In&nbsp;[" not in html and "In [" not in html
    assert len(IMAGE.sub("", html).encode()) < MAX_PAGE_BYTES_WITHOUT_FIGURES


@pytest.mark.parametrize("nb", NOTEBOOKS, ids=ids)
def test_toc_links_reach_chinese_headings(built_site, nb):
    html = page_html(built_site, nb.name)
    heading_ids = set(re.findall(r'<h[1-6] id="([^"]+)"', html))
    toc = re.findall(r'<a href="#([^"]+)" class="md-nav__link">', html)
    assert len(toc) >= 3 and set(toc) <= heading_ids
    assert any(re.search(r"[\u4e00-\u9fff]", h) for h in heading_ids)
    assert 'id=""' not in html


@pytest.mark.parametrize("nb", NOTEBOOKS, ids=ids)
def test_buttons_point_at_existing_files(built_site, nb):
    links = buttons(page_html(built_site, nb.name))
    page_dir = f"notebooks/{nb.name}/"
    download = local_target(built_site, page_dir, links["download"])
    assert download.name == f"{nb.name}.ipynb" and download.is_file()
    assert json.loads(download.read_text(encoding="utf-8"))["metadata"]["llm_interview"]

    lite = urlsplit(links["lite"])
    assert local_target(built_site, page_dir, lite.path).is_file()
    assert lite.path.endswith("lite/notebooks/index.html")
    (path,) = parse_qs(lite.query)["path"]
    assert (built_site / "lite" / "files" / path).is_file()

    expected = launch_links(nb.name, SETTINGS["repo_url"])
    assert links["colab"] == expected["colab"] and links["binder"] == expected["binder"]
    repo_path = links["colab"].split("/blob/main/", 1)[1]
    assert (ROOT / repo_path).is_file()
    assert parse_qs(urlsplit(links["binder"]).query)["labpath"] == [repo_path]


def test_entries_link_back_to_their_notebooks(built_site):
    sections: dict[str, str] = {}
    for topic_page in built_site.glob("*/*/index.html"):
        sections |= question_sections(topic_page.read_text(encoding="utf-8"))
    for nb in NOTEBOOKS:
        for entry in nb.entries:
            backlink = re.search(r'<p class="nb-backlink">.*?</p>', sections[entry], re.DOTALL)
            assert backlink and f'href="../../notebooks/{nb.name}/"' in backlink[0], entry


def test_notebook_links_to_entries_resolve(built_site):
    for nb in NOTEBOOKS:
        html = page_html(built_site, nb.name)
        for entry in nb.entries:
            (href,) = set(re.findall(rf'href="([^"]+#{entry})"', html))
            target = local_target(built_site, f"notebooks/{nb.name}/", href.split("#")[0])
            assert f'id="{entry}"' in target.read_text(encoding="utf-8")


def test_search_index_has_prose_but_no_code(built_site):
    docs = [d for d in load_docs(built_site) if d["location"].startswith("notebooks/")]
    assert len(docs) >= 5 * len(NOTEBOOKS)
    text = " ".join(d["text"] for d in docs)
    assert "Copied" not in text
    assert "import numpy" not in text and "np.random" not in text and "plt." not in text
    assert re.search(r"[\u4e00-\u9fff]{20}", text)  # the Chinese prose is indexed


def test_notebook_formulas_arrive_as_mathml(page, site_url):
    """mkdocs-jupyter leaves the prose's `$…$` as text; the build renders it (no MathJax CDN)."""
    page.goto(site_url + f"notebooks/{NOTEBOOKS[0].name}/")
    assert page.locator(".jupyter-wrapper p math").count() > 3
    assert page.locator('.jupyter-wrapper div.arithmatex > math[display="block"]').count() >= 1
    assert "mathjax" not in page.content().lower()
    assert "$" not in "".join(page.locator(".jupyter-wrapper p").all_inner_texts())


def test_lite_storage_is_versioned_by_content(built_site):
    config = json.loads((built_site / "lite" / "jupyter-lite.json").read_text(encoding="utf-8"))
    assert config["jupyter-config-data"]["contentsStorageName"].startswith("llm-interview-zh-")


@pytest.mark.parametrize("nb", NOTEBOOKS[:1], ids=ids[:1])
def test_jupyterlite_opens_the_notebook(page, site_url, nb):
    """Click 在浏览器中运行 on the site and see the notebook's own text in JupyterLite's UI.

    The Pyodide kernel itself loads from a CDN, which these machines cannot reach, so this
    checks the notebook UI and contents, not code execution.
    """
    page.goto(f"{site_url}notebooks/{nb.name}/")
    with page.expect_navigation():
        page.click('a[data-nb-link="lite"]')
    assert "/lite/notebooks/" in page.url
    cell = page.locator(".jp-MarkdownCell h1", has_text=nb.title.split("：")[-1][:6])
    cell.first.wait_for(timeout=60_000)
    code = page.locator(".jp-CodeCell .jp-InputArea-editor").first
    code.wait_for(timeout=30_000)
    assert "default_rng(0)" in code.inner_text()


def test_a_figure_opens_at_full_size_on_a_phone(browser, site_url):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    page.goto(site_url + "notebooks/attention/")
    figure = page.locator(".jupyter-wrapper img[data-zoom]").first
    figure.scroll_into_view_if_needed()
    figure.click()
    zoomed = page.locator("dialog.nb-zoom img")
    expect(zoomed).to_be_visible()
    assert zoomed.evaluate("img => img.getBoundingClientRect().width") > 1000  # scrolls, readable
    page.keyboard.press("Escape")
    expect(page.locator("dialog.nb-zoom")).to_have_count(0)
    expect(figure).to_be_focused()
    context.close()
