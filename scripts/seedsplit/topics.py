"""The eight topics, their Chinese names and scopes, and keyword scores that place an answer."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass


@dataclass(frozen=True)
class Topic:
    """A topic page: fixed slug, Chinese title and a one-paragraph scope."""

    slug: str
    title: str
    scope: str


TOPICS: tuple[Topic, ...] = (
    Topic(
        "architecture",
        "模型架构",
        "Transformer 的结构与各个部件：缩放点积注意力与因果掩码、多头机制、归一化（LayerNorm、"
        "RMSNorm）、FFN 与 SwiGLU、位置编码（RoPE、ALiBi）与长上下文扩展、"
        "分词与词表、MoE，以及 Encoder-only、Decoder-only 等模型家族和 Mamba 这类新架构。"
        "面试里问“为什么这样设计”的题目大多在这里。",
    ),
    Topic(
        "fine-tuning",
        "微调",
        "如何让预训练好的模型适应具体任务：LoRA、QLoRA 及其变体等参数高效微调（PEFT），"
        "SFT 数据的构造、损失与超参数，指令数据合成，模型合并与长文本微调，"
        "以及微调带来的灾难性遗忘和数据配比。",
    ),
    Topic(
        "diffusion",
        "扩散模型",
        "图像生成方向的高频题：DDPM 与 DDIM 的原理、采样器与蒸馏加速、Classifier-Free Guidance、"
        "ControlNet 与个性化定制、DiT 与 Flow Matching、评估指标，"
        "以及 Stable Diffusion 与 SDXL 的结构和流程。",
    ),
    Topic(
        "rl",
        "强化学习与对齐",
        "强化学习的基本概念（价值函数、贝尔曼方程、策略梯度、Actor-Critic、on/off-policy），"
        "以及它在大模型上的应用：RLHF 与奖励模型、PPO、DPO、GRPO、可验证奖励与推理模型、"
        "奖励黑客和对齐问题。",
    ),
    Topic(
        "inference",
        "推理优化",
        "让模型生成得更快、更省、更好：Prefill 与 Decode、KV Cache 及其压缩，"
        "MQA/GQA/MLA，FlashAttention，解码与采样策略，量化（GPTQ、AWQ、"
        "SmoothQuant），PagedAttention、连续批处理、前缀缓存与投机解码等推理服务技术，"
        "以及知识蒸馏。",
    ),
    Topic(
        "training",
        "预训练与分布式训练",
        "大模型是怎样训练出来的：Scaling Law、预训练数据清洗、优化器与学习率、混合精度，"
        "显存占用与 OOM，数据/张量/流水线/序列并行与 ZeRO、FSDP，以及 loss spike 等稳定性问题。",
    ),
    Topic(
        "multimodal",
        "多模态",
        "文本之外的模态：ViT 与 CLIP/SigLIP 的图文对比学习，"
        "Q-Former、LLaVA 等视觉语言模型的结构与训练，"
        "高分辨率与视频输入，语音接入，多模态幻觉，以及统一理解与生成的模型。",
    ),
    Topic(
        "applications",
        "应用与幻觉",
        "把大模型用起来时的问题：RAG 的流程、检索、向量索引与评估，Agent 与工具调用，思维链，"
        "Prompt 注入，模型评测，以及幻觉的检测与缓解。",
    ),
)
SLUGS = tuple(t.slug for t in TOPICS)
BY_SLUG = {t.slug: t for t in TOPICS}

# Keyword → weight per topic. Latin keywords match whole words, Chinese ones anywhere.
_LEXICON: dict[str, dict[str, int]] = {
    "architecture": {
        "transformer": 2,
        "注意力": 1,
        "attention": 1,
        "多头": 2,
        "self-attention": 2,
        "encoder": 2,
        "decoder": 2,
        "编码器": 1,
        "解码器": 1,
        "bert": 3,
        "t5": 2,
        "gpt": 1,
        "layernorm": 3,
        "layer normalization": 3,
        "layner-norm": 3,
        "batchnorm": 3,
        "batch normalization": 3,
        "归一化": 2,
        "rmsnorm": 3,
        "ln": 2,
        "bn": 2,
        "位置编码": 3,
        "rope": 3,
        "positional": 2,
        "外推": 3,
        "token": 1,
        "分词": 2,
        "标记化": 3,
        "词表": 2,
        "词汇表": 2,
        "softmax": 1,
        "残差": 2,
        "前馈": 2,
        "ffn": 2,
        "mamba": 3,
        "rnn": 2,
        "ssm": 3,
        "复杂度": 2,
        "子空间": 2,
        "qkv": 2,
        "to_qkv": 2,
        "激活函数": 3,
        "swiglu": 3,
        "moe": 3,
        "专家": 2,
        "架构": 2,
        "双向": 2,
    },
    "fine-tuning": {
        "lora": 4,
        "ptuning": 4,
        "p-tuning": 4,
        "peft": 4,
        "微调": 2,
        "sft": 3,
        "fine-tuning": 2,
        "finetune": 2,
        "指令微调": 3,
        "instruction": 2,
        "prompt": 2,
        "提示": 1,
        "灾难性遗忘": 3,
        "遗忘": 2,
        "adapter": 3,
        "领域数据": 3,
        "通用数据": 3,
        "基座": 2,
        "泛化": 1,
        "ewc": 3,
        "prefix": 2,
        "virtual token": 3,
        "qlora": 4,
        "低秩": 2,
        "旁路": 3,
        "冻结": 2,
        "指令数据": 3,
        "self-instruct": 4,
        "evol-instruct": 4,
        "lima": 3,
    },
    "diffusion": {
        "diffusion": 3,
        "扩散": 3,
        "unet": 3,
        "u-net": 3,
        "vae": 2,
        "噪声": 2,
        "去噪": 3,
        "time step": 3,
        "时间步": 3,
        "高斯噪声": 3,
        "sdxl": 4,
        "refiner": 3,
        "图像生成": 2,
        "潜在": 1,
        "latent": 2,
        "scheduler": 2,
        "ddpm": 4,
        "ddim": 4,
        "文生图": 3,
        "controlnet": 4,
        "图片": 1,
        "dreambooth": 4,
        "textual inversion": 4,
        "采样步数": 3,
        "dpm-solver": 4,
        "一致性模型": 4,
        "consistency model": 3,
        "sdxl-turbo": 4,
        "去噪步": 3,
        "生成图片": 3,
    },
    "rl": {
        "强化学习": 3,
        "rl": 2,
        "奖励": 3,
        "reward": 3,
        "智能体": 3,
        "代理": 2,
        "环境": 1,
        "状态": 1,
        "动作": 2,
        "策略": 1,
        "policy": 2,
        "ppo": 4,
        "dpo": 4,
        "rlhf": 4,
        "rhfl": 3,
        "人类反馈": 3,
        "对齐": 3,
        "alignment": 3,
        "价值观": 2,
        "q-learning": 4,
        "回报": 2,
        "奖励模型": 3,
        "后训练": 3,
        "post-training": 3,
        "偏好": 2,
        "价值函数": 3,
        "kl": 2,
    },
    "inference": {
        "推理": 2,
        "kv cache": 4,
        "kv": 2,
        "cache": 2,
        "缓存": 2,
        "mqa": 4,
        "gqa": 4,
        "mha": 2,
        "flash attention": 4,
        "flashattention": 4,
        "量化": 3,
        "quantization": 3,
        "int8": 3,
        "int4": 3,
        "蒸馏": 3,
        "distillation": 3,
        "解码": 2,
        "采样": 2,
        "温度": 2,
        "temperature": 2,
        "top-k": 3,
        "top-p": 3,
        "beam": 3,
        "束搜索": 3,
        "复读": 3,
        "重复": 1,
        "生成文本": 2,
        "投机": 3,
        "speculative": 3,
        "推理速度": 3,
        "延迟": 2,
        "吞吐": 2,
        "vllm": 4,
        "pagedattention": 4,
        "批处理": 2,
        "内存访问": 2,
        "gptq": 4,
        "awq": 4,
        "草稿模型": 4,
    },
    "training": {
        "预训练": 2,
        "pretrain": 2,
        "pre-training": 2,
        "分布式": 3,
        "zero": 3,
        "deepspeed": 4,
        "优化器状态": 3,
        "优化器": 2,
        "梯度": 2,
        "梯度累积": 3,
        "显存": 2,
        "oom": 4,
        "out of memory": 3,
        "内存": 1,
        "模型并行": 3,
        "数据并行": 3,
        "流水线并行": 3,
        "张量并行": 3,
        "混合精度": 3,
        "fp16": 2,
        "bf16": 2,
        "loss spike": 4,
        "loss": 1,
        "adam": 3,
        "学习率": 1,
        "批量大小": 2,
        "batch": 1,
        "训练数据": 1,
        "书籍": 2,
        "段落": 1,
        "设备": 2,
        "gpu": 1,
        "检查点": 2,
        "checkpoint": 2,
        "数据清洗": 3,
        "去重": 2,
        "语料": 2,
        "清洗": 3,
        "困惑度": 1,
    },
    "multimodal": {
        "多模态": 3,
        "clip": 3,
        "图像": 2,
        "视觉": 2,
        "image": 2,
        "图文": 3,
        "qformer": 4,
        "q-former": 4,
        "blip": 4,
        "vlm": 4,
        "目标检测": 3,
        "detection": 3,
        "object": 2,
        "检测器": 3,
        "模态": 3,
        "vit": 3,
        "视觉编码器": 3,
        "llava": 4,
        "图像文本对": 3,
        "高分辨率": 2,
        "视觉token": 3,
        "图像编码器": 3,
        "分割": 2,
        "掩码": 1,
        "sam": 4,
        "patch": 2,
        "imagenet": 2,
        "图文对": 3,
        "视频": 2,
    },
    "applications": {
        "langchain": 4,
        "rag": 4,
        "检索": 2,
        "幻觉": 3,
        "hallucination": 3,
        "agent": 1,
        "agents": 2,
        "chains": 3,
        "chain": 2,
        "prompts": 2,
        "memory": 1,
        "indexes": 3,
        "向量": 2,
        "知识库": 3,
        "function_call": 3,
        "function call": 3,
        "工具调用": 3,
        "插件": 2,
        "应用": 1,
        "dola": 3,
        "上下文学习": 2,
        "外挂": 2,
        "embedding检索": 3,
        "召回": 2,
        "文档": 1,
    },
}


def _alternative(keyword: str) -> str:
    escaped = re.escape(keyword)
    if keyword.isascii():
        return rf"(?<![a-z0-9]){escaped}(?![a-z0-9])"
    return escaped


_WEIGHTS: dict[str, list[tuple[str, int]]] = {}
for _slug, _words in _LEXICON.items():
    for _word, _weight in _words.items():
        _WEIGHTS.setdefault(_word, []).append((_slug, _weight))
# One pass over the text finds every keyword; longer keywords are tried first.
_KEYWORDS_RE = re.compile(
    "|".join(f"({_alternative(w)})" for w in sorted(_WEIGHTS, key=len, reverse=True))
)
_GROUP_WORD = sorted(_WEIGHTS, key=len, reverse=True)


@functools.lru_cache(maxsize=4096)
def _hits(folded: str) -> tuple[tuple[str, int], ...]:
    counts: Counter[str] = Counter()
    for match in _KEYWORDS_RE.finditer(folded):
        counts[_GROUP_WORD[match.lastindex - 1]] += 1
    return tuple(counts.items())


def scores(text: str) -> Counter[str]:
    """Keyword score of `text` for each topic (a keyword counts at most three times)."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    result: Counter[str] = Counter()
    for word, hits in _hits(folded):
        for slug, weight in _WEIGHTS[word]:
            result[slug] += weight * min(hits, 3)
    return result


def leading(counter: Counter[str], minimum: int = 3) -> str | None:
    """The clearly leading topic of a score table, or None when nothing leads."""
    ranked = counter.most_common(2)
    if not ranked or ranked[0][1] < minimum:
        return None
    if len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return None
    return ranked[0][0]


def place(text: str, fallback: str) -> str:
    """The topic of an answer's text, or `fallback` when no topic leads."""
    counter = scores(text)
    best = counter.most_common(1)
    return best[0][0] if best and best[0][1] > 0 else fallback
