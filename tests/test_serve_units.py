"""`make serve` rebuilds only the changed pages (`--dirty`): the plugins that gather something
from every rendered page keep what the earlier builds of the same serve gathered, and what they
derive from files (site.memo), the policy, the bundles and the compiled templates are made again
only from what changed."""

from __future__ import annotations

import os
from pathlib import Path
from types import SimpleNamespace

import jinja2
import pytest
from mkdocs.config import load_config

from llm_interview.frontend import plugin as frontend
from llm_interview.frontend.bundle import ENTRIES
from llm_interview.math.plugin import MathPlugin
from llm_interview.pages.layout import question_pages, structure
from llm_interview.practice.plugin import PracticePlugin
from llm_interview.search.plugin import SearchPlugin
from llm_interview.security.csp import Protected, protect
from llm_interview.site import home
from llm_interview.site.dependents import stale_pages
from llm_interview.site.generated import cached
from llm_interview.site.memo import Memo
from llm_interview.site.model import SiteModel
from llm_interview.site.templates import CompiledTemplates

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    ("plugin", "gathered"), [(SearchPlugin, "pages"), (PracticePlugin, "entries")]
)
@pytest.mark.parametrize("dirty", [True, False])
def test_a_dirty_rebuild_keeps_what_earlier_builds_gathered(plugin, gathered, dirty):
    instance = plugin()
    instance.on_startup(command="serve", dirty=dirty)
    instance.on_config({})
    getattr(instance, gathered)["rl/rlhf.md"] = ["从第一次构建来的记录"]
    instance.on_config({})  # the next build of the same serve
    assert bool(getattr(instance, gathered)) is dirty


def test_a_generated_page_is_rewritten_only_when_its_text_changes(tmp_path):
    first = cached(tmp_path, "drills/x.md", "# 题\n")
    os.utime(first, (1, 1))
    assert (
        os.path.getmtime(cached(tmp_path, "drills/x.md", "# 题\n")) == 1
    )  # a dirty build skips it
    assert os.path.getmtime(cached(tmp_path, "drills/x.md", "# 新题\n")) > 1


def test_a_memo_derives_again_only_when_the_source_changes():
    calls = []
    memo = Memo(lambda key, text: calls.append(key) or text.upper())
    assert memo("a.md", "x") == "X" and memo("a.md", "x") == "X" and memo("b.md", "x") == "X"
    assert calls == ["a.md", "b.md"]
    assert memo("a.md", "y") == "Y" and calls == ["a.md", "b.md", "a.md"]


def test_a_memo_that_failed_derives_again():
    def derive(key, text):
        if text == "bad":
            raise ValueError(key)
        return text

    memo = Memo(derive)
    for _ in range(2):
        with pytest.raises(ValueError):
            memo("data/x.yaml", "bad")
    assert memo("data/x.yaml", "good") == "good"


def test_a_folder_memo_follows_any_file_under_it(tmp_path):
    (tmp_path / "drill" / "sub").mkdir(parents=True)
    cases = tmp_path / "drill" / "sub" / "cases.py"
    cases.write_text("A = 1\n", encoding="utf-8")
    calls = []
    memo = Memo(lambda folder, _: calls.append(folder) or len(calls))
    assert memo.folder(tmp_path / "drill") == memo.folder(tmp_path / "drill") == 1
    cases.write_text("A = 22\n", encoding="utf-8")  # another size, whatever the clock says
    assert memo.folder(tmp_path / "drill") == 2
    (tmp_path / "drill" / "task.md").write_text("# 题\n", encoding="utf-8")
    assert memo.folder(tmp_path / "drill") == 3


KEEPING = (
    "site",
    "frontend",
    "search",
    "notebooks",
    "math",
    "editorial",
    "practice",
    "drills",
    "security",
)


def test_mkdocs_keeps_the_plugins_that_keep_something_across_the_builds_of_one_serve(
    monkeypatch,
):
    """`mkdocs serve` loads the configuration again for each build; a plugin with on_startup
    is the same object each time (MkDocs' rule), so what it keeps outlives a rebuild."""
    monkeypatch.chdir(ROOT)
    first, second = (load_config(str(ROOT / "mkdocs.yml")) for _ in range(2))
    for name in (f"llm-interview/{feature}" for feature in KEEPING):
        assert first.plugins[name] is second.plugins[name], name


def _page(name: str, script: str) -> str:
    return f'<html><head><meta charset="utf-8"><script>{script}</script></head><body>{name}</body>'


def test_a_rebuild_gives_the_policy_only_to_the_pages_it_wrote(tmp_path):
    pages = {name: tmp_path / name / "index.html" for name in ("a", "b")}
    for name, path in pages.items():
        path.parent.mkdir()
        path.write_text(_page(name, "go()"), encoding="utf-8")
    known = Protected()
    rule = protect(tmp_path, known)
    os.utime(pages["b"], ns=(1, 1))  # so that a rewrite would show
    known.scripts[pages["b"]] = ((1, pages["b"].stat().st_size), known.scripts[pages["b"]][1])
    pages["a"].write_text(_page("a2", "go()"), encoding="utf-8")  # a dirty rebuild wrote it

    assert protect(tmp_path, known) == rule
    assert pages["b"].stat().st_mtime_ns == 1
    for path in pages.values():
        assert path.read_text(encoding="utf-8").count("Content-Security-Policy") == 1


