"""The home page's topic cards (title, scope, question count, a progress slot); its download
line is in downloads.py.

Each card's empty progress slot lists its entry ids; the practice script
(docs/assets/js/practice/) fills it from the reader's own progress in the browser.
"""

from __future__ import annotations

import re

from llm_interview.pages.layout import overview_path
from llm_interview.pages.topics import TOPICS

from .model import SiteModel

MARKER = "<!-- topics -->"


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
