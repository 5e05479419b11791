"""The site's Content-Security-Policy, as a `<meta http-equiv>` in every page (GitHub Pages
cannot set headers).

Scripts run only from the site itself, plus the inline scripts the build and Material write,
each allowed by its SHA-256 hash; no inline event handler, no `javascript:` address, no eval.
One policy for all pages: Material's instant navigation swaps pages without reloading, so a
page must allow every inline script any page has. JupyterLite's own pages (`lite/`) are left
alone: they run a Python kernel in WebAssembly and keep the policy JupyterLite ships.
Under `mkdocs serve` only the pages a rebuild wrote are read and given the policy (Protected).
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

META = '<meta http-equiv="Content-Security-Policy" content="{policy}">'
_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="[^"]*">')
# An inline script that runs: no src, and no type or a JavaScript one (JSON data blocks never run).
_INLINE = re.compile(
    r"<script(?![^>]*\bsrc=)(?:(?![^>]*\btype=)|(?=[^>]*\btype=\"(?:text/javascript|module)\"))"
    r"[^>]*>(.*?)</script>",
    re.DOTALL,
)
_CHARSET = re.compile(r"<meta charset=[^>]*>", re.IGNORECASE)
SKIP = ("lite/",)  # JupyterLite's pages


def inline_scripts(page: str) -> list[str]:
    """The bodies of a page's inline scripts that a browser would run."""
    return _INLINE.findall(page)


def source_hash(script: str) -> str:
    """The CSP source expression that allows one inline script."""
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


def policy(scripts: Iterable[str]) -> str:
    """The policy allowing the site's own files and exactly these inline scripts."""
    hashes = " ".join(sorted({source_hash(s) for s in scripts}))
    return "; ".join(
        [
            "default-src 'self'",
            f"script-src 'self' {hashes}".rstrip(),
            "style-src 'self' 'unsafe-inline'",  # Material sets element styles and CSS variables
            "img-src 'self' data:",  # notebook figures and Material's icons are inline images
            "font-src 'self' data:",
            "connect-src 'self'",
            "worker-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
        ]
    )


def with_policy(page: str, rule: str) -> str:
    """The page with the policy's meta element right after its charset (before any script), in
    place of the one an earlier build gave it."""
    meta = META.format(policy=rule)
    found = _CHARSET.search(page)
    at = found.end() if found else page.find("<head>") + len("<head>")
    earlier = _META.match(page, at)
    return page[:at] + meta + page[earlier.end() if earlier else at :]


@dataclass
class Protected:
    """What `protect` learnt of a site, for the next build into the same folder (`mkdocs serve`):
    each page's inline scripts with the stamp (modification time, size) it had once protected,
    and the policy it got. A dirty rebuild rewrites only the pages it wrote, so the others are
    neither read nor written again unless the policy changes."""

    scripts: dict[Path, tuple[tuple[int, int], list[str]]] = field(default_factory=dict)
    rule: str = ""


def _stamp(path: Path) -> tuple[int, int]:
    stat = path.stat()
    return stat.st_mtime_ns, stat.st_size


def protect(site: Path, known: Protected | None = None) -> str:
    """Give every page of the built site at `site` the one policy; returns it. `known` (updated
    here) spares the pages left as they were since the last call."""
    known = known or Protected()
    pages = [p for p in site.rglob("*.html") if not p.relative_to(site).as_posix().startswith(SKIP)]
    texts, scripts = {}, {}
    for path in pages:
        kept = known.scripts.get(path)
        if kept and kept[0] == _stamp(path):
            scripts[path] = kept[1]
        else:
            texts[path] = path.read_text(encoding="utf-8")
            scripts[path] = inline_scripts(texts[path])
    rule = policy(s for found in scripts.values() for s in found)
    if rule != known.rule:  # every page needs the new policy
        texts |= {p: p.read_text(encoding="utf-8") for p in pages if p not in texts}
    for path, text in texts.items():
        path.write_text(with_policy(text, rule), encoding="utf-8")
    known.scripts = {p: (_stamp(p), scripts[p]) for p in pages}
    known.rule = rule
    return rule
