"""MkDocs hook, first of all: the data files are checked (shape and text, editorial/datafields.py)
before any other hook reads them, so bad data stops the build with one `file:line` message, the
same one `make check` gives, never a traceback from a loader."""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from editorial import datafields


def on_config(config):
    problems = datafields.problems(Path(config.config_file_path).parent)
    if problems:
        raise PluginError(str(problems[0]))
    return config
