"""Options of the security plugin (mkdocs.yml `plugins: - llm-interview/security`)."""

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config


class SecurityConfig(Config):
    enabled = opt.Type(bool, default=True)
