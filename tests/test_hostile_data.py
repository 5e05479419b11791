"""Hostile data: what a pull request could write into a data file, a page's front matter or a
notebook's Markdown cell. For every string field of every data file (each kind of field, at its
first occurrence) and each payload, either the rule `make check` and the build share refuses it
at its line, or the site shows it as text: no element or attribute made by the payload, in HTML
parsed, not grepped. One shared build holds every payload the rule lets through.
"""

from __future__ import annotations

import json
from pathlib import Path

import markdown
import pytest
import yaml
from conftest import ROOT, mkdocs_build, source_copy
from lxml import html as lxml_html

from llm_interview.checks import content_check, datafields
from llm_interview.editorial import bibliography, glossary, tags
from llm_interview.notebooks.page import sanitize
from llm_interview.pages.glossary import Term

PAYLOADS = {
    "img": '<img src=x onerror="window.__pwned=1">',
    "svg": '"><svg onload="window.__pwned=1">',
    "template": "{{ 7*7 }} {% if true %}模板{% endif %}",
    "long": "长" * 10240,
    "surrogate": "\ud800",
    "javascript": "javascript:window.__pwned=1",
}
ALWAYS_REFUSED = {"img", "svg", "surrogate"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data"}


def field_kinds(text: str) -> dict[str, yaml.ScalarNode]:
    """Each kind of string field of a YAML document (its path, list indices as *) -> the node of
    its first occurrence (mapping keys count, as `<key>`)."""
    found: dict[str, yaml.ScalarNode] = {}

    def walk(node, path: str) -> None:
        if isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:str":
            found.setdefault(path, node)
        elif isinstance(node, yaml.SequenceNode):
            for item in node.value:
                walk(item, f"{path}/*")
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                walk(key, f"{path}/<key>")
                walk(value, f"{path}/{key.value}")

    walk(yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)), "")
    return found


def with_value(text: str, node: yaml.ScalarNode, value: str) -> str:
    """The document with one scalar replaced by `value` (a JSON string is a YAML flow scalar)."""
    return text[: node.start_mark.index] + json.dumps(value) + text[node.end_mark.index :]


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


def _executable(page_html: str) -> list[str]:
    """What would run: a payload's script, an event-handler attribute, a payload's `javascript:`
    address (Material's own share button is a `javascript:void(0)` link)."""
    tree = lxml_html.fromstring(page_html)
    made = [
        el.tag
        for el in tree.iter("svg", "script")
        if "__pwned" in lxml_html.tostring(el, encoding="unicode")
    ]
    return made + [
        f"{el.tag}[{attr}]"
        for el in tree.iter()
        if isinstance(el.tag, str)
        for attr, value in el.attrib.items()
        if attr.startswith("on")
        or (attr in URL_ATTRIBUTES and value.strip().lower().startswith("javascript:window"))
    ]


def _elements_made_by_payloads(page_html: str) -> list[str]:
    """Elements and attributes only a payload would have made, inert ones included."""
    tree = lxml_html.fromstring(page_html)
    return _executable(page_html) + [el.tag for el in tree.iter("img") if el.get("src") == "x"]


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
        assert _elements_made_by_payloads(_rendered(rendered)) == [], rendered[:300]


def test_notebook_markdown_cells_follow_the_page_rule_and_the_page_is_sanitised(tmp_path):
    notebooks = tmp_path / "docs" / "notebooks"
    notebooks.mkdir(parents=True)
    source = (
        "# %% [markdown]\n# # 实验\n#\n# 说明 `<eos>` 不算标签。\n"
        f"# {PAYLOADS['img']}\n\n# %%\nx = '<img src=x>'\n"
    )
    (notebooks / "x.py").write_text(source, encoding="utf-8")
    (problem,) = content_check.notebook_markup_problems(tmp_path)
    assert str(problem).startswith("docs/notebooks/x.py:5: 页面里不能写 HTML 标签 <img>")
    output = (
        '<div class="jp-OutputArea"><img src="data:image/png;base64,AAAA" alt="图">'
        f"{PAYLOADS['img']}{PAYLOADS['svg']}<script>window.__pwned=1</script>"
        '<a href="javascript:window.__pwned=1">x</a><a href="data:text/html,x">y</a></div>'
    )
    cleaned = sanitize(output)  # the check refuses such a cell; the sanitiser is the second line
    assert _executable(cleaned) == []
    assert 'src="data:image/png;base64,AAAA"' in cleaned and "data:text/html" not in cleaned


def _display_fields(tree: Path) -> None:
    """Every payload the rule lets through, in every field a page shows."""
    through = f"{PAYLOADS['template']} {PAYLOADS['javascript']}"
    name = "data/glossary.yaml"
    text = (tree / name).read_text(encoding="utf-8")
    for path in ("/terms/*/zh", "/terms/*/en", "/terms/*/definition"):
        text = with_value(text, field_kinds(text)[path], through)
    (tree / name).write_text(text, encoding="utf-8")
    name = "data/references.yaml"
    text = (tree / name).read_text(encoding="utf-8")
    for path in ("/*/title", "/*/venue"):
        text = with_value(text, field_kinds(text)[path], f"{through} {PAYLOADS['long']}")
    (tree / name).write_text(text, encoding="utf-8")
    page = tree / "docs" / "rl" / "basics.md"
    text = page.read_text(encoding="utf-8")
    text = text.replace("\ntitle: ", f"\ntitle: {json.dumps(through)}\nold_title: ", 1)
    page.write_text(text.replace("\ntags:\n", f"\ntags:\n  - {json.dumps(through)}\n", 1), "utf-8")
    nb = tree / "docs" / "notebooks" / "q_learning.py"
    nb.write_text(
        nb.read_text(encoding="utf-8").replace(
            "# %% [markdown]\n", f"# %% [markdown]\n# {through}\n#\n", 1
        ),
        encoding="utf-8",
    )


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    tree = source_copy(tmp_path_factory.mktemp("hostile") / "repo")
    _display_fields(tree)
    site = tree / "site"
    result = mkdocs_build(tree / "mkdocs.yml", site)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return site


def test_what_the_rule_lets_through_stays_text_on_every_page(hostile_site):
    pages = [
        p for p in hostile_site.rglob("*.html") if "lite" not in p.relative_to(hostile_site).parts
    ]
    made = {
        p.relative_to(hostile_site).as_posix(): found
        for p in pages
        if (found := _elements_made_by_payloads(p.read_text(encoding="utf-8")))
    }
    assert made == {}
    glossary_page = (hostile_site / "glossary" / "index.html").read_text(encoding="utf-8")
    assert "{{ 7*7 }}" in glossary_page and "49 " not in glossary_page.split("{{ 7*7 }}")[0][-5:]
    references = (hostile_site / "references" / "index.html").read_text(encoding="utf-8")
    assert "长" * 10240 in references
    notebook = (hostile_site / "notebooks" / "q_learning" / "index.html").read_text(
        encoding="utf-8"
    )
    assert "{% if true %}" in notebook
