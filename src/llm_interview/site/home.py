"""The home page's topic cards (title, scope, question count, a progress slot) and download line.

Each card's empty progress slot lists its entry ids; the practice script
(docs/assets/js/practice/) fills it from the reader's own progress in the browser.
"""

from __future__ import annotations

import re

from llm_interview.pages.layout import overview_path
from llm_interview.pages.topics import TOPICS

from .model import SiteModel

MARKER = "<!-- topics -->"
DOWNLOADS_MARKER = "<!-- downloads -->"


def topic_cards(model: SiteModel) -> str:
    """Material grid cards, one per topic, counted from the pages as they are now."""
    cards = []
    for topic in TOPICS:
        ids = model.topic_ids(topic.slug)
        scope = re.split(r"[：:]", topic.scope, maxsplit=1)[-1].split("。")[0]
        link = f"[{topic.title}]({overview_path(topic.slug)})"
        progress = f'<span class="practice-progress" data-ids="{" ".join(ids)}"></span>'
        cards.append(f"-   **{link}** · {len(ids)} 题\n\n    ---\n\n    {scope}\n\n    {progress}")
    return '<div class="grid cards topic-cards" markdown>\n\n' + "\n\n".join(cards) + "\n\n</div>"


def downloads(site_url: str, pdf: str, offline_zip: str) -> str:
    """The download line; absolute links, so they also work from the offline copy."""
    return (
        f"**下载**：[PDF 版]({site_url}{pdf})（A4，整本题库，目录和书签到每一道题，"
        f"适合在平板上读或打印）· [离线副本]({site_url}{offline_zip})（zip，解压后用浏览器打开"
        "其中的 `index.html`，不联网也能搜索）。两者随站点每次发布一起更新。"
    )
