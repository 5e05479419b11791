"""门控权重没有重新归一化：直接用全部专家上的 softmax 概率，选中的 k 个权重之和小于 1。"""

import numpy as np


def top_k_router(x, w_gate, k):
    logits = x @ w_gate
    z = logits - logits.max(axis=-1, keepdims=True)
    e = np.exp(z)
    router_probs = e / e.sum(axis=-1, keepdims=True)
    indices = np.argsort(-router_probs, axis=-1)[:, :k]
    gates = np.take_along_axis(router_probs, indices, axis=-1)
    return indices, gates, router_probs


def switch_load_balancing_loss(router_probs, expert_index_top1, num_experts):
    router_probs = np.asarray(router_probs, dtype=float)
    top1 = np.asarray(expert_index_top1, dtype=int)
    f = np.bincount(top1, minlength=num_experts) / router_probs.shape[0]
    p = router_probs.mean(axis=0)
    return float(num_experts * np.sum(f * p))
