"""The PDF editions' logic without a build: which part of the print page is a topic's, the files'
names, the data print.js reads, and the download links."""

from __future__ import annotations

import json
import re
from pathlib import Path
from types import SimpleNamespace

from mkdocs.structure.nav import Section

from llm_interview.editions.pdf.command import outputs
from llm_interview.editions.pdf.names import topic_pdf
from llm_interview.editions.pdf.render import FULL
from llm_interview.editions.plugin import edition_data, print_order, topic_parts
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
