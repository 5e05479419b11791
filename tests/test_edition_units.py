"""The PDF editions' logic without a build: which part of the print page is a topic's, the files'
names, the data print.js reads, where links to what a PDF leaves out go, one font program from
several subsets, and the download links."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from fontTools.ttLib import TTFont
from mkdocs.structure.nav import Section
from pypdf import PdfReader, PdfWriter
from pypdf.generic import ArrayObject, DictionaryObject, FloatObject, NameObject

from helpers import DEJAVU, font_subset
from llm_interview.editions.pdf import inspect
from llm_interview.editions.pdf.addresses import page_key, site_address
from llm_interview.editions.pdf.command import outputs
from llm_interview.editions.pdf.fonts import union
from llm_interview.editions.pdf.merge import assemble
from llm_interview.editions.pdf.names import topic_pdf
from llm_interview.editions.pdf.render import FULL
from llm_interview.editions.plugin import (
    edition_data,
    link_online,
    print_order,
    running_headers,
    topic_parts,
)
from llm_interview.pages.topics import TOPICS
from llm_interview.site import downloads


def page(src: str, title: str = "页"):
    """A nav page as the print order reads it (`rl/ppo.md` at `rl/ppo/`)."""
    stem = src.rsplit(".", 1)[0]
    url = "" if stem == "index" else stem.removesuffix("/index") + "/"
    return SimpleNamespace(
        is_page=True, is_section=False, title=title, url=url, file=SimpleNamespace(src_uri=src)
    )


def nav() -> list:
    """A nav as the site has it: topics with an overview and pages, notebooks, drills, back pages."""
    return [
        page("index.md", "首页"),
        Section("深度学习基础", [page("foundations/index.md"), page("foundations/basics.md")]),
        Section("强化学习与对齐", [page("rl/index.md"), page("rl/ppo.md"), page("rl/dpo.md")]),
        Section("动手实验", [page("notebooks/attention.py")]),
        Section("手撕代码", [page("drills/index.md"), page("drills/softmax.md")]),
        Section("杂项", [page("rl/grpo.md"), page("inference/kv.md")]),  # no one topic's
        page("glossary.md", "术语表"),
    ]


def test_each_topic_is_the_part_of_its_folders_pages_numbered_as_print_site_does():
    parts = print_order(nav(), "附录：动手实验")
    assert [p.title for p in parts] == [
        "深度学习基础",
        "强化学习与对齐",
        "手撕代码",
        "杂项",
        "附录：动手实验",
        "首页",
        "术语表",
    ]
    assert topic_parts(parts) == {"foundations": "section-1", "rl": "section-2"}


def test_print_data_names_the_site_each_topics_part_and_every_page_by_key():
    parts = print_order(nav(), "附录")
    pages = [page("rl/ppo.md"), page("glossary.md")]
    html = edition_data(parts, pages, "https://example.org/s/</script>/")
    body = re.fullmatch(r'<script type="application/json" id="print-edition">(.*)</script>', html)
    assert body and "</script>" not in body[1]  # the address cannot end the element early
    data = json.loads(body[1])
    assert data == {
        "site": "https://example.org/s/</script>/",
        "topics": {"foundations": "section-1", "rl": "section-2"},
        "pages": {"rl-ppo": "rl/ppo/", "glossary": "glossary/"},
    }


def test_topic_pdfs_sit_beside_the_full_edition():
    assert topic_pdf("downloads/llm-interview-zh.pdf", "rl") == "downloads/llm-interview-zh-rl.pdf"
    out = Path("site/downloads/llm-interview-zh.pdf")
    assert outputs(out, ["foundations", "rl"]) == {
        FULL: out,
        "foundations": Path("site/downloads/llm-interview-zh-foundations.pdf"),
        "rl": Path("site/downloads/llm-interview-zh-rl.pdf"),
    }


def test_download_links_name_every_topics_pdf_and_an_overview_its_own():
    line = downloads.home_line("https://x.org/", "downloads/a.pdf", "downloads/a.zip")
    links = re.findall(r"\[([^\]]+)\]\(([^)]+)\)", line)
    assert links[:2] == [
        ("PDF 版", "https://x.org/downloads/a.pdf"),
        ("离线副本", "https://x.org/downloads/a.zip"),
    ]
    assert links[2:] == [(t.title, f"https://x.org/downloads/a-{t.slug}.pdf") for t in TOPICS]
    one = downloads.topic_line("https://x.org/", "downloads/a.pdf", "rl", 36)
    assert "[下载本主题 PDF](https://x.org/downloads/a-rl.pdf)" in one and "36 道题" in one


PAGES = {"rl": "rl/", "rl-basics": "rl/basics/", "tags": "tags/", "glossary": "glossary/"}


def test_an_element_belongs_to_the_longest_page_key_its_id_starts_with():
    assert page_key("rl-basics-ppo-clip", PAGES) == "rl-basics"
    assert page_key("rl-intro", PAGES) == "rl" and page_key("rl", PAGES) == "rl"
    assert page_key("rlhf-reward", PAGES) is None and page_key("section-3", PAGES) is None
    site = "https://x.org/s/"
    assert site_address("rl-basics-ppo-clip", PAGES, site) == "https://x.org/s/rl/basics/#ppo-clip"
    assert site_address("tags", PAGES, site) == "https://x.org/s/tags/"
    assert site_address("section-3", PAGES, site) is None


def test_links_to_what_the_print_page_lacks_go_to_the_site_or_nowhere():
    html = (
        '<h2 id="rl-basics-ppo">PPO</h2><a href="#rl-basics-ppo">in</a>'
        '<a href="#tags-rlhf">left out</a>'
        '<a id="__codelineno-0-1" name="__codelineno-0-1" href="#rl-basics-__codelineno-0-1"></a>'
        "<a href=\"#section-2\">part</a><section id='section-2'></section>"
        '<a href="https://arxiv.org/abs/1">paper</a>'
    )
    out = link_online(html, PAGES, {"rl-basics", "glossary"}, "https://x.org/s/")
    assert '<a href="#rl-basics-ppo">in</a>' in out
    assert '<a href="https://x.org/s/tags/#rlhf">left out</a>' in out
    assert '<a id="__codelineno-0-1" name="__codelineno-0-1" ></a>' in out  # a line's own link
    assert '<a href="#section-2">part</a>' in out and "https://arxiv.org/abs/1" in out


def test_a_part_printed_alone_gives_the_whole_document_its_page_name():
    parts = print_order(nav(), "附录")
    css = running_headers(parts)
    assert '#section-2,html[data-print-unit="section-2"]{page:part-1}' in css
    assert '@page part-1{@top-left{content:"强化学习与对齐"}}' in css


@pytest.mark.skipif(not DEJAVU.is_file(), reason="needs fonts-dejavu (Debian)")
def test_subsets_become_one_program_with_every_glyph_at_its_id():
    whole = TTFont(DEJAVU)
    cmap = whole.getBestCmap()
    merged = TTFont(io.BytesIO(union([font_subset("ab"), font_subset("xyz"), font_subset("b")])))
    order = merged.getGlyphOrder()
    for char in "abxyz":
        gid = whole.getGlyphID(cmap[ord(char)])
        glyph = merged["glyf"][order[gid]]
        assert glyph.numberOfContours > 0, char
        assert merged["hmtx"][order[gid]][0] == whole["hmtx"][cmap[ord(char)]][0]
    assert merged["glyf"][order[whole.getGlyphID(cmap[ord("q")])]].numberOfContours == 0


def unit(path: Path, place: str, links: list[str]) -> Path:
    """A one-page PDF as Chromium prints a unit: a named destination `place` and links by name."""
    writer = PdfWriter()
    page = writer.add_blank_page(595, 842)
    top = [FloatObject(0), FloatObject(800), FloatObject(0)]
    writer.root_object[NameObject("/Dests")] = DictionaryObject(
        {NameObject(f"/{place}"): ArrayObject([page.indirect_reference, NameObject("/XYZ"), *top])}
    )
    for n, target in enumerate(links):
        rect = ArrayObject([FloatObject(v) for v in (10, 10 + 20 * n, 100, 25 + 20 * n)])
        link = {"/Type": "/Annot", "/Subtype": "/Link", "/Dest": f"/{target}"}
        annotation = DictionaryObject({NameObject(k): NameObject(v) for k, v in link.items()})
        annotation[NameObject("/Rect")] = rect
        writer.add_annotation(page, annotation)
    writer.write(path)
    return path


def test_units_put_together_keep_links_between_them_and_send_the_rest_to_the_site(tmp_path):
    first = unit(tmp_path / "a.pdf", "rl-basics-ppo", ["rl-dpo-loss", "training-zero", "nowhere"])
    second = unit(tmp_path / "b.pdf", "rl-dpo-loss", ["rl-basics-ppo"])
    toc = [{"id": "rl-basics-ppo", "text": "PPO", "children": []}]
    pages = {"rl-basics": "rl/basics/", "rl-dpo": "rl/dpo/", "training": "training/"}
    out = tmp_path / "out.pdf"

    assert assemble([first, second], out, toc, pages, "https://x.org/") == 1

    links = inspect.links(out)
    assert sorted(links.jumps) == ["/rl-basics-ppo", "/rl-dpo-loss"]  # across units
    assert links.places == {"/rl-basics-ppo", "/rl-dpo-loss"}
    assert links.web == ["https://x.org/training/#zero"]  # not in this PDF: on the site
    assert [title for _, title in inspect.outline(out)] == ["PPO"]
    assert len(PdfReader(out).pages) == 2
