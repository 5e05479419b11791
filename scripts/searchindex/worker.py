"""The search worker as one classic script: the ES modules it uses, then worker.js.

Material starts the worker without `type: "module"`, and the offline copy runs it through
iframe-worker from file://, where browsers refuse to load modules. So the build joins
query.js, engine.js and results.js (in dependency order, their import lines and `export`
keywords dropped; their top-level names do not clash) in front of worker.js, which uses
those names directly. The modules stay ES modules for Node's tests.
"""

from __future__ import annotations

import re
from pathlib import Path

MODULES = ("query.js", "engine.js", "results.js")
IMPORT = re.compile(r'^import \{[^}]*\} from "\./[\w-]+\.js";\n', re.MULTILINE)
EXPORT = re.compile(r"^export (?=(?:async )?function |const |let |class )", re.MULTILINE)


class BundleError(ValueError):
    """A module uses a form of import or export that the join does not handle."""


def bundle(source_dir: Path) -> str:
    """worker.js with the modules it needs in front, as one classic script."""
    parts = []
    for name in MODULES:
        code = EXPORT.sub("", IMPORT.sub("", (source_dir / name).read_text(encoding="utf-8")))
        if re.search(r"^\s*(?:import|export)\b", code, re.MULTILINE):
            raise BundleError(
                f'{name}: only `import {{…}} from "./x.js"` and `export` '
                "before a declaration can be joined into the search worker"
            )
        parts.append(f"// ---- {name}\n{code}")
    parts.append((source_dir / "worker.js").read_text(encoding="utf-8"))
    return "\n".join(parts)
