"""Formulas rendered at build time (src/llm_interview/math/): where they are in Markdown and in a
rendered page, KaTeX's MathML made right for Chromium, the cache, the `file:line` of a formula
KaTeX refuses, the built site without a math script or a raw formula, and the rendered size of a
fraction, a sum with limits and an aligned block in Chromium."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from llm_interview.math import html
from llm_interview.math.check import formula_problems
from llm_interview.math.mathml import for_browsers, styled_char
from llm_interview.math.plugin import MathPlugin
from llm_interview.math.render import Failure, Renderer
from llm_interview.pages.formulas import formulas, without_formulas
from llm_interview.site.model import SiteModel

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def renderer(tmp_path):
    with Renderer(tmp_path / "math") as r:
        yield r


def test_formulas_follow_arithmatex():
    page = (
        "价格 $5 和 $6 不是公式，\\$x\\$ 也不是，`$y$` 是代码。\n"
        "行内 $a_i<b$ 与 $\\frac{1}{2}$。\n"
        "\n$$\nE=mc^2\n$$\n"
        "```\n$$ not math $$\n```\n"
    )
    found = formulas(page)
    assert [(f.tex, f.display, f.line, f.last) for f in found] == [
        ("a_i<b", False, 2, 2),
        ("\\frac{1}{2}", False, 2, 2),
        ("E=mc^2", True, 4, 6),
    ]
    blanked = without_formulas(page)
    assert blanked.count("\n") == page.count("\n") and "a_i<b" not in blanked


def test_arithmatex_and_notebook_prose_are_found_but_not_code():
    page = (
        '<p>设 <span class="arithmatex">\\(T&gt;1\\)</span></p>'
        '<div class="arithmatex">\\[\nx^2\n\\]</div>'
        "<p>页面正文的 $a$ 不是笔记。</p>"
        '<div class="jupyter-wrapper"><p>笔记的 $q &lt; k$ 和</p><p>$$\\sum_i x_i$$</p>'
        '<div class="jp-Cell jp-CodeCell"><pre>print("$a$")</pre><div><p>$out$</p></div></div>'
        "<p>代码 <code>$b$</code> 之后 $c$。</p></div>"
    )
    found = html.spots(page)
    assert [(s.tex, s.display, s.block) for s in found] == [
        ("T>1", False, False),
        ("x^2", True, True),
        ("q < k", False, False),
        ("\\sum_i x_i", True, True),
        ("c", False, False),
    ]
    out = html.replace(page, found, lambda s: f"<math>{s.tex}</math>")
    assert '<div class="arithmatex"><math>\\sum_i x_i</math></div>' in out  # took its <p>
    assert "\\(" not in out and "$q" not in out and "$a$" in out and "$out$" in out


def test_mathml_reads_as_tex_in_chromium(renderer):
    bb, cos, script, norm, prime = renderer.render(
        [
            ("\\mathbb{R}^d \\mathcal{N} \\mathbf{1}", False),
            ("\\cos m\\theta \\max(a)", False),
            ("x_{<t}", False),
            ("\\lVert x \\rVert", False),
            ("P'(x)", False),
        ]
    )
    assert "ℝ" in bb and "𝒩" in bb and "𝟏" in bb and "mathvariant" not in bb
    assert cos.count('rspace="0.1667em"') == 1  # after cos (before m), not after max (before "(")
    assert '<mo lspace="0" rspace="0">&lt;</mo>' in script
    assert norm.count('lspace="0" rspace="0"') == 2
    assert re.search(r"<mrow>\s*<mi>P</mi>\s*<mo [^>]*>′</mo>\s*</mrow>", prime)
    assert "msup" not in prime
    assert for_browsers("<math><mi>x</mi></math>") == "<math>\n<mi>x</mi>\n</math>"
    assert [
        styled_char(c, s) for c, s in [("A", "FRAKTUR"), ("H", "FRAKTUR"), ("h", "ITALIC")]
    ] == [
        "𝔄",
        "ℌ",
        "ℎ",
    ]
    assert styled_char("h", "BOLD ITALIC") == "𝒉" and styled_char("中", "BOLD") is None


def test_cache_spares_node_and_failures_are_not_kept(tmp_path):
    with Renderer(tmp_path) as first:
        ok, bad = first.render([("\\frac{a}{b}", True), ("\\frac{a", False)])
        assert first.started == 1
    assert ok.startswith('<math display="block">') and "<mfrac>" in ok
    assert isinstance(bad, Failure) and "KaTeX parse error" in bad.message
    with Renderer(tmp_path) as warm:
        assert warm.render([("\\frac{a}{b}", True)]) == [ok]
        assert warm.started == 0  # every formula cached: no Node
    assert [p.name for p in tmp_path.glob("katex-*.json")] == [warm.path.name]


def test_a_refused_formula_is_reported_at_its_line(renderer):
    page = "# 标题\n\n公式 $\\frac{a$ 少了括号，$x$ 没问题。\n"
    [problem] = formula_problems({"docs/x.md": page}, renderer)
    assert (problem.path, problem.line) == ("docs/x.md", 3)
    assert "公式无法渲染" in problem.message and "\\frac{a" in problem.message
    assert "花括号" in problem.message  # the fix hint


def test_the_build_stops_at_the_formulas_line(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.md").write_text("# A\n\n正文\n\n$$\n\\left( x\n$$\n", encoding="utf-8")
    plugin = MathPlugin()
    plugin.load_config({"cache": str(tmp_path / "math")})
    site = SimpleNamespace(model=SiteModel({"a.md": ""}, {}, {}))
    config = SimpleNamespace(
        config_file_path=str(tmp_path / "mkdocs.yml"), plugins={"llm-interview/site": site}
    )
    plugin.on_config(config)
    file = SimpleNamespace(src_uri="a.md", abs_src_path=str(docs / "a.md"))
    page = SimpleNamespace(file=file, toc=[])
    rendered = '<p>正文</p><div class="arithmatex">\\[\n\\left( x\n\\]</div>'
    with pytest.raises(PluginError, match=r"^docs/a\.md:5: 公式无法渲染（KaTeX parse error"):
        plugin.on_page_content(rendered, page, config, None)
    plugin.on_build_error(None)


# Pages a reader opens; lite/ (JupyterLite) and the assets are programs, not reading pages.
def _reading_pages(site: Path) -> list[Path]:
    return [
        p for p in site.rglob("*.html") if p.relative_to(site).parts[0] not in {"lite", "assets"}
    ]


MATH_SCRIPT = re.compile(
    r'<(?:script|link)\b[^>]*(?:src|href)="[^"]*(?:katex|auto-render|mathjax|/math\.js)', re.I
)
NOT_PROSE = re.compile(r"<(pre|code|script|style|math|textarea)\b.*?</\1>|<[^>]+>", re.DOTALL)
RAW = re.compile(r"\\\(|\\\[|(?<![\\$])\$(?![\s$])[^$\n]+(?<!\s)\$")


def test_no_reading_page_loads_a_math_script(built_site):
    pages = _reading_pages(built_site)
    assert len(pages) > 50
    loading = [str(p.relative_to(built_site)) for p in pages if MATH_SCRIPT.search(p.read_text())]
    assert loading == []
    assert not (built_site / "assets" / "katex").exists()
    assert not (built_site / "assets" / "js" / "math.js").exists()


def test_every_formula_is_rendered(built_site):
    raw = {}
    for path in _reading_pages(built_site):
        text = NOT_PROSE.sub(" ", path.read_text(encoding="utf-8"))
        if m := RAW.search(text):
            raw[str(path.relative_to(built_site))] = text[max(m.start() - 30, 0) : m.end() + 30]
    assert raw == {}
    attention = (built_site / "architecture" / "attention" / "index.html").read_text("utf-8")
    assert attention.count("<math") > 40 and '<math display="block">' in attention
    assert (built_site / "assets" / "fonts" / "stix-two-math.woff").stat().st_size < 80_000


# A formula's box at 20 px in Chromium with the site's CSS and font: (width, height) in px, as
# measured when the MathML and the STIX Two Math subset were introduced. In the system's math
# font (no MATH table here) the fraction is 21 % wider, the sum 35 % lower, the aligned block 11 %
# taller; a glyph missing from the subset (the radical once was) shows the same way.
REFERENCE = {
    "\\frac{QK^\\top}{\\sqrt{d_k}}": (52.2, 64.5),
    "\\sum_{i=1}^{n} x_i^2": (55.0, 62.3),
    "\\begin{aligned} a &= b + c \\\\ d &= e \\end{aligned}": (90.3, 46.8),
}
TOLERANCE = 0.06


def test_formula_sizes_match_the_reference(site_url, page):
    with Renderer(ROOT / ".cache" / "math") as r:
        mathml = r.render((tex, True) for tex in REFERENCE)
    page.goto(site_url)  # the site's stylesheets, and its font from the same origin
    blocks = "".join(f'<div class="arithmatex">{m}</div>' for m in mathml)
    page.evaluate(
        "html => { document.body.innerHTML = html }",
        f'<article class="md-typeset" style="font-size: 20px">{blocks}</article>',
    )
    page.evaluate("document.fonts.ready")
    assert page.evaluate("[...document.fonts].some(f => f.family.includes('STIX'))")
    sizes = page.evaluate(
        "[...document.querySelectorAll('math')].map(m => {"
        " const r = m.firstElementChild.getBoundingClientRect(); return [r.width, r.height] })"
    )
    for (tex, (width, height)), (w, h) in zip(REFERENCE.items(), sizes, strict=True):
        assert abs(w - width) <= TOLERANCE * width, (tex, w, h)
        assert abs(h - height) <= TOLERANCE * height, (tex, w, h)
