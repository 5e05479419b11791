"""Names in their usual form (pages.names, data/names.yaml): what is rewritten, what is
left alone, the words that only look like names, and the data file itself."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conftest import ROOT

import llm_interview.checks.lint_copy as lint_copy
from llm_interview.pages.names import NamesError, load, usual_names


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("Lora方法的核心", "LoRA方法的核心"),
        ("用 lora 和 LORA 微调", "用 LoRA 和 LoRA 微调"),
        ("LLAMA：采用了 Pre-LN", "LLaMA：采用了 Pre-LN"),
        ("Ptuning方法与 p-tuning v2", "P-Tuning方法与 P-Tuning v2"),
        ("GPT3 和 gpt-4", "GPT-3 和 GPT-4"),
        ("Qformer 与 BLIP2", "Q-Former 与 BLIP-2"),
        ("UNet、Unet 和 unet", "U-Net、U-Net 和 U-Net"),
        ("Flash Attention 是一种", "FlashAttention 是一种"),
        ("kv cache 与 HuggingFace", "KV Cache 与 Hugging Face"),
        ("DPO/rlhf、lora+ 和 zero-3", "DPO/RLHF、LoRA+ 和 ZeRO-3"),
        ("## lora 是什么？ {#lora-x}", "## LoRA 是什么？ {#lora-x}"),
        ("[lora 教程](https://a.org/lora)", "[LoRA 教程](https://a.org/lora)"),
        ("<p>chatglm&#44;</p>", "<p>ChatGLM&#44;</p>"),
    ],
)
def test_names_take_their_usual_form(text: str, shown: str):
    assert usual_names(text) == shown


@pytest.mark.parametrize(
    "text",
    [
        "代码 `lora.py` 与 `import peft`",  # code span
        "[教程](https://a.org/lora-guide)",  # link target
        "见 https://huggingface.co/docs/peft/lora 一文",  # bare address
        '<a href="x/lora">',  # HTML attribute
        "公式 $\\mathrm{gelu}(x)$",  # inline formula
        "标题 {#gpt3-llama-layernorm}",  # anchor
        "引用 [@pytorch-sdpa] 与 [@deepspeed-zero-docs]",  # citation
        '原文写作「Qformer」，“lora”，"Lora"',  # quotations of the original
        "lora.py、llama.cpp、langchain-classic、huggingface_hub、rope_theta",  # files, packages
        "adaLN-Zero 与 DeepSeek-R1-Zero",  # part of another name
        "mT5 与 Flan-t5",  # inside a longer word
        "Llama 2 与 Llama 3",  # Meta's own spelling since Llama 2
    ],
)
def test_code_addresses_quotes_and_other_words_are_left_alone(text: str):
    assert usual_names(text) == text


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("PPO 的 clip 起什么作用", "PPO 的 clip 起什么作用"),  # the clip operation, not CLIP
        ("Clip Text 用于文本编码", "CLIP Text 用于文本编码"),
        ("a transformer in English", "a transformer in English"),
        ("多头让transformer看到", "多头让Transformer看到"),
        ("tie a rope; use adam", "tie a rope; use adam"),
        ("rope 和 adam 优化器", "RoPE 和 Adam 优化器"),
        ("zero-shot 与零点 zero", "zero-shot 与零点 zero"),
        ("ZERO 的三个阶段", "ZeRO 的三个阶段"),
        ("a stable diffusion process", "a stable diffusion process"),
        ("用 rag 检索", "用 RAG 检索"),
        ("softmax 与 Softmax", "softmax 与 Softmax"),  # both forms are usual
    ],
)
def test_words_that_look_like_names(text: str, shown: str):
    assert usual_names(text) == shown


def test_lint_names_the_line_the_wrong_form_and_the_right_one():
    lines = ["# 题目", "用Lora微调，再看 llama。", "`lora` 不算。"]
    problems = [p.render("x.md") for p in lint_copy.name_problems(lines)]
    assert problems == [
        f"x.md:2: 名字要用通行写法：「{wrong}」写成「{right}」 — 写法见 data/names.yaml；"
        + lint_copy.FIX_HINT
        for wrong, right in [("Lora", "LoRA"), ("llama", "LLaMA")]
    ]


def test_lint_leaves_front_matter_code_math_and_keyword_lines_alone():
    page = (
        "---\ntags:\n  - lora\n---\n\n"
        "关键词：lora · Lora · llama\n{: .qa-keywords }\n\n"
        "```python\nlora = 1\n```\n\n$$\n\\mathrm{Gelu}(x)\n$$\n"
    )
    assert lint_copy.name_problems(page.split("\n")) == []


def test_fix_rewrites_names_in_the_original_but_keeps_its_quotes():
    page = "/// details | 原始回答\n    type: quote\n\nLora方法的核心。\n\n勘误：原文写作「Lora」。\n///\n"
    fixed = lint_copy.fix_text(page, lint_copy.seed_text(["Lora方法的核心。"]))
    assert "LoRA方法的核心。" in fixed and "原文写作「Lora」" in fixed
    assert lint_copy.name_problems(fixed.split("\n")) == []


def test_every_source_is_a_registered_reference_or_an_address():
    keys = {r["key"] for r in yaml.safe_load((ROOT / "data/references.yaml").read_text())}
    for name in {n.usual: n for n in load().values()}.values():
        assert name.source in keys or name.source.startswith("https://"), name.usual


@pytest.mark.parametrize(
    ("entry", "error"),
    [
        ("- {name: LoRA, source: x}\n- {name: Lora, source: y}", "同时属于"),
        ("- {name: LoRA}", "字段不对"),
        ("- {name: LoRA, source: x, spelling: [lora]}", "字段不对"),
    ],
)
def test_a_bad_names_file_is_refused(tmp_path: Path, entry: str, error: str):
    path = tmp_path / "names.yaml"
    path.write_text("names:\n" + "\n".join("  " + line for line in entry.split("\n")))
    with pytest.raises(NamesError, match=error):
        load(path)
