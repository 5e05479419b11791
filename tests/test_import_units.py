"""Unit tests of the importer's stages on small strings: line shapes, segmentation, rendering."""

from __future__ import annotations

import markdown
import pytest

from llm_interview.importer.assemble import assemble, title_from
from llm_interview.importer.curation import Curated
from llm_interview.importer.records import InputError, Line
from llm_interview.importer.references import Reference, References
from llm_interview.importer.render import escape, render_answer, render_entry
from llm_interview.importer.source import parse_dump
from llm_interview.importer.text import Kind, fold, is_lead_in, kind_of

NO_REFS = References([])


def lines_of(text: str) -> list[Line]:
    return parse_dump(text.encode("utf-8"))


def groups(text: str, curated: list[Curated] | None = None) -> list[list[int]]:
    """Line numbers of each entry the importer finds in `text`."""
    return [e.line_numbers for e in assemble(lines_of(text), curated or [], NO_REFS).entries]


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("-", Kind.MARKER),
        ("- 使用更小的学习率进行微调。", Kind.ITEM),
        ("1)Clip Text 用于文本编码。", Kind.ENUM),
        ("self.to_qkv = nn.Linear(dim, inner_dim * 3, bias=False)", Kind.CODE),
        ("return norm_x * self.weight", Kind.CODE),
        ("更详细请查阅十分钟理解Stable Diffusion", Kind.CLOSER),
        ("https://zhuanlan.zhihu.com/p/628438318", Kind.CLOSER),
        ("- 知乎解读 https://zhuanlan.zhihu.com/p/675421518", Kind.CLOSER),
        ("Flash Attention 是一种高效的注意力机制实现。", Kind.PARA),
    ],
)
def test_line_kinds(line, kind):
    assert kind_of(line) is kind


def test_lead_ins_announce_what_follows():
    assert is_lead_in("为了解决这个问题,可以尝试以下方法:")
    assert is_lead_in("大型语言模型中的对齐问题通常表现为")
    assert not is_lead_in("从而减少每个设备需要的内存。")
    assert not is_lead_in("- 温度参数调整:通过调整温度参数的值控制多样性")


def test_fold_ignores_width_case_marker_and_spaces():
    assert fold("- 在标准的Transformer中，Attention") == fold("在标准的 transformer 中,attention")


def test_loose_list_with_nested_points_is_one_answer():
    text = "归一化的区别如下。\n-\n为什么BN在NLP中效果差\n- BN依赖batch。\n- BN缩放词向量。\n-\n为什么LN有效\n- LN按样本缩放。"
    assert groups(text) == [list(range(1, 9))]


def test_list_after_a_finished_paragraph_starts_a_new_answer():
    text = "Decoder-only架构就是最优选择了。\n- 多样性训练数据:使用多样的语料。\n- 温度参数调整:控制生成的多样性。"
    assert groups(text) == [[1], [2, 3]]


def test_closer_ends_an_answer_and_the_next_line_starts_one():
    text = "LoRA只训练降维矩阵A与升维矩阵B。\n更详细请查阅LoRA实战\nStable Diffusion 包含三个组件:\n- 文本编码器。"
    assert groups(text) == [[1, 2], [3, 4]]


def test_each_bare_url_in_a_run_is_its_own_answer():
    text = (
        "- 关于某模型的相关问题,https://example.org/a\nhttps://example.org/b\nhttps://example.org/c"
    )
    assert groups(text) == [[1], [2], [3]]


def test_code_lines_stay_with_their_answer():
    text = "- 代码中的to_qkv()函数生成q、k、v:\nself.to_qkv = nn.Linear(dim, inner_dim * 3)\nself.to_out = nn.Linear(inner_dim, dim)\n- 注意力复杂度为O(N^2)。"
    assert groups(text) == [[1, 2, 3, 4]]


def test_topic_change_inside_a_list_starts_a_new_answer():
    text = "- Instruction Tuning:在多个任务上微调,模型参数不冻结。\n- 使用不同类型的损失函数和温度参数来获得更好的知识蒸馏效果。\n- 引入额外信息提高蒸馏效果。"
    assert groups(text) == [[1], [2, 3]]


