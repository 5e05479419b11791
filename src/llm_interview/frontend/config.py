"""Options of the front-end plugin (mkdocs.yml `plugins: - llm-interview/frontend`)."""

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config


class FrontendConfig(Config):
    enabled = opt.Type(bool, default=True)
