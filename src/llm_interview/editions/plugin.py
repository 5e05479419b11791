"""The editions plugin: the PDF edition and the offline copy (issue 12).

- on_config: takes print-site's stylesheets and script off the reading pages (the print page alone
  links them); in an offline build (`OFFLINE=true`), Material's web-worker shim for `file://` comes
  from the site itself (npm's iframe-worker) instead of another host, and instant navigation is off.
- on_files: adds that shim to the build, and the Noto Sans SC web fonts the print page uses.
- on_nav: orders what mkdocs-print-site-plugin puts on the print page: the topics in nav order,
  the notebooks as an appendix, then glossary, errata and references; fills the covers' facts
  (the full edition's, and each topic's for its own PDF).
- on_page_content: gives the print page each page's HTML as the other plugins leave it, without
  the stylesheet links a page carries in its content (their addresses are the page's own).
- on_post_build: links the print page's stylesheets (once each) and scripts (print-site's, then
  ours), gives each part a named page so Chromium prints the part's title as the running header,
  sends links to the pages left out (home, tags, topic overviews, contributing guide) to the
  site and drops links to nothing, and writes what print.js and the PDFs' assembly read
  (`<script type="application/json" id="print-edition">`): each topic's part, and each page's
  address, for links to the parts a topic's PDF leaves out.
"""

from __future__ import annotations

import html
import json
import os
import posixpath
import re
import subprocess
from datetime import datetime
from pathlib import Path
from urllib.parse import unquote
from zoneinfo import ZoneInfo

from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File
from mkdocs.structure.nav import Section
from mkdocs.utils import get_relative_url

from llm_interview import compat, paths
from llm_interview.pages.layout import is_overview, topic_of
from llm_interview.pages.topics import BY_SLUG

from .config import EditionsConfig
from .offline import is_offline_build
from .pdf.addresses import page_key, site_address

IFRAME_WORKER = paths.ROOT / "node_modules" / "iframe-worker" / "shim" / "index.js"
IFRAME_WORKER_URI = "assets/iframe-worker/shim.js"
# Debian's Noto Sans CJK is CFF-flavoured, which Chromium can only embed as unnamed Type 3 glyph
# drawings; Fontsource's static Noto Sans SC (npm) has TrueType outlines and embeds as named,
# subset CID fonts. Only the print page loads it, one file per weight (its simplified-Chinese
# face, ASCII included): the web's hundred unicode-range slices each embed as a font of their
# own, and a line of Chinese switching font at almost every character made the PDF 20 % larger.
NOTO_SC = paths.ROOT / "node_modules" / "@fontsource" / "noto-sans-sc"
NOTO_SC_WEIGHTS = ("400", "700")
FONT_CSS_URI = "assets/fonts/noto-sans-sc.css"
# What a page marks as not for paper (a drill's reference solution); never nested.
PRINT_OMIT = re.compile(r'<details class="[^"]*\bprint-omit\b[^"]*"[^>]*>.*?</details>', re.DOTALL)
_WOFF_FALLBACK = re.compile(r",\s*url\([^)]*\.woff\) format\('woff'\)")
PRINT_ASSETS = (FONT_CSS_URI, "assets/print.css")
# A stylesheet a page links in its content (notebooks, drills), at an address relative to the page.
CONTENT_STYLESHEET = re.compile(r'<link rel="stylesheet" href="([^"]*)">')
PRINT_SCRIPT = "assets/js/print.js"


def font_css() -> str:
    """Fontsource's @font-face rules for the print weights, WOFF2 only."""
    rules = (NOTO_SC / f"chinese-simplified-{weight}.css" for weight in NOTO_SC_WEIGHTS)
    return "".join(_WOFF_FALLBACK.sub("", path.read_text(encoding="utf-8")) for path in rules)


