"""The practice page's question bank as read from a rendered topic page (src/llm_interview/practice/bank.py)."""

from __future__ import annotations

import json
from html import unescape
from pathlib import Path

from llm_interview.practice.bank import bank, bank_entries, inline_index, site_path
from llm_interview.practice.marks import with_marks
from llm_interview.practice.setup import setup_form

FIXTURES = Path(__file__).parent / "js" / "fixtures"  # the practice page the Node tests mount

PAGE = """
<h1>推理优化</h1><p>范围。</p>
<h2 class="qa-question" id="kv-cache">为什么要用 <abbr title="键值缓存">KV Cache</abbr>？<a class="headerlink" href="#kv-cache">&para;</a></h2>
<div class="qa-answer"><p>见 <a href="#gqa">GQA</a> 与 <a href="../training/#zero">ZeRO</a>、
<a href="https://arxiv.org/abs/2309.06180">论文</a>；<abbr title="词元">token</abbr> 与 <span class="arithmatex">\\(x\\lt y\\)</span>。</p>
<pre><span><a id="__codelineno-0-1" href="#__codelineno-0-1"></a>x = 1</span></pre></div>
<details class="quote"><summary>原始回答</summary><p>原文</p></details>
<h2 class="qa-question" id="gqa">GQA 是什么？</h2>
<div class="qa-answer"><p>分组。</p></div>
<h2 id="notes">没有参考答案的小节</h2><p>正文</p>
"""


KEYWORDS = {"kv-cache": ["键值缓存", "KV 缓存"]}  # from the page's Markdown (the site model)


def test_links_are_rooted_at_the_site():
    assert site_path("#gqa", "inference/") == "inference/#gqa"
    assert site_path("../training/#zero", "inference/") == "training/#zero"
    assert site_path("../", "inference/") == ""
    assert site_path("https://arxiv.org/abs/1", "inference/") == "https://arxiv.org/abs/1"


def test_entries_keep_the_answer_as_the_reader_sees_it():
    first, second = bank_entries(PAGE, "inference", "inference/", KEYWORDS)
    assert (first.id, first.title, first.url) == (
        "kv-cache",
        "为什么要用 KV Cache？",
        "inference/#kv-cache",
    )
    assert first.keywords == ["键值缓存", "KV 缓存"]
    assert 'href="inference/#gqa"' in first.answer and 'href="training/#zero"' in first.answer
    assert "<abbr" not in first.answer and "token" in first.answer
    assert "__codelineno" not in first.answer and "x = 1" in first.answer
    assert "原始回答" not in first.answer and 'class="arithmatex"' in first.answer
    assert (second.id, second.keywords) == ("gqa", [])


def test_the_inline_index_leaves_out_answers_and_cannot_end_its_element_early():
    entries = bank_entries(
        PAGE.replace("GQA 是什么", "GQA &lt;/template&gt; 是什么"), "inference", "inference/", {}
    )
    html = inline_index(bank([("inference", "推理优化", "inference/")], entries))
    assert html.count("</template>") == 1
    body = html.removeprefix('<template id="practice-index">').removesuffix("</template>")
    index = json.loads(unescape(body))
    assert index["entries"][1] == {
        "id": "gqa",
        "topic": "inference",
        "level": "",
        "title": "GQA </template> 是什么？",
        "url": "inference/#gqa",
    }
    assert index["topics"] == [{"slug": "inference", "title": "推理优化", "url": "inference/"}]


def test_the_setup_form_counts_each_topic_and_level_and_escapes_titles():
    document = bank(
        [("rl", "强化 <学习>", "rl/"), ("inference", "推理", "inference/")],
        bank_entries(PAGE, "inference", "inference/", {}),
    )
    html = setup_form(document)
    assert "强化 &lt;学习&gt;" in html and "<学习>" not in html
    assert 'aria-label="已掌握 0 · 学习中 0 · 未练 2"' in html  # 全部主题 and 推理
    assert 'aria-label="已掌握 0 · 学习中 0 · 未练 0"' in html  # 强化学习: none yet
    assert html.count('type="radio" name="practice-mode"') == 3 and html.count(" checked") == 2


def test_the_node_tests_mount_the_form_the_build_writes():
    """tests/js/fixtures/practice_setup.html is setup_form of practice_bank.json; after changing
    practice/setup.py, write it anew from that function."""
    document = json.loads((FIXTURES / "practice_bank.json").read_text("utf-8"))
    expected = (FIXTURES / "practice_setup.html").read_text("utf-8").strip()
    assert setup_form(document) == expected


def test_a_topic_page_gets_its_controls_for_the_questions_with_an_answer():
    entries = bank_entries(PAGE, "inference", "inference/", {})
    html = with_marks(PAGE, entries, "inference", "../practice.html")
    assert html.count('class="practice-toolbar"') == 1
    assert html.index('class="practice-toolbar"') < html.index('id="kv-cache"')
    assert 'href="../practice.html?topics=inference&amp;mode=due"' in html
    assert 'aria-label="练习状态：为什么要用 KV Cache？"' in html
    assert html.count('<div class="practice-mark"') == 2  # not under 没有参考答案的小节
    assert (
        '<span class="practice-state" hidden></span><a class="headerlink" href="#kv-cache"' in html
    )
    assert with_marks(PAGE, [], "inference", "../practice.html") == PAGE


def test_the_node_tests_mount_the_controls_the_build_writes():
    """tests/js/fixtures/topic_page_marked.html is topic_page.html given its controls; after
    changing practice/marks.py, write it anew from with_marks."""
    page = (FIXTURES / "topic_page.html").read_text("utf-8")
    marked = with_marks(page, bank_entries(page, "rl", "rl/basics/", {}), "rl", "../../practice/")
    assert marked == (FIXTURES / "topic_page_marked.html").read_text("utf-8")


def test_an_answer_is_written_as_the_bank_always_wrote_it():
    page = (
        '<h2 class="qa-question" id="q">问？</h2>'
        '<div class="qa-answer"><p z="1" a="&quot;x&quot;" b="it\'s &quot;y&quot;">'
        "a &lt; b &amp;&amp; c &gt; d<br>"
        '<img alt="" src="../img/f.png"><!-- 注释 -->'
        '<span class="  one   two ">x</span><details open><summary>s</summary></details>'
        "</p></div>"
    )
    (entry,) = bank_entries(page, "inference", "inference/", {})
    assert entry.answer == (
        '<p a=\'"x"\' b="it\'s &quot;y&quot;" z="1">a &lt; b &amp;&amp; c &gt; d<br/>'
        '<img alt="" src="img/f.png"/><!-- 注释 -->'
        '<span class="one two">x</span><details open=""><summary>s</summary></details></p>'
    )