def test_repeated_block_is_merged_into_the_entry_it_repeats():
    text = (
        "- 在标准的Transformer中,Attention计算的时间复杂度为O(N^2):\n- 使用局部注意力机制降低计算复杂度。\n"
        "奖励最大化是强化学习的一个关键概念。\n"
        "在标准的Transformer中,attention计算的时间复杂度为O(N^2):\n- 使用局部注意力机制降低计算复杂度。"
    )
    result = assemble(lines_of(text), [], NO_REFS)
    assert [e.line_numbers for e in result.entries] == [[1, 2, 4, 5], [3]]
    assert result.merged[0]["lines"] == [4, 5]


def test_curation_overrides_rule_boundaries_by_text():
    text = "Lora方法的核心是增加旁路。\nPtuning方法的核心是virtual token。\n更详细请查阅LoRA实战"
    curated = [
        Curated("lora-ptuning", "fine-tuning", "LoRA 与 P-Tuning？", "Lora方法", "更详细请查阅")
    ]
    [entry] = assemble(lines_of(text), curated, NO_REFS).entries
    assert (entry.id, entry.curated, entry.line_numbers) == ("lora-ptuning", True, [1, 2, 3])


def test_uncurated_entries_get_a_title_from_their_text_and_a_stable_id():
    lines = lines_of("RMSNorm去掉了减均值的操作,只用均方根做缩放。")
    [entry] = assemble(lines, [], NO_REFS).entries
    assert entry.title == "RMSNorm去掉了减均值的操作"
    assert not entry.curated and entry.id.startswith("q-")
    assert entry.id == assemble(lines_of("\n\n" + lines[0].text), [], NO_REFS).entries[0].id
    assert "待审核" in render_entry(entry, NO_REFS)
    assert title_from([Line(1, "https://example.org/x")]).startswith("仅有参考链接")


def test_rendering_rebuilds_lists_and_fences_code():
    text = "归一化:\n-\n为什么BN效果差\n- BN依赖batch。\n- BN缩放词向量。\nself.x = nn.Linear(1, 2)"
    out = render_answer(lines_of(text), NO_REFS)
    assert "<li>为什么BN效果差\n<ul>\n<li>BN依赖batch。</li>\n<li>BN缩放词向量。</li>\n</ul>" in out
    assert '<pre><code class="language-python">self.x = nn.Linear(1, 2)</code></pre>' in out


def test_further_reading_gets_the_address_from_references():
    refs = References([Reference("更详细请查阅LoRA实战", "https://example.org/lora", "LoRA")])
    lines = lines_of("LoRA只训练A与B。\n更详细请查阅LoRA实战")
    [entry] = assemble(lines, [], refs).entries
    out = render_entry(entry, refs)
    link = '<li>更详细请查阅<a href="https://example.org/lora">LoRA实战</a></li>'
    assert "**延伸阅读**\n\n<ul>\n" + link in out


def test_raw_html_never_becomes_markup():
    lines = lines_of('<script>alert(1)</script> 会被显示出来:\n- <img src=x onerror="alert(1)">')
    [entry] = assemble(lines, [], NO_REFS).entries
    html = markdown.markdown(render_entry(entry, NO_REFS), extensions=["attr_list", "admonition"])
    assert "<script" not in html and "<img" not in html
    assert "&#60;script&#62;alert(1)&#60;/script&#62;" in html


def test_escape_writes_markup_characters_as_character_references():
    assert escape("a * b _x_ [1] {#id} <b>") == (
        "a &#42; b &#95;x&#95; &#91;1&#93; &#123;&#35;id&#125; &#60;b&#62;"
    )


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"  \n\t\n\r\n", "empty"),
        (b"\x00\x01binary", "binary"),
        ("显存不足".encode("gbk"), "not UTF-8"),
        (b"text\x07bell", "binary"),
    ],
)
def test_bad_bytes_are_refused(data, message):
    with pytest.raises(InputError, match=message):
        parse_dump(data)


def test_crlf_and_bom_give_the_same_lines():
    plain = parse_dump("第一行。\n- 第二行\n".encode())
    assert parse_dump("\ufeff第一行。\r\n- 第二行\r\n".encode()) == plain
