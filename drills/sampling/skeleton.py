import math


def apply_temperature(logits, t):
    """logits: list[float]，长度 V；t > 0。
    返回 softmax(logits / t)：长度 V 的概率列表，和为 1，要数值稳定。"""
    raise NotImplementedError


def top_k_filter(probs, k):
    """probs: 和为 1 的概率列表；k ≥ 1。
    只保留概率最大的 min(k, V) 个（同概率时下标小的优先），其余置 0，再重新归一化。"""
    raise NotImplementedError


def top_p_filter(probs, p):
    """probs: 和为 1 的概率列表；0 < p ≤ 1。
    按概率从大到小（同概率时下标小的优先）累加，保留累计概率首次 ≥ p 的最小前缀
    （跨过阈值的那个 token 也保留；至少保留概率最大的一个），其余置 0，再重新归一化。"""
    raise NotImplementedError


def sample(logits, temperature, top_k, top_p, rng):
    """依次做：温度 softmax → top-k（top_k 为 None 时跳过）→ top-p（top_p 为 None 时跳过）。
    然后只调用一次 u = rng.random()，按下标 0, 1, 2, … 的顺序累加概率，
    返回第一个满足 u < 累计概率 的下标（int）。rng 是 random.Random 实例。"""
    raise NotImplementedError
