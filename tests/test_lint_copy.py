"""The copy lint: a specific message for bad text, none for good text or untouched seed text."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT

import llm_interview.checks.lint_copy as lint_copy
from llm_interview.pages.typeset import typeset

SEED = (
    "Lora方法的核心是在原始PLM旁边增加一个旁路,做一个降维再升维的操作。\n- 温度参数调整:控制多样性"
)


def messages(text: str, seed: str = SEED) -> list[str]:
    lines = lint_copy.seed_text(seed.split("\n"))
    return [problem.render("x.md") for problem in lint_copy.lint_text(text, lines)]


def test_halfwidth_punctuation_in_chinese_sentence():
    (message,) = messages("我们写的句子,用了半角逗号。")
    assert message.startswith("x.md:1: 中文句子里要用全角标点")
    assert "改为「我们写的句子，用了半角逗号。」" in message


def test_missing_space_between_chinese_and_latin():
    (message,) = messages("第一行没问题。\n使用LoRA微调7B模型。")
    assert message.startswith("x.md:2: 中文与英文、数字之间加一个空格")
    assert "改为「使用 LoRA 微调 7B 模型。」" in message


@pytest.mark.parametrize(
    ("char", "name"),
    [("\u200b", "零宽空格"), ("\u00a0", "不换行空格"), ("\ufeff", "BOM"), ("\u3000", "全角空格")],
)
def test_invisible_characters(char, name):
    message = messages(f"这里有{char}字符。")[0]
    assert message.startswith("x.md:1: 第 4 列有看不见的字符 U+")
    assert name in message


def test_good_text_has_no_problems():
    good = (
        "# 推理优化\n\n使用 LoRA 微调 7B 模型，显存占用约 16 GB。\n\n```python\nx=1,中文abc\n```\n"
    )
    assert messages(good) == []


def test_seed_lines_are_exempt_but_edited_seed_lines_are_not():
    page = f"- 温度参数调整：控制多样性\n\n{typeset(SEED.splitlines()[0])}\n"
    assert messages(page) == []
    edited = page.replace("做一个降维再升维的操作", "先把输入降到r维再升回来，相当于降维再升维")
    assert [m.split(":")[1] for m in messages(edited)] == ["3"]


def test_math_bold_letters_are_not_invisible():
    assert lint_copy.invisible_problems(["𝗣𝗿𝗲-𝘁𝗿𝗮𝗶𝗻𝗶𝗻𝗴 预训练"]) == []


def test_heading_id_survives_the_fix():
    text = "## 为什么需要KV缓存? {#kv-cache}\n"
    assert "x.md:1:" in messages(text)[0]
    assert lint_copy.fix_text(text, SEED) == "## 为什么需要 KV 缓存？ {#kv-cache}\n"


def test_admonition_bodies_are_checked():
    text = (
        '!!! warning "勘误"\n    原答案说MQA更慢。\n\n'
        '    ??? note "说明"\n        嵌套abc。\n\n    回到def。\n'
    )
    assert [m.split(":")[1] for m in messages(text)] == ["2", "5", "7"]


def test_fix_removes_every_problem_and_keeps_seed_text():
    text = f"{SEED}\n\n新写的句子,有GPT和\u200b零宽空格。\n"
    fixed = lint_copy.fix_text(text, SEED)
    assert lint_copy.lint_text(fixed, SEED) == []
    assert fixed.startswith(typeset(SEED))  # the seed's words, its punctuation and names typeset


def test_cli_reports_and_exits_nonzero(tmp_path: Path, capsys):
    (tmp_path / "bad.md").write_text("坏的句子,没有空格abc。\n", encoding="utf-8")
    (tmp_path / "good.md").write_text("好的句子，有空格 abc。\n", encoding="utf-8")
    assert lint_copy.main([str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert out.count("bad.md:1: ") == 1 and "good.md" not in out
    assert lint_copy.main(["--fix", str(tmp_path)]) == 0
    assert lint_copy.main([str(tmp_path)]) == 0


def test_committed_docs_pass():
    """What `make test` enforces on the repository's own pages and CONTRIBUTING.md."""
    code = lint_copy.main([str(ROOT / "docs"), str(ROOT / "CONTRIBUTING.md")])
    assert code == 0, (
        "文案检查未通过：见上方输出，或运行 python src/llm_interview/checks/lint_copy.py --fix"
    )


def test_keyword_lists_and_autolinked_seed_urls_are_exempt():
    seed = "- 关于LLaMa3.1的相关问题,https://zhuanlan.zhihu.com/p/712494477"
    page = (
        "关键词：自适应Softmax · 虚拟token\n{: .qa-keywords }\n\n"
        "- 关于LLaMa3.1的相关问题，<https://zhuanlan.zhihu.com/p/712494477>\n"
    )
    assert messages(page, seed) == []
    assert messages("关键词：自适应Softmax\n", seed) != []


def test_typo_fixes_and_quotes_of_seed_text_stay_exempt():
    fixed_typo = typeset(SEED.splitlines()[0]).replace("旁路", "旁支")
    assert messages(fixed_typo) == []
    assert messages("原文写作「温度参数调整：控制多样性」，少了空格。") == []
    assert messages("原文写作「不在原文里的话,abc」。") != []


def test_hyphenated_chinese_compounds_are_fine():
    assert messages("编码器-解码器（Encoder-Decoder）结构。") == []


def test_seed_text_keeps_its_spacing_but_not_its_folded_punctuation():
    punctuation, name = messages(SEED.splitlines()[0])
    assert name == (
        "x.md:1: 名字要用通行写法：「Lora」写成「LoRA」 — 写法见 data/names.yaml；"
        + lint_copy.FIX_HINT
    )
    message = punctuation
    assert message.startswith("x.md:1: 中文里的逗号、冒号、分号要用全角（，：；）")
    assert "增加一个旁路，做一个降维" in message and "PLM旁边" in message  # spacing untouched
    assert messages("网址 https://a.org/x,y 和代码 `a,b`，公式 $f(x,y)$。") == []
