"""The topics in reading order (foundations first), their names and scopes, and keyword scores
that place an answer.

The words and weights live in data/topic_lexicon.yaml.
"""

from __future__ import annotations

import functools
import string
import unicodedata
from collections import Counter
from dataclasses import dataclass

from llm_interview import paths
from llm_interview.pages import yamltext
from llm_interview.pages.matcher import Matcher


@dataclass(frozen=True)
class Topic:
    """A topic page: fixed slug, Chinese title and a one-paragraph scope."""

    slug: str
    title: str
    scope: str


TOPICS: tuple[Topic, ...] = (
    Topic(
        "foundations",
        "深度学习基础",
        "大模型之前的基本功：交叉熵、KL 散度与极大似然，激活函数，梯度消失与爆炸，"
        "RNN/LSTM、CNN 与 Transformer 的差异，BERT、GPT、T5 的预训练目标，"
        "Word2Vec 词向量，以及 Dropout、HMM 与 CRF 等经典问题。",
    ),
    Topic(
        "architecture",
        "模型架构",
        "Transformer 的结构与各个部件：缩放点积注意力与因果掩码、多头机制、归一化（LayerNorm、"
        "RMSNorm）、FFN 与 SwiGLU、位置编码（RoPE、ALiBi）与长上下文扩展、"
        "分词与词表、MoE，以及 Encoder-only、Decoder-only 等模型家族和 Mamba 这类新架构。"
        "面试里问“为什么这样设计”的题目大多在这里。",
    ),
    Topic(
        "models",
        "模型与技术报告",
        "主流模型家族一代代改了什么、为什么改：GPT 系列到 InstructGPT，LLaMA 1/2/3，"
        "Qwen 与 Qwen3，DeepSeek-V3，GLM，Mistral/Mixtral，Kimi K2、GLM-4.5 与 gpt-oss，"
        "以及各家开源模型在结构上的共同点与差异。",
    ),
    Topic(
        "training",
        "预训练与分布式训练",
        "大模型是怎样训练出来的：Scaling Law、预训练数据清洗、优化器与学习率、混合精度，"
        "显存占用与 OOM，数据/张量/流水线/序列并行与 ZeRO、FSDP，以及 loss spike 等稳定性问题。",
    ),
    Topic(
        "fine-tuning",
        "微调",
        "如何让预训练好的模型适应具体任务：LoRA、QLoRA 及其变体等参数高效微调（PEFT），"
        "SFT 数据的构造、损失与超参数，指令数据合成，模型合并与长文本微调，"
        "以及微调带来的灾难性遗忘和数据配比。",
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
        "applications",
        "应用与幻觉",
        "把大模型用起来时的问题：RAG 的流程、检索、向量索引与评估，Agent 与工具调用，思维链，"
        "Prompt 注入，模型评测，以及幻觉的检测与缓解。",
    ),
    Topic(
        "multimodal",
        "多模态",
        "文本之外的模态：ViT 与 CLIP/SigLIP 的图文对比学习，"
        "Q-Former、LLaVA 等视觉语言模型的结构与训练，"
        "高分辨率与视频输入，语音接入，多模态幻觉，以及统一理解与生成的模型。",
    ),
    Topic(
        "diffusion",
        "扩散模型",
        "图像生成方向的高频题：DDPM 与 DDIM 的原理、采样器与蒸馏加速、Classifier-Free Guidance、"
        "ControlNet 与个性化定制、DiT 与 Flow Matching、评估指标，"
        "以及 Stable Diffusion 与 SDXL 的结构和流程。",
    ),
    Topic(
        "evaluation",
        "评测、数据与安全",
        "模型好不好、数据够不够、用起来安不安全：评测体系与新基准、Chatbot Arena 排名、"
        "n-gram 指标的局限，预训练数据配比、退火与重复，开源数据集，"
        "越狱与红队、安全护栏、过度拒答、诚实与校准，以及数据提取与水印。",
    ),
)
SLUGS = tuple(t.slug for t in TOPICS)
BY_SLUG = {t.slug: t for t in TOPICS}

LEXICON = paths.DATA / "topic_lexicon.yaml"
_ASCII_WORD = string.ascii_lowercase + string.digits  # text is case-folded first


@functools.cache
def _lexicon() -> tuple[dict[str, list[tuple[str, int]]], Matcher]:
    """Each word's (topic, weight) pairs and one matcher for all words, built on first use."""
    data = yamltext.load(LEXICON.read_text(encoding="utf-8"))["topics"]
    weights: dict[str, list[tuple[str, int]]] = {}
    for slug, words in data.items():
        if slug not in BY_SLUG:
            raise ValueError(f"{LEXICON}: unknown topic {slug!r}")
        for word, weight in words.items():
            weights.setdefault(str(word), []).append((slug, int(weight)))
    return weights, Matcher(weights, _ASCII_WORD, bounded=str.isascii)


@functools.lru_cache(maxsize=4096)
def _hits(folded: str) -> tuple[tuple[str, int], ...]:
    return tuple(Counter(_lexicon()[1].leftmost_longest(folded)).items())


def scores(text: str) -> Counter[str]:
    """Keyword score of `text` for each topic (a keyword counts at most three times)."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    result: Counter[str] = Counter()
    for word, hits in _hits(folded):
        for slug, weight in _lexicon()[0][word]:
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
