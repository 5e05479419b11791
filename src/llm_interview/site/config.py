"""Options of the site plugin (mkdocs.yml `plugins: - llm-interview/site`)."""

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config

from llm_interview.editions.pdf.names import FULL_PDF


class SiteConfig(Config):
    enabled = opt.Type(bool, default=True)
    # Each page's 最后更新 date from git (make serve leaves it out: it only changes on commit).
    dates = opt.Type(bool, default=True)
    # Written into site/downloads/ by `make pdf` and `make offline`; the home page links them.
    pdf = opt.Type(str, default=f"downloads/{FULL_PDF}")  # each topic's PDF beside it
    offline_zip = opt.Type(str, default="downloads/llm-interview-zh-offline.zip")
    # Each question id → the URL of its page, for old links `<topic>/#<id>` (permalinks.js).
    permalinks = opt.Type(str, default="assets/permalinks.json")
