import numpy as np


def top_k_router(x, w_gate, k):
    """Top-k 路由。

    x: (tokens, d)，w_gate: (d, E)，k: 每个 token 选几个专家。
    返回 (indices, gates, router_probs)：
      indices: (tokens, k) 整数，按概率从大到小；
      gates: (tokens, k)，选中的 k 个概率重新归一化，每行和为 1；
      router_probs: (tokens, E)，全部专家上的 softmax 概率。
    """
    raise NotImplementedError


def switch_load_balancing_loss(router_probs, expert_index_top1, num_experts):
    """Switch Transformer 负载均衡损失 E * sum_i f_i * P_i（不乘 alpha）。

    router_probs: (T, E)；expert_index_top1: (T,) 整数；返回 float。
    f_i：Top-1 硬分配到专家 i 的 token 比例；P_i：专家 i 的平均路由概率。
    """
    raise NotImplementedError
