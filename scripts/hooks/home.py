"""Fill the home page's topic cards with each topic page's title, scope and question count, and
its download line with the published PDF edition and offline copy.

Each card also carries an empty progress slot listing its entry ids; the practice script
(docs/assets/js/practice/) fills it from the reader's own progress in the browser.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # scripts/: the importer's package

from seedsplit.layout import overview_path, read_pages, structure
from seedsplit.topics import TOPICS

MARKER = "<!-- topics -->"
DOWNLOADS_MARKER = "<!-- downloads -->"
# Written into site/downloads/ by `make pdf` and `make offline`.
PDF = "downloads/llm-interview-zh.pdf"
OFFLINE_ZIP = "downloads/llm-interview-zh-offline.zip"


def topic_cards(docs_dir: Path) -> str:
    """Material grid cards, one per topic, counted from the pages as they are now."""
    cards = []
    topics = structure(read_pages(docs_dir))
    for topic in TOPICS:
        ids = [i for sub in topics[topic.slug] for i in sub.ids]
        scope = re.split(r"[：:]", topic.scope, maxsplit=1)[-1].split("。")[0]
        link = f"[{topic.title}]({overview_path(topic.slug)})"
        progress = f'<span class="practice-progress" data-ids="{" ".join(ids)}"></span>'
        cards.append(f"-   **{link}** · {len(ids)} 题\n\n    ---\n\n    {scope}\n\n    {progress}")
    return '<div class="grid cards topic-cards" markdown>\n\n' + "\n\n".join(cards) + "\n\n</div>"


def downloads(site_url: str) -> str:
    """The download line; absolute links, so they also work from the offline copy."""
    return (
        f"**下载**：[PDF 版]({site_url}{PDF})（A4，整本题库，目录和书签到每一道题，"
        f"适合在平板上读或打印）· [离线副本]({site_url}{OFFLINE_ZIP})（zip，解压后用浏览器打开"
        "其中的 `index.html`，不联网也能搜索）。两者随站点每次发布一起更新。"
    )


def on_page_markdown(markdown, page, config, files):
    if MARKER in markdown:
        markdown = markdown.replace(MARKER, topic_cards(Path(config["docs_dir"])))
    if DOWNLOADS_MARKER in markdown:
        markdown = markdown.replace(DOWNLOADS_MARKER, downloads(config["site_url"] or ""))
    return markdown
