"""Write notebooks/<name>.ipynb from docs/notebooks/<name>.py, or check they are in sync.

Usage: llm-interview sync-notebooks [--check]
Colab and Binder open the exported copies; the Jupytext sources stay the ones to edit.
"""

from __future__ import annotations

import argparse
import sys

from llm_interview.notebooks.links import site_settings
from llm_interview.notebooks.sources import EXPORT_DIR, ROOT, discover, export


def stale_exports(site_url: str) -> list[str]:
    """Names of notebooks whose exported copy is missing or differs from its source."""
    return [
        nb.name
        for nb in discover()
        if not nb.export_path.exists()
        or nb.export_path.read_text(encoding="utf-8") != export(nb.source, site_url)
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report stale copies")
    args = parser.parse_args(argv)
    site_url = site_settings(ROOT / "mkdocs.yml")["site_url"]
    stale = stale_exports(site_url)
    if args.check:
        for name in stale:
            print(f"out of sync: notebooks/{name}.ipynb (run llm-interview sync-notebooks)")
        return 1 if stale else 0
    EXPORT_DIR.mkdir(exist_ok=True)
    for nb in discover():
        nb.export_path.write_text(export(nb.source, site_url), encoding="utf-8")
    print(f"wrote {len(discover())} notebooks to {EXPORT_DIR.relative_to(ROOT)}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