def build_facts() -> dict[str, str]:
    """The build date (Beijing time) and the commit the cover names."""
    date = datetime.now(ZoneInfo("Asia/Shanghai")).strftime("%Y-%m-%d")
    result = subprocess.run(
        ["git", "rev-parse", "--short=12", "HEAD"], cwd=paths.ROOT, capture_output=True, text=True
    )
    commit = result.stdout.strip() or os.environ.get("GITHUB_SHA", "")[:12] or "未知"
    return {"date": date, "commit": commit}


def print_order(items: list, appendix_title: str) -> list:
    """Each topic as a section of its subtopic pages (its overview left out: the contents list
    does its work on paper), in nav order; the notebooks gathered in one appendix section; then
    the rest."""
    topics, notebooks, back = [], [], []
    for item in items:
        children = item.children if item.is_section else [item]
        pages = []
        for child in children:
            if not child.is_page or is_overview(child.file.src_uri):
                continue
            if child.file.src_uri.startswith("notebooks/"):
                notebooks.append(child)
            elif item.is_section:
                pages.append(child)
            else:
                back.append(child)
        if pages:
            topics.append(Section(item.title, pages))
    appendix = [Section(appendix_title, notebooks)] if notebooks else []
    return topics + appendix + back


def printed_pages(parts: list) -> list:
    """The pages on the print page: each part's, or the part itself."""
    return [page for part in parts for page in (part.children if part.is_section else [part])]


def link_online(text: str, pages: dict[str, str], printed: set[str], site_url: str) -> str:
    """Links on the print page to an element it does not have: to a page not printed (key not
    in `printed`), sent to the site; to a printed page (a code line's link to itself, whose id
    the print-site plugin leaves unprefixed), made plain text. Chromium searches the whole page
    for each link it cannot resolve, every time it prints."""
    ids = set(re.findall(r"""\b(?:id|name)=["']([^"']+)["']""", text))

    def replace(match: re.Match) -> str:
        target = unquote(match[1])
        if target in ids:
            return match[0]
        if page_key(target, pages) in printed:
            return ""
        address = site_address(target, pages, site_url)
        return f'href="{html.escape(address)}"' if address else ""

    return re.sub(r'href="#([^"]+)"', replace, text)


def _part_ids(parts: list) -> list[tuple[str, str]]:
    """(element id, running-header title) for each part, as the plugin numbers them."""
    ids = []
    for n, part in enumerate(parts, start=1):
        ids.append(
            (f"section-{n}" if part.is_section else compat.get_page_key(part.url), part.title)
        )
    return ids


def topic_parts(parts: list) -> dict[str, str]:
    """Each topic's part on the print page (its element id), in print order: the section whose
    pages are all in the topic's folder."""
    found = {}
    for part, (element_id, _) in zip(parts, _part_ids(parts), strict=True):
        topics = {topic_of(page.file.src_uri) for page in part.children} if part.is_section else ()
        if len(topics) == 1 and None not in topics:
            found[topics.pop()] = element_id
    return found


def page_urls(pages: list) -> dict[str, str]:
    """Each page's URL by its key on the print page."""
    return {compat.get_page_key(page.url): page.url for page in pages}


def edition_data(parts: list, pages: list, site_url: str) -> str:
    """The print page's data: the site's address, each topic's part, and the address of every
    page under its key (links into the print page are `#<key>-<anchor>`)."""
    data = {"site": site_url, "topics": topic_parts(parts), "pages": page_urls(pages)}
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    return f'<script type="application/json" id="print-edition">{text}</script>'


def running_headers(parts: list) -> str:
    """CSS giving every part its own named page, whose top margin shows the part's title; when
    print.js leaves one part on the page (`<html data-print-unit="<id>">`), the whole document
    takes that name, or Chromium would start it with an empty page to change names."""
    rules = []
    for n, (element_id, title) in enumerate(_part_ids(parts)):
        label = title.replace("\\", "\\\\").replace('"', '\\"')
        rules.append(
            f'#{element_id},html[data-print-unit="{element_id}"]{{page:part-{n}}}'
            f'@page part-{n}{{@top-left{{content:"{label}"}}}}'
        )
    return "<style>" + "".join(rules) + "</style>"


