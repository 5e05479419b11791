"""k3 里对数比的方向写反：指数项用 ref/pi、线性项却用 log(pi/ref)，策略比参考模型自信时 KL 为负。"""

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
        log_ratio = lp - lr  # 错：线性项应当用 log(pi_ref / pi) = lr - lp
        out.append(math.exp(lr - lp) - log_ratio - 1.0)
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
            # 目标是 surr - beta * KL，损失取负号，所以 KL 在损失里是 +beta * KL
            seq += -(surr - beta * kl[t])
        total += seq / len(lp_new)  # 先在回答内按 token 平均
    return total / len(advantages)  # 再在回答之间平均
