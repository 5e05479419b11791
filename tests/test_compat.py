"""Canaries for every use of another package's internals (llm_interview/compat.py): each test
names the coupling that broke when an upgrade changes it."""

from __future__ import annotations

import importlib.util
import inspect
import io
import random
from importlib import resources
from pathlib import Path
from types import SimpleNamespace

import markdown
import mkdocs_jupyter.plugin
import mkdocs_print_site_plugin.plugin
import pytest
from fontTools.ttLib import TTFont
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File
from mkdocs_print_site_plugin import urls as print_site_urls

from helpers import DEJAVU, font_subset
from llm_interview import compat


def test_installed_versions_are_the_ones_compat_was_written_for():
    assert compat.untested_versions() == [], "升级后先看下面的金丝雀测试，再改 compat.TESTED"


def test_material_names_its_search_worker_in_the_page_configuration():
    base = resources.files("material") / "templates" / "base.html"
    line = next(ln for ln in base.read_text().splitlines() if '"search":' in ln)
    rendered = line.strip().split("|")[0].rstrip().replace('"search": "', '"search": "../')
    assert compat.MATERIAL_WORKER.search(rendered), "Material 的 base.html 不再这样写搜索 worker"
    swapped = compat.use_search_worker(rendered, "base.html", "assets/js/search/worker.js")
    assert '"search": "../assets/js/search/worker.js"' in swapped


def test_a_page_configuration_without_materials_worker_stops_the_build():
    with pytest.raises(PluginError, match=r"compat\.py"):
        compat.use_search_worker('"search": "x.js"', "p", "w.js")


def test_print_site_keeps_its_renderer_items_and_print_page():
    source = inspect.getsource(mkdocs_print_site_plugin.plugin.PrintSitePlugin)
    assert "self.renderer.items = nav.items" in source, "print-site 不再用 renderer.items 排页面"
    assert "self.print_page = Page(" in source, "print-site 不再有 print_page"
    plugin = SimpleNamespace(renderer=SimpleNamespace(items=[1]), print_page=SimpleNamespace())
    compat.set_print_items(plugin, [2, 3], {"edition": {}})
    assert plugin.renderer.items == [2, 3] and plugin.print_page.meta == {"edition": {}}


def test_print_site_adds_its_assets_to_every_page_in_on_config(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: t\ntheme: material\nplugins: [print-site]\n"
        "extra_css: [a.css]\nextra_javascript: [b.js]\n",
        encoding="utf-8",
    )
    config = load_config(str(tmp_path / "mkdocs.yml"))
    config = config.plugins.on_config(config)
    css, js = compat.take_print_site_assets(config)
    assert css and js, "print-site 不再在 on_config 里把样式和脚本加进 extra_css/extra_javascript"
    assert config.extra_css == ["a.css"], "print-site 加的样式名字变了，compat 认不出来"
    assert list(map(str, config.extra_javascript)) == ["b.js"], "print-site 加的脚本名字变了"


def test_mkdocs_jupyter_reads_the_notebook_from_abs_src_path_while_it_renders():
    source = inspect.getsource(mkdocs_jupyter.plugin)
    assert "page.file.abs_src_path" in source, "mkdocs-jupyter 不再从 abs_src_path 读笔记本"
    page = SimpleNamespace(file=SimpleNamespace(abs_src_path="src.py"))
    with compat.rendering_from(page, "run.ipynb"):
        assert page.file.abs_src_path == "run.ipynb"
    assert page.file.abs_src_path == "src.py"


def test_mkdocs_dirty_build_renders_a_page_whose_output_is_older_than_its_source(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.md").write_text("# A\n", encoding="utf-8")
    file = File("a.md", str(tmp_path / "docs"), str(tmp_path / "site"), use_directory_urls=True)
    Path(file.abs_dest_path).parent.mkdir(parents=True)
    Path(file.abs_dest_path).write_text("<p>A</p>", encoding="utf-8")
    assert not file.is_modified(), "MkDocs 的 dirty 构建不再按输出与源文件的修改时间判断"
    compat.render_again(file)
    assert file.is_modified(), "MkDocs 的 dirty 构建不再按输出与源文件的修改时间判断"


def test_python_markdowns_abbr_tree_processor_takes_md_and_abbrs():
    params = list(inspect.signature(compat.AbbrTreeprocessor.__init__).parameters)
    assert params[:3] == ["self", "md", "abbrs"], "Python-Markdown 的 AbbrTreeprocessor 换了参数"
    ext = compat.AbbrExtension()
    assert isinstance(ext.abbrs, dict), "AbbrExtension 不再有 abbrs"
    html = markdown.markdown("LoRA 微调\n\n*[LoRA]: 低秩适配", extensions=[ext])
    assert '<abbr title="低秩适配">LoRA</abbr>' in html


def _subset(text: str) -> TTFont:
    """A subset read back as fonts.union reads Chromium's."""
    return TTFont(io.BytesIO(font_subset(text)), recalcBBoxes=False)


@pytest.mark.skipif(not DEJAVU.is_file(), reason="needs fonts-dejavu (Debian)")
def test_fonttools_stores_glyphs_undecoded_and_writes_them_as_stored():
    with_b, with_ab = _subset("b"), _subset("ab")  # "a" comes before "b" in DejaVu Sans
    gid = with_ab.getGlyphID(with_ab.getBestCmap()[ord("a")])
    glyph = compat.stored_glyphs(with_ab)[with_ab.getGlyphOrder()[gid]]
    slot = with_b.getGlyphOrder()[gid]  # names may differ between subsets; ids do not
    assert compat.draws(glyph) and isinstance(glyph.data, bytes), "glyf 不再存未解码的字形"
    assert not compat.draws(compat.stored_glyphs(with_b)[slot]), "空字形不再没有 data"
    compat.stored_glyphs(with_b)[slot] = glyph
    data, out = glyph.data, io.BytesIO()
    with_b.save(out)
    assert data in out.getvalue(), "fontTools 不再按原样写回未解码的字形"


def _print_site_update_anchor_ids():
    """print-site's own `urls.update_anchor_ids`, from a fresh copy of its module (the build
    swaps the loaded one for compat's)."""
    spec = importlib.util.spec_from_file_location("print_site_urls", print_site_urls.__file__)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.update_anchor_ids


def test_print_site_prefixes_tag_ids_as_compat_does_it_faster():
    source = inspect.getsource(print_site_urls)
    assert compat.PRINT_SITE_ID_TAG.pattern in source, "print-site 找带 id 的标签的正则变了"
    assert f"change_tags = {compat.PRINT_SITE_ID_TAGS}".replace("'", '"') in source
    assert "page_html = update_anchor_ids(page_html, page_key)" in source
    theirs = _print_site_update_anchor_ids()
    rng = random.Random(22)
    pieces = [
        '<h2 id="kv">KV 缓存为什么能加速？</h2>',
        '<h3 ID="Up">大写</h3>',
        '<li id="fn:1">脚注</li>',
        '<sup id="fnref:1">1</sup>',
        '<a id="__codelineno-0-1" href="#__codelineno-0-1"></a>',
        '<div class="qa-answer" id="x">',
        "<p>中文没有空格的一整段文字，<strong>加粗</strong>和<code>代码</code>",
        "</p>",
        '<span title="id=&quot;kv&quot;">引号</span>',
        '<h2 class="kv" id="kv">类名里也有 id 的文字</h2>',
        "\n",
        " ",
    ]
    for _ in range(300):
        page = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 40)))
        assert compat.update_anchor_ids(page, "inference-kv") == theirs(page, "inference-kv")
