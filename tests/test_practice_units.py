"""The practice page's question bank as read from a rendered topic page (src/llm_interview/practice/bank.py)."""

from __future__ import annotations

import json

from llm_interview.practice.bank import bank, bank_entries, inline_index, site_path

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


def test_the_inline_index_leaves_out_answers_and_cannot_end_its_script_early():
    entries = bank_entries(
        PAGE.replace("GQA 是什么", "GQA &lt;/script&gt; 是什么"), "inference", "inference/", {}
    )
    html = inline_index(bank([("inference", "推理优化", "inference/")], entries))
    assert html.count("</script>") == 1
    body = html.removeprefix('<script type="application/json" id="practice-index">').removesuffix(
        "</script>"
    )
    index = json.loads(body)
    assert index["entries"][1] == {
        "id": "gqa",
        "topic": "inference",
        "level": "",
        "title": "GQA </script> 是什么？",
        "url": "inference/#gqa",
    }
    assert index["topics"] == [{"slug": "inference", "title": "推理优化", "url": "inference/"}]


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
