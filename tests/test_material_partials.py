"""The Material partials we override are copies with a few changed lines. Diffed against the
installed Material, each must differ in exactly the lines we changed: when a Material upgrade
changes the original elsewhere, this names the partial to copy again (and re-apply our change)."""

from __future__ import annotations

import difflib
import re
from pathlib import Path

import material
import pytest
from conftest import ROOT

OURS = ROOT / "overrides" / "partials"
THEIRS = Path(material.__file__).parent / "templates" / "partials"
HEADER = re.compile(r"\A\{#-.*?-#\}\n", re.DOTALL)  # the note on top of every partial
# Partial -> how many of the original's lines we changed (each header says which and why).
CHANGED = {"nav-item.html": 1, "progress.html": 1, "search.html": 2, "source.html": 1}


def _body(path: Path) -> list[str]:
    return HEADER.sub("", path.read_text(encoding="utf-8")).splitlines()


def test_every_override_is_listed():
    assert sorted(p.name for p in OURS.glob("*.html")) == sorted(CHANGED)


@pytest.mark.parametrize("name", sorted(CHANGED))
def test_an_override_differs_from_the_installed_original_only_where_we_changed_it(name):
    ours, theirs = _body(OURS / name), _body(THEIRS / name)
    diff = [d for d in difflib.ndiff(theirs, ours) if d[:1] in "-+"]
    removed = [d for d in diff if d.startswith("-")]
    assert len(removed) == CHANGED[name], (
        f"Material's partials/{name} changed: copy it again into overrides/partials/ and re-apply "
        "the change its header describes\n" + "\n".join(diff)
    )
