"""Search hook: the jieba user dictionary of LLM terms, written from scripts/glossary.yaml.

Runs before Material's search plugin reads `jieba_dict_user`. The path in mkdocs.yml is taken
relative to mkdocs.yml and handed to the plugin as an absolute path. Without jieba the build
stops here: an index of unsegmented Chinese would build fine and find almost nothing.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # scripts/: the importer's package

from seedsplit.keywords import glossary_terms, user_dictionary


def search_plugin(config):
    """Material's search plugin as configured in `config`, or None."""
    return config.plugins.get("material/search") or config.plugins.get("search")


def write_if_changed(path: Path, text: str) -> None:
    """Write `text` to `path` unless it already holds exactly that."""
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


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
    path = Path(config.config_file_path).parent / plugin.config.jieba_dict_user
    write_if_changed(path, "".join(f"{word}\n" for word in user_dictionary(glossary_terms())))
    plugin.config.jieba_dict_user = str(path)
    return config
