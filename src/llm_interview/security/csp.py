"""The site's Content-Security-Policy, as a `<meta http-equiv>` in every page (GitHub Pages
cannot set headers).

Scripts run only from the site itself, plus the inline scripts the build and Material write,
each allowed by its SHA-256 hash; no inline event handler, no `javascript:` address, no eval.
One policy for all pages: Material's instant navigation swaps pages without reloading, so a
page must allow every inline script any page has. JupyterLite's own pages (`lite/`) are left
alone: they run a Python kernel in WebAssembly and keep the policy JupyterLite ships.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable
from pathlib import Path

META = '<meta http-equiv="Content-Security-Policy" content="{policy}">'
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
    """The page with the policy's meta element right after its charset (before any script)."""
    meta = META.format(policy=rule)
    found = _CHARSET.search(page)
    at = found.end() if found else page.find("<head>") + len("<head>")
    return page[:at] + meta + page[at:]


def protect(site: Path) -> str:
    """Give every page of the built site at `site` the one policy; returns it."""
    pages = [p for p in site.rglob("*.html") if not p.relative_to(site).as_posix().startswith(SKIP)]
    texts = {p: p.read_text(encoding="utf-8") for p in pages}
    rule = policy(s for text in texts.values() for s in inline_scripts(text))
    for path, text in texts.items():
        path.write_text(with_policy(text, rule), encoding="utf-8")
    return rule
