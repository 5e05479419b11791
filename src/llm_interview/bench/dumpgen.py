"""Generate distinct dump text for the import benchmark: every line differs from every other.

Lines mix the shapes a real dump has (paragraphs, tight and loose list items, numbered steps,
code, further-reading lines, bare addresses) with Chinese and English vocabulary, so the
importer's caches cannot flatter the figures the way copies of one seed would.
"""

from __future__ import annotations

import random

_HAN = (
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动"
    "同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自"
    "二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日"
    "那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变"
    "条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总"
    "次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指"
    "几九区强放决西被干做必战先回则任取据处理世车"
)
_TERMS = [
    "Transformer",
    "注意力机制",
    "LoRA",
    "KV Cache",
    "RLHF",
    "PPO",
    "DPO",
    "扩散模型",
    "Stable Diffusion",
    "CLIP",
    "RAG",
    "向量检索",
    "混合精度",
    "ZeRO",
    "FlashAttention",
    "量化",
    "微调",
    "幻觉",
    "位置编码",
    "RoPE",
    "LayerNorm",
    "MoE",
    "GPU",
    "batch size",
    "学习率",
    "tokenizer",
    "BERT",
    "GPT",
    "奖励模型",
    "多模态",
]
_LATIN = [t for t in _TERMS if t.isascii()]
_SHAPES = ("para", "para", "para", "item", "item", "marker", "enum", "code", "closer", "url")


def _han(rng: random.Random, size: int) -> str:
    return "".join(rng.choice(_HAN) for _ in range(size))


def _sentence(rng: random.Random, size: int) -> str:
    parts = []
    while sum(map(len, parts)) < size:
        parts.append(_han(rng, rng.randint(3, 9)) if rng.random() < 0.7 else rng.choice(_TERMS))
    return "".join(parts)[:size]


def line(rng: random.Random, n: int, size: int) -> str:
    """One dump line of about `size` characters; `n` makes it distinct."""
    shape = rng.choice(_SHAPES)
    text = f"{_sentence(rng, size)}{n}"
    if shape == "item":
        return f"- {text}。"
    if shape == "marker":
        return "-"
    if shape == "enum":
        return f"{rng.randint(1, 9)}){text}。"
    if shape == "code":
        return f"x_{n} = nn.Linear({rng.randint(1, 4096)}, {rng.randint(1, 4096)})"
    if shape == "closer":
        return f"更详细请查阅{text}"
    if shape == "url":
        return f"https://example.org/{n}/{rng.randint(0, 10**9)}"
    return text + rng.choice("。:，")


def lines_text(count: int, size_bytes: int, seed: int = 1) -> str:
    """`count` distinct lines of about `size_bytes` UTF-8 bytes in all."""
    rng = random.Random(seed)
    chars = max(4, size_bytes * 10 // count // 24)  # Han characters take three bytes
    return "\n".join(line(rng, n, rng.randint(chars // 2, chars * 3 // 2)) for n in range(count))


def single_line(size_bytes: int, space_run: int = 0, seed: int = 1) -> str:
    """One line of about `size_bytes` bytes.

    With `space_run`, English words separated by runs of that many spaces and no Chinese: the
    shape that makes a backtracking line-shape pattern take quadratic time.
    """
    rng = random.Random(seed)
    parts: list[str] = []
    size = 0
    n = 0
    while size < size_bytes:
        if space_run:
            piece = f"{rng.choice(_LATIN)}{n}" + " " * space_run
        else:
            piece = _sentence(rng, 40) + str(n) + "，"
        parts.append(piece)
        size += len(piece.encode("utf-8"))
        n += 1
    lead = "x" if space_run else "更详细请查阅 "  # a code-like or a further-reading opening
    return lead + "".join(parts) + "x"
