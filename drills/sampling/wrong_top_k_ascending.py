"""top-k 排序方向反了（升序）：留下的是概率最小的 k 个。"""

import math


def apply_temperature(logits, t):
    """logits 除以温度 t 后做 softmax，返回概率列表。"""
    scaled = [z / t for z in logits]
    m = max(scaled)  # 先减最大值：exp 的参数都 ≤ 0，不会上溢
    exps = [math.exp(z - m) for z in scaled]
    total = sum(exps)
    return [e / total for e in exps]


def _order(probs):
    # 按概率从大到小排；概率相同时下标小的在前（sorted 是稳定排序）
    return sorted(range(len(probs)), key=lambda i: -probs[i])


def _keep(probs, kept):
    # 只留下 kept 里的下标，其余置 0，再重新归一化
    total = sum(probs[i] for i in kept)
    out = [0.0] * len(probs)
    for i in kept:
        out[i] = probs[i] / total
    return out


def top_k_filter(probs, k):
    """只保留概率最大的 k 个 token，重新归一化。"""
    ascending = sorted(range(len(probs)), key=lambda i: probs[i])
    return _keep(probs, ascending[:k])


def top_p_filter(probs, p):
    """保留累计概率首次达到 p 的最小前缀（含跨过阈值的那个），重新归一化。"""
    kept, cum = [], 0.0
    for i in _order(probs):
        kept.append(i)  # 先放进来再判断：跨过阈值的 token 也要保留，最大的那个总会保留
        cum += probs[i]
        if cum >= p:
            break
    return _keep(probs, kept)


def sample(logits, temperature, top_k, top_p, rng):
    """温度 → top-k → top-p，然后用一次 rng.random() 按下标顺序做逆 CDF 采样。"""
    probs = apply_temperature(logits, temperature)
    if top_k is not None:
        probs = top_k_filter(probs, top_k)
    if top_p is not None:
        probs = top_p_filter(probs, top_p)
    u = rng.random()
    cum = 0.0
    for i, q in enumerate(probs):
        cum += q
        if u < cum:
            return i
    # 浮点误差可能让累计和略小于 1：退回最后一个概率大于 0 的 token
    return max(i for i, q in enumerate(probs) if q > 0)
