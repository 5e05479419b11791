"""把整个 batch 的奖励放在一起标准化，而不是按提示分组：奖励尺度大的题目主导了所有优势。"""

import math


def group_advantages(rewards, eps=1e-8):
    flat = [r for group in rewards for r in group]
    # 错：均值和标准差取自整个 batch，而不是每个提示自己的那一组
    mean = sum(flat) / len(flat)
    std = math.sqrt(sum((r - mean) ** 2 for r in flat) / len(flat))
    return [[(r - mean) / (std + eps) for r in group] for group in rewards]


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
            # 目标是 surr - beta * KL，损失取负号，所以 KL 在损失里是 +beta * KL
            seq += -(surr - beta * kl[t])
        total += seq / len(lp_new)  # 先在回答内按 token 平均
    return total / len(advantages)  # 再在回答之间平均
