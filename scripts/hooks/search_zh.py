"""Search hook for Chinese: the jieba user dictionary, notebook ranking and a query fix.

- on_config (before Material's search plugin): writes the jieba user dictionary named by
  `jieba_dict_user` (relative to mkdocs.yml) from the glossary and the pages' keyword lines, so
  terms like 键值缓存 stay whole in the index. Without jieba the build stops here: an index of
  unsegmented Chinese builds fine and finds almost nothing.
- on_page_content: ranks notebook pages below the questions (their prose repeats the terms of
  the entries they illustrate), so a notebook does not push the answer out of the top results.
- on_post_build: fixes how Material's search worker cuts Chinese queries (see WORKER_FIXES).
  Fails the build if the worker no longer has the code it fixes.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # scripts/: the importer's package

from seedsplit.glossary import glossary_terms
from seedsplit.keywords import page_keywords, user_dictionary
from seedsplit.pages import write_if_changed

NOTEBOOK_BOOST = 0.2
WORKERS = "assets/javascripts/workers"
# Fixes to Material's search worker (9.8.2, minified), each as (its code, our code).
WORKER_FIXES = (
    # A word may end at the query's last character; upstream stops one short, so 灾难性遗忘 was
    # searched as 灾难性遗* and 变分自编码器 as 变* 分* 自* 编码*.
    (
        "for(let o=s+1;o<t.length;o++)t.slice(s,o)in e",
        "for(let o=s+1;o<=t.length;o++)t.slice(s,o)in e",
    ),
    # Chinese is split from the Latin letters next to it, as the index is (lora原理 → lora 原理),
    # and its words are joined by plain spaces: upstream's "* " made 复读机** and then reported
    # 复读机 as missing (缺少) from the very results that contain it.
    (
        's=>[...fe(s,this.index.invertedIndex)].join("* ")',
        's=>" "+[...fe(s,this.index.invertedIndex)].join(" ")+" "',
    ),
)


def search_plugin(config):
    """Material's search plugin as configured in `config`, or None."""
    return config.plugins.get("material/search") or config.plugins.get("search")


@event_priority(100)
def on_config(config):
    plugin = search_plugin(config)
    if plugin is None or not plugin.config.jieba_dict_user:
        return config
    if importlib.util.find_spec("jieba") is None:
        raise PluginError(
            "search: jieba is not installed, so Chinese text would not be split into words and "
            "search would miss most of it. Install it: pip install jieba (pinned in "
            "requirements.txt)."
        )
    pages = sorted(Path(config.docs_dir).glob("*/index.md"))
    keywords = [k for page in pages for k in page_keywords(page.read_text(encoding="utf-8"))]
    words = user_dictionary(glossary_terms(), keywords)
    path = Path(config.config_file_path).parent / plugin.config.jieba_dict_user
    write_if_changed(path, "".join(f"{word}\n" for word in words))
    plugin.config.jieba_dict_user = str(path)
    return config


def on_page_content(html, page, config, files):
    if page.file.src_uri.startswith("notebooks/"):
        page.meta["search"] = {"boost": NOTEBOOK_BOOST, **(page.meta.get("search") or {})}
    return html


def on_post_build(config):
    if search_plugin(config) is None:
        return
    for worker in Path(config.site_dir, WORKERS).glob("search.*.min.js"):
        code = worker.read_text(encoding="utf-8")
        for bug, fix in WORKER_FIXES:
            if fix in code:  # `mkdocs serve --dirty` may keep an already fixed copy
                continue
            if bug not in code:
                raise PluginError(
                    f"search: {worker.name} changed, {bug!r} is gone; check whether Material "
                    "still needs the fixes in scripts/hooks/search_zh.py for Chinese queries"
                )
            code = code.replace(bug, fix)
        worker.write_text(code, encoding="utf-8")
