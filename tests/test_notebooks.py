"""The notebooks as code: each runs headless and plots, declares real entries, and the
committed sources and .ipynb copies carry no outputs and stay in sync."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

from llm_interview.notebooks import backlinks, page
from llm_interview.notebooks.execute import executed
from llm_interview.notebooks.links import github_repo, launch_links, site_settings
from llm_interview.notebooks.sources import discover, export, read_source, site_links
from llm_interview.notebooks.sync import stale_exports
from llm_interview.pages.pagetext import append_to_entries, find_entries

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = discover()
CORE_TOPICS = {"architecture", "fine-tuning", "diffusion", "rl", "inference"}
# Where each entry lives (`<topic>/<page>`), read from the topic pages themselves.
ENTRY_PAGE = {
    e.id: page.relative_to(ROOT / "docs").with_suffix("").as_posix()
    for page in (ROOT / "docs").glob("*/*.md")
    for e in find_entries(page.read_text(encoding="utf-8"))
}
ids = [nb.name for nb in NOTEBOOKS]


def test_one_notebook_per_core_topic():
    topics = {ENTRY_PAGE[e].split("/")[0] for nb in NOTEBOOKS for e in nb.entries}
    assert topics >= CORE_TOPICS


@pytest.mark.build  # runs every notebook make check has not run yet
@pytest.mark.parametrize("nb", NOTEBOOKS, ids=ids)
def test_executes_and_plots(nb, monkeypatch):
    """Executed as the build executes it, with outputs cached by the notebook's code: make test
    runs make check first, which ran this code already; a tree it did not check runs it here.
    Its time budget is scripts/bench/bench_notebooks.py's to print."""
    monkeypatch.delenv("MPLBACKEND", raising=False)  # Agg would silently drop the figures
    notebook = nbformat.read(executed(nb.source, ROOT / ".cache" / "notebooks"), as_version=4)
    outputs = [o for c in notebook.cells if c.cell_type == "code" for o in c.outputs]
    assert any("image/png" in o.get("data", {}) for o in outputs), "at least one figure"
    assert not [o for o in outputs if o.output_type == "error"]


@pytest.mark.parametrize("nb", NOTEBOOKS, ids=ids)
def test_source_is_plain_and_checks_itself(nb):
    notebook = read_source(nb.source)
    code = "\n".join(c.source for c in notebook.cells if c.cell_type == "code")
    imports = set(re.findall(r"^(?:import|from) (\w+)", code, re.MULTILINE))
    assert imports <= {"numpy", "matplotlib", "collections"}, imports
    assert "default_rng(0)" in code, "fixed seed"
    assert code.count("assert ") >= 3, "the notebook checks its own claims"
    assert '"figure.facecolor": "white"' in code, "opaque figures for dark pages"
    labels = re.findall(r"set_(?:title|xlabel|ylabel)\((f?\"[^\"]*\")", code)
    assert labels and all(s.isascii() for s in labels), "figure labels need no CJK font"


@pytest.mark.parametrize("nb", NOTEBOOKS, ids=ids)
def test_declared_entries_exist_and_are_linked_first(nb):
    assert nb.entries, "metadata llm_interview.entries lists the entries it illustrates"
    first = read_source(nb.source).cells[0].source
    for entry in nb.entries:
        assert entry in ENTRY_PAGE, entry
        assert f"../{ENTRY_PAGE[entry]}.md#{entry})" in first


def test_exports_are_in_sync_and_output_free():
    site_url = site_settings(ROOT / "mkdocs.yml")["site_url"]
    assert stale_exports(site_url) == [], "run: llm-interview sync-notebooks"
    for nb in NOTEBOOKS:
        text = nb.export_path.read_text(encoding="utf-8")
        assert '"outputs": []' in text and '"image/png"' not in text
        assert '"execution_count": null' in text and '"execution_count": 1' not in text
        assert "index.md" not in text, "topic links point at the live site"


def test_no_stray_exports():
    exported = {p.stem for p in (ROOT / "notebooks").glob("*.ipynb")}
    assert exported == {nb.name for nb in NOTEBOOKS}


def test_binder_environment_has_what_the_notebooks_import():
    pins = (ROOT / "binder" / "requirements.txt").read_text(encoding="utf-8")
    assert re.search(r"^numpy==", pins, re.MULTILINE)
    assert re.search(r"^matplotlib==", pins, re.MULTILINE)


def test_export_rewrites_topic_links_and_drops_outputs(tmp_path):
    source = tmp_path / "demo.py"
    source.write_text(
        "# %% [markdown]\n# # T\n# [q](../rl/index.md#rl-example)\n\n# %%\nprint(1)\n",
        encoding="utf-8",
    )
    text = export(source, "https://example.org/site/")
    assert "https://example.org/site/rl/#rl-example" in text
    assert '"outputs": []' in text
    assert site_links("[a](../rl/index.md)", "https://x/") == "[a](https://x/rl/)"


def test_launch_links_have_the_documented_form():
    links = launch_links("lora", "https://github.com/owner/repo")
    assert links["colab"] == (
        "https://colab.research.google.com/github/owner/repo/blob/main/notebooks/lora.ipynb"
    )
    assert (
        links["binder"] == "https://mybinder.org/v2/gh/owner/repo/main?labpath=notebooks/lora.ipynb"
    )
    assert github_repo("https://github.com/a/b.git") == "a/b"


def test_backlinks_go_at_the_end_of_the_entry():
    md = "# P\n\n## One {#one}\n\nanswer\n\n### sub\n\nmore\n\n## Two {#two}\n\nx\n"
    out = append_to_entries(md, backlinks.backlink_blocks({"one": [("NB", "../notebooks/nb.py")]}))
    one, two = out.split("## Two")
    assert one.rstrip().endswith(backlinks.backlink_line([("NB", "../notebooks/nb.py")]))
    assert "more" in one and "动手实验" not in two


def test_page_rewrite_strips_assets_and_fixes_headings():
    raw = (
        '<style>x{}</style><script>a()</script><!-- c --><h2 id="">小结'
        '<a class="anchor-link" href="#">¶</a></h2><div class="clipboard-copy-txt" id="cell-1">'
        'print(1)</div><div class="highlight-ipynb hl-python"><pre>print(1)</pre></div>'
    )
    html = page.mark_code(page.strip_assets(raw))
    html, headings = page.reid_headings(html, lambda text, sep: text.lower(), "链接")
    assert "<style" not in html and "<script" not in html and "<!--" not in html
    assert 'id="小结"' in html and 'class="headerlink"' in html
    assert html.count("print(1)") == 1 and "<pre data-search-exclude><code>" in html
    assert page.toc_tokens(headings) == [{"level": 2, "id": "小结", "name": "小结", "children": []}]
