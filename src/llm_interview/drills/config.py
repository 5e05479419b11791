"""Options of the drills plugin (mkdocs.yml `plugins: - llm-interview/drills`)."""

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config


class DrillsConfig(Config):
    enabled = opt.Type(bool, default=True)
    source = opt.Type(str, default="drills")  # drills/<id>/ in the repository
    section = opt.Type(str, default="drills")  # the section's address in the site: drills/<id>/
    timeout_ms = opt.Type(int, default=5000)  # a run longer than this is stopped
    stylesheet = opt.Type(str, default="assets/css/drills.css")  # the section's pages only
