"""Small helpers shared by the tests: running the importer, reading the pages of a topic."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from pathlib import Path

from llm_interview.pages.layout import read_pages, structure
from llm_interview.pages.pagetext import find_entries

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seed" / "000_eb7481b0f66e602c.txt"
SPLIT = "llm_interview.importer.command"
UNSEEN = ROOT / "tests" / "data" / "unseen"


# A question in the built HTML, as the build marks it (editorial/levels.py: QUESTION_CLASS).
# The page's last update, as the site plugin writes it (site/dates.py).
UPDATED = re.compile(r'<time class="page-updated" datetime="[^"]+">(\d{4}年\d{1,2}月\d{1,2}日)<')
QUESTION = re.compile(r'<h2 class="qa-question" id="([^"]+)"')


def question_sections(html: str) -> dict[str, str]:
    """Each question's HTML in a built page: from its heading to the next `<h2` (or the end)."""
    starts = [(m.start(), m[1]) for m in QUESTION.finditer(html)]
    found = {}
    for pos, entry_id in starts:
        end = html.find("<h2", pos + 1)
        found[entry_id] = html[pos : end if end != -1 else len(html)]
    return found


def run_split(*args: str | Path) -> subprocess.CompletedProcess:
    """Run the importer's command line as a contributor would."""
    return subprocess.run(
        [sys.executable, "-m", SPLIT, *map(str, args)], capture_output=True, text=True
    )


def import_into(out: Path, seed: Path = SEED, *extra: str | Path) -> dict:
    """Import `seed` into `out` and return the JSON report; fails the test on a non-zero exit."""
    report = out.parent / f"{out.name}-report.json"
    result = run_split("--seed", seed, "--out", out, "--report", report, *extra)
    assert result.returncode == 0, result.stderr
    return json.loads(report.read_text(encoding="utf-8"))


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` with its bytes."""
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def topic_pages(slug: str, docs: Path = ROOT / "docs") -> dict[str, str]:
    """`{src: markdown}` of a topic's question pages, in reading order."""
    pages = read_pages(docs)
    return {sub.src: pages[sub.src] for sub in structure(pages)[slug]}


def topic_ids(slug: str) -> list[str]:
    """The ids of a topic's questions, in reading order."""
    return [e.id for text in topic_pages(slug).values() for e in find_entries(text)]


def page_of(entry_id: str) -> str:
    """The page (relative to docs/) a question is on."""
    from llm_interview.pages.layout import read_pages

    pages = read_pages(ROOT / "docs")
    return next(src for src, text in pages.items() for e in find_entries(text) if e.id == entry_id)


def site_path(src: str) -> str:
    """A page's URL path in the site (`rl/basics.md` → `rl/basics/`, `rl/index.md` → `rl/`)."""
    path = src.removesuffix(".md").removesuffix("index")
    return path if not path or path.endswith("/") else path + "/"


def built(site: Path, src: str) -> Path:
    """The built HTML file of a page given by its source (`rl/basics.md` → rl/basics/index.html)."""
    return site / site_path(src) / "index.html"


def topic_html(site: Path, slug: str) -> str:
    """The built HTML of all of a topic's question pages, one after another."""
    return "".join(built(site, src).read_text("utf-8") for src in topic_pages(slug))


DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")  # Debian's fonts-dejavu-core


def font_subset(text: str) -> bytes:
    """DejaVu Sans cut down to the glyphs of `text`, glyph ids kept, as Chromium embeds fonts."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    options = subset.Options()
    options.retain_gids = True
    font = TTFont(DEJAVU)
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=text)
    subsetter.subset(font)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()
