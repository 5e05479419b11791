"""Options of the search plugin (mkdocs.yml `plugins: - llm-interview/search`)."""

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config


class SearchConfig(Config):
    enabled = opt.Type(bool, default=True)
    # Notebook pages and the home page repeat the terms of the entries they illustrate or list.
    low_boost = opt.Type(float, default=0.2)
    # Pages that illustrate or drill the questions rank below the questions themselves.
    low_boost_pages = opt.ListOfItems(opt.Type(str), default=["notebooks/", "drills/"])
    worker = opt.Type(str, default="assets/js/search/worker.js")
