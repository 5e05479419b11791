import numpy as np


def top_k_router(x, w_gate, k):
    """Top-k 路由：返回 (indices, gates, router_probs)。"""
    logits = x @ w_gate  # (tokens, E)
    # 减去每行最大值，防止 exp 溢出
    z = logits - logits.max(axis=-1, keepdims=True)
    e = np.exp(z)
    router_probs = e / e.sum(axis=-1, keepdims=True)
    # 负号让 argsort 变成降序，取前 k 个就是概率最大的 k 个专家
    indices = np.argsort(-router_probs, axis=-1)[:, :k]
    top_p = np.take_along_axis(router_probs, indices, axis=-1)
    # 只在选中的 k 个专家上重新归一化（等价于对这 k 个 logits 做 softmax）
    gates = top_p / top_p.sum(axis=-1, keepdims=True)
    return indices, gates, router_probs


def switch_load_balancing_loss(router_probs, expert_index_top1, num_experts):
    """E * sum_i f_i * P_i：f_i 用硬计数，P_i 用平均概率。"""
    router_probs = np.asarray(router_probs, dtype=float)
    top1 = np.asarray(expert_index_top1, dtype=int)
    tokens = router_probs.shape[0]
    # f_i 是不可导的计数比例；梯度只会经过 P_i
    f = np.bincount(top1, minlength=num_experts) / tokens
    p = router_probs.mean(axis=0)
    return float(num_experts * np.sum(f * p))
