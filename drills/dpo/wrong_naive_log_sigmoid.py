"""朴素地先算 sigmoid 再取 log：z 是很大的负数时 math.exp 溢出（OverflowError）。"""

import math


def sigmoid(x):
    return 1.0 / (1.0 + math.exp(-x))  # 错：x 很负时 exp(-x) 溢出


def dpo_loss(
    policy_chosen_logps, policy_rejected_logps, ref_chosen_logps, ref_rejected_logps, beta
):
    chosen_rewards, rejected_rewards, losses = [], [], []
    pairs = zip(policy_chosen_logps, policy_rejected_logps, ref_chosen_logps, ref_rejected_logps)
    for pc, pr, rc, rr in pairs:
        # 隐式奖励：策略相对参考模型的对数比，乘 beta
        r_w = beta * (pc - rc)
        r_l = beta * (pr - rr)
        z = r_w - r_l
        losses.append(-math.log(sigmoid(z)))
        chosen_rewards.append(r_w)
        rejected_rewards.append(r_l)
    return sum(losses) / len(losses), chosen_rewards, rejected_rewards
