"""Hostile data: what a pull request could write into a data file, a page's front matter or a
notebook's Markdown cell. For every string field of every data file (each kind of field, at its
first occurrence) and each payload, either the rule `make check` and the build share refuses it
at its line, or the site shows it as text: no element or attribute made by the payload, in HTML
parsed, not grepped. The build of every payload the rule lets through is in
tests/test_contributed_copy.py.
"""

from __future__ import annotations

import json

import markdown
import pytest
import yaml
from conftest import ROOT
from hostile import PAYLOADS, elements_made_by_payloads, executable, field_kinds, with_value

from llm_interview.checks import content_check, datafields
from llm_interview.editorial import bibliography, glossary, tags
from llm_interview.notebooks.page import sanitize
from llm_interview.notebooks.sources import discover
from llm_interview.pages.glossary import Term

ALWAYS_REFUSED = {"img", "svg", "surrogate"}


CASES = [
    pytest.param(name, path, payload, id=f"{name}:{path}:{payload}")
    for name in datafields.DATA_FILES
    for path in field_kinds((ROOT / name).read_text(encoding="utf-8"))
    for payload in PAYLOADS
]


@pytest.fixture(scope="module")
def sources() -> dict[str, tuple[str, dict[str, yaml.ScalarNode]]]:
    texts = {name: (ROOT / name).read_text(encoding="utf-8") for name in datafields.DATA_FILES}
    return {name: (text, field_kinds(text)) for name, text in texts.items()}


@pytest.mark.parametrize(("name", "path", "payload"), CASES)
def test_every_field_refuses_markup_at_its_line(sources, name, path, payload):
    text, kinds = sources[name]
    node = kinds[path]
    problems = datafields.file_problems(name, with_value(text, node, PAYLOADS[payload]))
    key = path.rsplit("/", 1)[-1]
    refused = payload in ALWAYS_REFUSED and not (
        payload in {"img", "svg"} and key in datafields.MATCH_ONLY_KEYS
    )
    refused = refused or (payload in {"javascript", "template"} and key in datafields.URL_KEYS)
    refused = refused or (payload == "long" and key == "<key>")  # YAML keys stop at 1,024 chars
    line = node.start_mark.line + 1
    # A field's own line, or its record's when the shape check names a missing field first.
    assert all(p.path == name and line - 10 <= p.line <= line for p in problems), problems
    if refused:
        assert len(problems) == 1, problems
    else:  # text the rule lets through, unless the field's shape wants an id, a topic, a number…
        assert problems == [] or (len(problems) == 1 and "HTML" not in problems[0].message)


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "data:text/html,x", "http://x.org", "//x.org"]
)
def test_a_url_is_https_or_inside_the_site(url):
    assert datafields.text_problem(url, "url")
    assert datafields.text_problem("https://arxiv.org/abs/1706.03762", "url") is None
    assert datafields.text_problem("../rl/basics.md#ppo", "url") is None


def _rendered(md: str) -> str:
    return markdown.markdown(md, extensions=["attr_list", "md_in_html", "def_list", "tables"])


@pytest.mark.parametrize("payload", ["img", "svg"])
def test_every_renderer_of_data_shows_markup_as_text(payload, tmp_path):
    """Defence in depth: even a string the rule missed cannot become markup on a page."""
    evil = PAYLOADS[payload]
    term = [Term("lora", "LoRA", evil, evil, (), evil, "fine-tuning")]
    page = glossary.render(term, [("fine-tuning", "微调")], {"lora": [("ft/a.md", "q", "题")]})
    refs = tmp_path / "references.yaml"
    record = {"key": "x2024y", "authors": [evil], "year": 2024, "title": evil, "venue": evil}
    record |= {"url": "https://example.org/", "checked": "test"}
    refs.write_text(yaml.safe_dump([record], allow_unicode=True), encoding="utf-8")
    works = bibliography.load(refs)
    listing = bibliography.render(works, [], "references.md")
    found = tags.questions(
        {"ft/a.md": f"---\ntags:\n  - {json.dumps(evil)}\n---\n\n## {evil}？ {{#q}}\n"}
    )
    chips = "\n".join(tags.chips("ft/a.md", found, tags.anchors(found)).values())
    listing_of_tags = tags.tags_page(found, {}, ["ft"])
    for rendered in (page, listing, chips, listing_of_tags):
        assert elements_made_by_payloads(_rendered(rendered)) == [], rendered[:300]


def test_notebook_markdown_cells_follow_the_page_rule_and_the_page_is_sanitised(tmp_path):
    notebooks = tmp_path / "docs" / "notebooks"
    notebooks.mkdir(parents=True)
    source = (
        "# %% [markdown]\n# # 实验\n#\n# 说明 `<eos>` 不算标签。\n"
        f"# {PAYLOADS['img']}\n\n# %%\nx = '<img src=x>'\n"
    )
    (notebooks / "x.py").write_text(source, encoding="utf-8")
    cells = content_check.notebook_markdown(discover(notebooks))
    (problem,) = content_check.notebook_markup_problems(cells)
    assert str(problem).startswith("docs/notebooks/x.py:5: 页面里不能写 HTML 标签 <img>")
    output = (
        '<div class="jp-OutputArea"><img src="data:image/png;base64,AAAA" alt="图">'
        f"{PAYLOADS['img']}{PAYLOADS['svg']}<script>window.__pwned=1</script>"
        '<a href="javascript:window.__pwned=1">x</a><a href="data:text/html,x">y</a></div>'
    )
    cleaned = sanitize(output)  # the check refuses such a cell; the sanitiser is the second line
    assert executable(cleaned) == []
    assert 'src="data:image/png;base64,AAAA"' in cleaned and "data:text/html" not in cleaned
