"""The site model: every Markdown page read once per build, shared by every feature's plugin."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

from mkdocs.exceptions import PluginError

from llm_interview.pages import frontmatter
from llm_interview.pages.layout import Subpage, question_pages, site_pages, structure, subpage
from llm_interview.pages.pagetext import ENTRY_HEADING, appended, find_entries
from llm_interview.site import rendered
from llm_interview.site.rendered import Element

PLUGIN = "llm-interview/site"


@dataclass
class SiteModel:
    """`markdown`: every Markdown page `{src: text}`; `pages`: the question pages among them;
    `topics`: each topic's subtopic pages in reading order; `urls`: each page's site URL;
    `keywords`: each rendered page's section keywords (filled as pages render, see the site
    plugin: they leave the Markdown there, so they never reach the HTML); `ids`: the question
    ids of each question page in page order, so per-page work looks at the page's own
    questions, not at every question of the site."""

    markdown: dict[str, str]
    pages: dict[str, str]
    topics: dict[str, list[Subpage]]
    urls: dict[str, str] = field(default_factory=dict)
    keywords: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    ids: dict[str, tuple[str, ...]] = field(init=False)
    _rendered: tuple = field(default=("", "", None), init=False, repr=False)
    _entries: tuple = field(default=("", 0, None), init=False, repr=False)

    def __post_init__(self):
        self.ids = {sub.src: sub.ids for subs in self.topics.values() for sub in subs}

    @classmethod
    def from_files(cls, files, read: Callable[[str, str], Subpage] = subpage) -> SiteModel:
        """The model of MkDocs' `files`, each question page read by `read` (layout.structure)."""
        markdown = site_pages(files)
        pages = question_pages(markdown)
        urls = {f.src_uri: f.url for f in files.documentation_pages()}
        return cls(markdown, pages, structure(pages, read), urls)

    def permalinks(self) -> dict[str, str]:
        """Every question id with the site URL (relative to the site root) of its page."""
        return {
            entry_id: self.urls[sub.src]
            for subpages in self.topics.values()
            for sub in subpages
            for entry_id in sub.ids
        }

    def rendered(self, src: str, html: str) -> Element:
        """Page `src` rendered to `html`, parsed once for every plugin that reads it (search,
        practice); pages render one after another, so only the latest is kept."""
        if self._rendered[:2] != (src, html):
            self._rendered = (src, html, rendered.tree(html))
        return self._rendered[2]

    def start_page(self, src: str, markdown: str) -> None:
        """Page `src` starts rendering from `markdown`: its source with the front matter and the
        blank lines after it cut (as MkDocs cuts them) and otherwise every line in place, so its
        entries are the source's, moved up (no parse)."""
        full = self.markdown.get(src)
        if full is None:
            return
        lines = full.split("\n")
        head, cut = frontmatter.line_count(full), len(lines) - 1 - markdown.count("\n")
        if cut < head or any(line.strip() for line in lines[head:cut]):
            return  # not lines of the source: the first addition parses the page
        entries = tuple(
            replace(e, start=e.start - cut, end=e.end - cut) for e in find_entries(full)
        )
        self._entries = (src, len(lines) - cut, entries)

    def append_to_entries(
        self,
        src: str,
        markdown: str,
        additions: dict[str, str],
        under_titles: dict[str, str] | None = None,
    ) -> str:
        """`pages.pagetext.append_to_entries` for page `src` as it renders. The plugins that add
        to its entries in turn share what the last one found; between them a plugin may edit
        lines in place (citations become links), so the entries hold while the page has as many
        lines and each entry's heading is where it was."""
        lines = markdown.split("\n")
        known_src, count, entries = self._entries
        if not (known_src == src and count == len(lines) and _headings_at(entries, lines)):
            entries = None
        text, grown = appended(markdown, additions, under_titles, entries)
        self._entries = (src, text.count("\n") + 1, grown)
        return text

    def topic_ids(self, slug: str) -> list[str]:
        """A topic's question ids in reading order."""
        return [i for sub in self.topics[slug] for i in sub.ids]


def _headings_at(entries, lines: list[str]) -> bool:
    """Whether each of `entries` (None: unknown) still starts at its question's heading."""
    if entries is None:
        return False
    for entry in entries:
        found = ENTRY_HEADING.match(lines[entry.start])
        if found is None or found["id"] != entry.id:
            return False
    return True


def of(config) -> SiteModel:
    """The build's site model, from the site plugin (listed before every feature plugin)."""
    plugin = config.plugins.get(PLUGIN)
    model = getattr(plugin, "model", None)
    if model is None:
        raise PluginError(f"mkdocs.yml：插件 {PLUGIN} 要列在本站其他插件之前（它读入全部页面）")
    return model
