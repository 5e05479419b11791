import math


def group_advantages(rewards, eps=1e-8):
    """rewards: list[list[float]]，每个内层 list 是同一提示下 G 个回答的奖励。

    每组单独标准化：(r - 组均值) / (组总体标准差 + eps)，总体标准差除以 G。
    返回同样嵌套结构的 list[list[float]]；整组奖励相同时结果全为 0。
    """
    raise NotImplementedError


def k3_kl(logp, logp_ref):
    """逐 token 的 k3 KL 估计：d = logp_ref - logp，返回 exp(d) - d - 1（list[float]）。"""
    raise NotImplementedError


def grpo_loss(logp_new, logp_old, logp_ref, advantages, clip_eps, beta):
    """GRPO 损失（要最小化的 float）。

    logp_new, logp_old, logp_ref: list[list[float]]，N 条回答，每条回答各 token 的对数概率。
    advantages: list[float]，长度 N，每条回答的 token 共用。
    逐 token：-(min(ratio*A, clip(ratio, 1-eps, 1+eps)*A) - beta*k3)，
    先在每条回答内对 token 平均，再对 N 条回答平均。
    """
    raise NotImplementedError