class EditionsPlugin(BasePlugin[EditionsConfig]):
    @event_priority(-100)  # after print-site, listed last, has added its assets to every page
    def on_config(self, config):
        self.parts: list = []
        self.pages: list = []
        self.print_css, self.print_js = compat.take_print_site_assets(config)
        compat.speed_up_print_site()
        self.content_css: dict[str, None] = {}  # site paths, in the order pages link them
        if is_offline_build(config):
            polyfills = [p for p in config.extra.get("polyfills", []) if "iframe-worker" not in p]
            config.extra["polyfills"] = [*polyfills, IFRAME_WORKER_URI]
            # From file:// instant navigation cannot fetch the sitemap, and its error ends
            # Material's document$ stream, which the page scripts wait on: plain page loads.
            features = config.theme["features"]
            config.theme["features"] = [
                f for f in features if not f.startswith("navigation.instant")
            ]
        return config

    def on_files(self, files, config):
        if is_offline_build(config):
            files.append(File.generated(config, IFRAME_WORKER_URI, abs_src_path=str(IFRAME_WORKER)))
        if compat.print_site(config):
            css = font_css()
            files.append(File.generated(config, FONT_CSS_URI, content=css))
            folder = posixpath.dirname(FONT_CSS_URI)
            for name in sorted(set(re.findall(r"url\(\./(files/[^)]+\.woff2)\)", css))):
                source = str(NOTO_SC / name)
                files.append(File.generated(config, f"{folder}/{name}", abs_src_path=source))
        return files

    @event_priority(-100)  # after print-site, listed last, has made its print page
    def on_nav(self, nav, config, files):
        plugin = compat.print_site(config)
        if plugin is None:
            return nav
        self.parts = print_order(nav.items, self.config.appendix_title)
        self.pages = nav.pages
        topics = [BY_SLUG[slug] for slug in topic_parts(self.parts)]
        compat.set_print_items(plugin, self.parts, {"edition": build_facts(), "topics": topics})
        return nav

    @event_priority(-110)  # after the search plugin (-100) has taken the keyword lines out
    def on_page_content(self, html, page, config, files):
        # mkdocs-print-site-plugin keeps each page's HTML as its own on_page_content sees it,
        # before ours run; hand it the final HTML instead (notebook pages are slimmed later).
        if compat.print_site(config):
            here = posixpath.dirname(page.url)
            for href in CONTENT_STYLESHEET.findall(html):
                self.content_css[posixpath.normpath(posixpath.join(here, href))] = None
            page.html = CONTENT_STYLESHEET.sub("", PRINT_OMIT.sub("", html))
        return html

    @event_priority(-100)  # after print-site has written the print page
    def on_post_build(self, config):
        plugin = compat.print_site(config)
        if plugin is None:
            return
        page_file = compat.print_page_file(plugin)
        target = Path(page_file.abs_dest_path)

        def url(uri: str) -> str:
            return html.escape(get_relative_url(uri, page_file.url))

        stylesheets = (*self.print_css, *PRINT_ASSETS, *self.content_css)
        links = "".join(f'<link rel="stylesheet" href="{url(uri)}">' for uri in stylesheets)
        scripts = "".join(f'<script src="{url(uri)}"></script>' for uri in self.print_js)
        script = f'<script type="module" src="{url(PRINT_SCRIPT)}"></script>'
        site_url = config.site_url or ""
        data = edition_data(self.parts, self.pages, site_url)
        head = f"{links}{running_headers(self.parts)}{data}{scripts}{script}"
        printed = set(page_urls(printed_pages(self.parts)))
        text = link_online(
            target.read_text(encoding="utf-8"), page_urls(self.pages), printed, site_url
        )
        target.write_text(text.replace("</head>", head + "</head>", 1), encoding="utf-8")
