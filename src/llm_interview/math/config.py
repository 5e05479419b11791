"""Options of the math plugin (mkdocs.yml `plugins: - llm-interview/math`)."""

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config

CACHE = ".cache/math"  # rendered formulas, relative to mkdocs.yml; `make check` shares them


class MathConfig(Config):
    enabled = opt.Type(bool, default=True)
    cache = opt.Type(str, default=CACHE)
