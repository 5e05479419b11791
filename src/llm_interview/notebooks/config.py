"""Options of the notebooks plugin (mkdocs.yml `plugins: - llm-interview/notebooks`)."""

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config


class NotebooksConfig(Config):
    enabled = opt.Type(bool, default=True)
    folder = opt.Type(str, default="notebooks")  # docs/<folder>/*.py, Jupytext sources
    stylesheet = opt.Type(str, default="notebooks/notebook.css")
    # `mkdocs serve` skips JupyterLite (tens of seconds); `mkdocs build` writes it to site/lite.
    lite_on_serve = opt.Type(bool, default=False)
