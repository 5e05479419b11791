"""Every use of another package's internals, in one place, with the versions it was written for.

Each coupling has a canary test (tests/test_compat.py) that names what broke when an upgrade
changes it. A build with other versions than TESTED warns, which fails `mkdocs build --strict`:
run the canaries, adapt this module, then move the pins and TESTED together.

- Material: its page configuration names the search worker (`"search": …/search.<hash>.min.js`),
  which we swap for ours, Material's documented custom-search route; copied partials
  (overrides/partials/, diffed against Material by tests/test_material_partials.py).
- mkdocs-print-site-plugin: the print page's renderer items, page object and page keys; the
  stylesheets and script its on_config adds to every page, which only the print page keeps; its
  `urls.update_anchor_ids`, swapped for one that finds the same tags faster (see there).
- mkdocs-jupyter: it reads `page.file.abs_src_path` while it renders a notebook page.
- MkDocs: a dirty build renders a page whose output is older than its source (File.is_modified).
- Python-Markdown: the `abbr` extension's tree processor, subclassed for CJK text.
- fontTools: the glyf table's glyphs as stored (undecoded), copied between subsets of one font.
"""

from __future__ import annotations

import logging
import os
import re
from contextlib import contextmanager
from importlib import metadata
from pathlib import Path

from markdown.extensions.abbr import AbbrExtension, AbbrTreeprocessor
from mkdocs.exceptions import PluginError
from mkdocs_print_site_plugin import urls as print_site_urls
from mkdocs_print_site_plugin.urls import get_page_key

__all__ = ["AbbrExtension", "AbbrTreeprocessor", "get_page_key"]

log = logging.getLogger("mkdocs.plugins.llm_interview.compat")

TESTED = {
    "mkdocs": "1.6.1",
    "mkdocs-material": "9.8.2",
    "mkdocs-print-site-plugin": "2.9",
    "mkdocs-jupyter": "0.26.3",
    "Markdown": "3.11.4",
    "fonttools": "4.69.1",
}
MATERIAL_WORKER = re.compile(
    r'("search":\s*"[^"]*?)assets/javascripts/workers/search\.\w+\.min\.js"'
)


def untested_versions() -> list[str]:
    """`name 已安装 x，本站按 y 写成` for each package whose installed version is not TESTED."""
    found = []
    for name, version in TESTED.items():
        installed = metadata.version(name)
        if installed != version:
            found.append(f"{name} 已安装 {installed}，本站按 {version} 写成")
    return found


def warn_untested() -> None:
    """One warning per untested version (a strict build stops on it)."""
    for line in untested_versions():
        log.warning("%s：先运行 pytest tests/test_compat.py，再改 llm_interview/compat.py", line)


def search_plugin(config):
    """Material's search plugin as configured, or None."""
    return config.plugins.get("material/search") or config.plugins.get("search")


def use_search_worker(output: str, name: str, worker: str) -> str:
    """The page (or template) with Material's search worker swapped for `worker`."""
    if '"search":' not in output:
        return output
    swapped, count = MATERIAL_WORKER.subn(rf'\g<1>{worker}"', output)
    if count != 1:
        raise PluginError(
            f"search: {name} does not name Material's search worker where it used to "
            '(`"search": ".../workers/search.<hash>.min.js"` in __config); Material changed '
            "its page configuration, so llm_interview/compat.py can no longer swap in ours"
        )
    return swapped


def print_site(config):
    """The enabled mkdocs-print-site-plugin instance, or None."""
    plugin = config.plugins.get("print-site")
    return plugin if plugin is not None and plugin.config.get("enabled") else None


PRINT_SITE_ASSET = re.compile(r"(css|js)/print-site[\w-]*\.(css|js)")
# print-site's pattern for a tag with an id, and the tags whose id it prefixes with the page key.
PRINT_SITE_ID_TAG = re.compile(r"<([^\s]+).*?id=\"([^\"]*?)\".*?>", flags=re.IGNORECASE)
PRINT_SITE_ID_TAGS = ["h1", "h2", "h3", "h4", "h5", "h6", "sup", "li"]
HAS_ID = re.compile(r'id="', flags=re.IGNORECASE)


def update_anchor_ids(page_html: str, page_key: str) -> str:
    r"""print-site's `urls.update_anchor_ids` (2.9), the same replacements found faster.

    Its pattern runs over the whole page, and on Chinese text, which has no spaces, it backtracks
    over the rest of the line for every tag (a tenth of a warm build). A match never spans lines
    (neither `[^\s]` nor `.` matches a newline) and holds `id="`, so it is sought only in the lines
    that hold one: the same matches in the same order, replaced as print-site replaces them.
    """
    lines = (line for line in page_html.split("\n") if HAS_ID.search(line))
    for m in (m for line in lines for m in PRINT_SITE_ID_TAG.finditer(line)):
        if m.group(1) in PRINT_SITE_ID_TAGS:
            match_text = m.group()
            new_text = match_text.replace(m.group(2), page_key + "-" + m.group(2))
            page_html = page_html.replace(match_text, new_text)
    return page_html


def speed_up_print_site() -> None:
    """Make print-site use `update_anchor_ids` above (its `fix_internal_links` calls it)."""
    print_site_urls.update_anchor_ids = update_anchor_ids


def take_print_site_assets(config) -> tuple[list[str], list[str]]:
    """Take the stylesheets and script print-site's on_config added to every page out of
    `extra_css` and `extra_javascript`; returns them (site paths), for the print page alone."""
    taken = []
    for key in ("extra_css", "extra_javascript"):
        keep, take = [], []
        for item in config[key]:
            (take if PRINT_SITE_ASSET.fullmatch(str(item)) else keep).append(item)
        config[key] = keep
        taken.append([str(item) for item in take])
    return taken[0], taken[1]


def set_print_items(plugin, items: list, meta: dict) -> None:
    """What the print page holds, in order, and the metadata its cover template reads."""
    plugin.renderer.items = items
    plugin.print_page.meta = meta


def print_page_file(plugin):
    """The print page's MkDocs File (its output path and URL)."""
    return plugin.print_page.file


def render_again(file) -> None:
    """Make a dirty build render `file`'s page although its source did not change: it renders a
    page whose output is older than its source."""
    dest = Path(file.abs_dest_path)
    if dest.exists():
        os.utime(dest, ns=(0, 0))


@contextmanager
def rendering_from(page, path: str):
    """mkdocs-jupyter renders `page` from `path` (an executed copy) instead of its source."""
    source = page.file.abs_src_path
    page.file.abs_src_path = path
    try:
        yield
    finally:
        page.file.abs_src_path = source


def stored_glyphs(font) -> dict:
    """A fontTools TTFont's glyphs as its glyf table stores them, by glyph name: undecoded, so a
    composite names its parts by glyph id and copies as is into a font with the same ids."""
    return font["glyf"].glyphs


def draws(glyph) -> bool:
    """Whether a stored glyph draws anything (an empty one has no data)."""
    return bool(getattr(glyph, "data", b""))
