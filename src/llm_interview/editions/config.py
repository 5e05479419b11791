"""Options of the editions plugin (mkdocs.yml `plugins: - llm-interview/editions`)."""

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config


class EditionsConfig(Config):
    enabled = opt.Type(bool, default=True)
    appendix_title = opt.Type(str, default="附录：动手实验")