def test_a_new_inline_script_gives_every_page_the_new_policy_once(tmp_path):
    pages = {name: tmp_path / f"{name}.html" for name in ("a", "b")}
    for name, path in pages.items():
        path.write_text(_page(name, "go()"), encoding="utf-8")
    known = Protected()
    before = protect(tmp_path, known)
    pages["a"].write_text(_page("a", "stop()"), encoding="utf-8")

    after = protect(tmp_path, known)
    assert after != before
    for path in pages.values():
        text = path.read_text(encoding="utf-8")
        assert text.count("Content-Security-Policy") == 1 and after in text


def test_the_formulas_font_keeps_the_pages_a_dirty_rebuild_did_not_render(tmp_path):
    class Renderer:
        def render(self, formulas):
            return [f"<math>{tex}</math>" for tex, _ in formulas]

    def page(src):
        return SimpleNamespace(toc=[], file=SimpleNamespace(src_uri=src))

    config = SimpleNamespace(config_file_path=str(tmp_path / "mkdocs.yml"))
    plugin = MathPlugin()
    plugin.load_config({})
    plugin.on_startup(command="serve", dirty=True)
    for build in ("first", "dirty rebuild"):
        plugin.on_config(config)
        plugin.renderer = Renderer()
        if build == "first":
            plugin.on_page_content('<span class="arithmatex">\\(x\\)</span>', page("a.md"), {}, [])
        plugin.on_page_content('<span class="arithmatex">\\(y\\)</span>', page("b.md"), {}, [])
    assert plugin.shown == {"a.md": {"<math>x</math>"}, "b.md": {"<math>y</math>"}}
    plugin.on_page_content("<p>no formula left</p>", page("b.md"), {}, [])
    assert plugin.shown == {"a.md": {"<math>x</math>"}}


def test_the_scripts_are_bundled_again_only_when_a_source_or_a_bundle_changed(
    tmp_path, monkeypatch
):
    source, site = tmp_path / "docs" / "assets" / "js", tmp_path / "site"
    source.mkdir(parents=True)
    (source / "site.js").write_text("import './a.js';\n", encoding="utf-8")
    runs = []

    def bundle(src, out):
        runs.append(src)
        for entry in ENTRIES:
            (out / entry).parent.mkdir(parents=True, exist_ok=True)
            (out / entry).write_text(f"/* bundle {len(runs)} */", encoding="utf-8")

    monkeypatch.setattr(frontend, "bundle", bundle)
    plugin = frontend.FrontendPlugin()
    config = SimpleNamespace(docs_dir=str(tmp_path / "docs"), site_dir=str(site))
    plugin.on_post_build(config)
    plugin.on_post_build(config)  # a rebuild that changed no script
    assert len(runs) == 1
    (source / "a.js").write_text("export const a = 1;\n", encoding="utf-8")
    plugin.on_post_build(config)
    (site / "assets" / "js" / "site.js").write_text("import './a.js';\n", encoding="utf-8")
    plugin.on_post_build(config)  # a clean build copied the module over its bundle
    assert len(runs) == 3


def test_a_template_is_compiled_once_per_serve_and_again_when_it_changes(tmp_path):
    template = tmp_path / "main.html"
    template.write_text("{{ 1 + 1 }}", encoding="utf-8")
    kept = CompiledTemplates()

    def environment():  # each build of `mkdocs serve` makes a new one
        return jinja2.Environment(loader=jinja2.FileSystemLoader(tmp_path), bytecode_cache=kept)

    assert environment().get_template("main.html").render() == "2"
    again = environment()
    again.compile = None  # compiling would fail
    assert again.get_template("main.html").render() == "2"
    template.write_text("{{ 2 + 2 }}", encoding="utf-8")
    assert environment().get_template("main.html").render() == "4"


def _model(pages: dict[str, str]) -> SiteModel:
    markdown = {"index.md": f"# 首页\n\n{home.MARKER}\n", "rl/index.md": "# 强化学习\n", **pages}
    questions = question_pages(markdown)
    return SiteModel(markdown, questions, structure(questions))


RLHF = "---\ntitle: RLHF\n---\n\n# RLHF\n\n## 问一 {#q-one}\n\n答一\n"


def test_an_edited_question_page_has_its_topic_overview_rendered_again():
    before = _model({"rl/rlhf.md": RLHF})
    assert stale_pages(before, _model({"rl/rlhf.md": RLHF})) == set()
    assert stale_pages(before, _model({"rl/rlhf.md": RLHF.replace("答一", "答一，改过")})) == {
        "rl/index.md"
    }


def test_the_home_page_counts_again_when_a_topic_gains_or_loses_a_question():
    before = _model({"rl/rlhf.md": RLHF})
    added = RLHF + "\n## 问二 {#q-two}\n\n答二\n"
    assert stale_pages(before, _model({"rl/rlhf.md": added})) == {"rl/index.md", "index.md"}
    moved = {"rl/rlhf.md": RLHF.split("## ")[0], "rl/ppo.md": "# PPO\n\n## 问一 {#q-one}\n"}
    assert stale_pages(before, _model(moved)) == {"rl/index.md"}  # the same questions
