"""The download links: the home page's line (the full PDF, the offline copy, each topic's PDF)
and a topic overview's link to its own PDF. Absolute, so they also work from the offline copy;
the files are printed after the build (`make pdf`), so no size is given."""

from __future__ import annotations

from llm_interview.editions.pdf.names import topic_pdf
from llm_interview.pages.topics import TOPICS

MARKER = "<!-- downloads -->"


def home_line(site_url: str, pdf: str, offline_zip: str) -> str:
    """The home page's download paragraphs."""
    topics = " · ".join(f"[{t.title}]({site_url}{topic_pdf(pdf, t.slug)})" for t in TOPICS)
    return (
        f"**下载**：[PDF 版]({site_url}{pdf})（A4，整本题库，目录和书签到每一道题，"
        f"适合在平板上读或打印）· [离线副本]({site_url}{offline_zip})（zip，解压后用浏览器打开"
        "其中的 `index.html`，不联网也能搜索）。\n\n"
        f"**分主题 PDF**（每个主题一册，只有本主题的题目，在手机上也方便读）：{topics}。\n\n"
        "PDF 与离线副本随站点每次发布一起更新。"
    )


def topic_line(site_url: str, pdf: str, slug: str, count: int) -> str:
    """A topic overview's link to the topic's PDF."""
    return (
        f"**[下载本主题 PDF]({site_url}{topic_pdf(pdf, slug)})**"
        f"（A4，本主题 {count} 道题，封面、目录和书签到每一道题，随站点每次发布更新）"
    )
