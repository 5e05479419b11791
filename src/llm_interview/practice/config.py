"""Options of the practice plugin (mkdocs.yml `plugins: - llm-interview/practice`)."""

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config


class PracticeConfig(Config):
    enabled = opt.Type(bool, default=True)
    bank = opt.Type(str, default="practice.json")  # the question bank, at the site root
