"""YAML text to data through the safe loader, libyaml's C version where PyYAML was built with it."""

from __future__ import annotations

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load(text: str):
    """The data of a YAML document; only plain YAML types, never Python objects."""
    return yaml.load(text, Loader=_LOADER)
