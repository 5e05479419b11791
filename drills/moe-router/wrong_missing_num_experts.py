"""负载均衡损失忘了乘专家数 E：均匀路由时得到 1/E 而不是 1。"""

import numpy as np


def top_k_router(x, w_gate, k):
    logits = x @ w_gate
    z = logits - logits.max(axis=-1, keepdims=True)
    e = np.exp(z)
    router_probs = e / e.sum(axis=-1, keepdims=True)
    indices = np.argsort(-router_probs, axis=-1)[:, :k]
    top_p = np.take_along_axis(router_probs, indices, axis=-1)
    gates = top_p / top_p.sum(axis=-1, keepdims=True)
    return indices, gates, router_probs


def switch_load_balancing_loss(router_probs, expert_index_top1, num_experts):
    router_probs = np.asarray(router_probs, dtype=float)
    top1 = np.asarray(expert_index_top1, dtype=int)
    f = np.bincount(top1, minlength=num_experts) / router_probs.shape[0]
    p = router_probs.mean(axis=0)
    return float(np.sum(f * p))
