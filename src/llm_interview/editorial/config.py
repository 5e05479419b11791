"""Options of the editorial plugin (mkdocs.yml `plugins: - llm-interview/editorial`)."""

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config


class EditorialConfig(Config):
    enabled = opt.Type(bool, default=True)
    abbreviations = opt.Type(str, default="includes/abbreviations.md")  # from data/glossary.yaml
    errata_dir = opt.Type(str, default="errata")  # one generated errata page per topic
