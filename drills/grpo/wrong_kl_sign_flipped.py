"""KL 项的符号写反：损失里成了 -beta*KL，等于奖励策略远离参考模型。"""

import math


def group_advantages(rewards, eps=1e-8):
    out = []
    for group in rewards:
        # 只在同一提示的回答之间比较：组均值就是基线
        mean = sum(group) / len(group)
        std = math.sqrt(sum((r - mean) ** 2 for r in group) / len(group))  # 总体标准差
        out.append([(r - mean) / (std + eps) for r in group])  # eps：整组相同时 std = 0
    return out


def k3_kl(logp, logp_ref):
    out = []
    for lp, lr in zip(logp, logp_ref):
        d = lr - lp  # log(pi_ref / pi)，样本来自 pi
        out.append(math.exp(d) - d - 1.0)  # 因 e^d >= 1 + d，恒非负
    return out


def grpo_loss(logp_new, logp_old, logp_ref, advantages, clip_eps, beta):
    total = 0.0
    for lp_new, lp_old, lp_ref, adv in zip(logp_new, logp_old, logp_ref, advantages):
        kl = k3_kl(lp_new, lp_ref)
        seq = 0.0
        for t in range(len(lp_new)):
            ratio = math.exp(lp_new[t] - lp_old[t])
            clipped = min(max(ratio, 1.0 - clip_eps), 1.0 + clip_eps)
            surr = min(ratio * adv, clipped * adv)
            seq += -(surr + beta * kl[t])  # 错：KL 应当从目标里减去
        total += seq / len(lp_new)  # 先在回答内按 token 平均
    return total / len(advantages)  # 再在回答之间平均
