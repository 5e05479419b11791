"""Fill the home page's topic cards with each topic page's title, scope and question count.

Each card also carries an empty progress slot listing its entry ids; the practice script
(docs/assets/js/practice/) fills it from the reader's own progress in the browser.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # scripts/: the importer's package

from seedsplit.pages import entry_ids, page_path
from seedsplit.topics import TOPICS

MARKER = "<!-- topics -->"


def topic_cards(docs_dir: Path) -> str:
    """Material grid cards, one per topic, counted from the pages as they are now."""
    cards = []
    for topic in TOPICS:
        page = docs_dir / page_path(topic.slug)
        ids = entry_ids(page.read_text(encoding="utf-8")) if page.exists() else []
        scope = re.split(r"[：:]", topic.scope, maxsplit=1)[-1].split("。")[0]
        link = f"[{topic.title}]({page_path(topic.slug)})"
        progress = f'<span class="practice-progress" data-ids="{" ".join(ids)}"></span>'
        cards.append(f"-   **{link}** · {len(ids)} 题\n\n    ---\n\n    {scope}\n\n    {progress}")
    return '<div class="grid cards topic-cards" markdown>\n\n' + "\n\n".join(cards) + "\n\n</div>"


def on_page_markdown(markdown, page, config, files):
    if MARKER in markdown:
        return markdown.replace(MARKER, topic_cards(Path(config["docs_dir"])))
    return markdown
