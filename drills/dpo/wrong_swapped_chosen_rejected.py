"""把 chosen 和 rejected 弄反：margin 的符号反了，模型被训练成偏好被拒的回答。"""

import math


def softplus(x):
    # log(1 + e^x) 的稳定写法：exp 的参数永远 <= 0，不会溢出
    return max(x, 0.0) + math.log1p(math.exp(-abs(x)))


def dpo_loss(
    policy_chosen_logps, policy_rejected_logps, ref_chosen_logps, ref_rejected_logps, beta
):
    chosen_rewards, rejected_rewards, losses = [], [], []
    pairs = zip(policy_chosen_logps, policy_rejected_logps, ref_chosen_logps, ref_rejected_logps)
    for pc, pr, rc, rr in pairs:
        # 隐式奖励：策略相对参考模型的对数比，乘 beta
        r_w = beta * (pc - rc)
        r_l = beta * (pr - rr)
        z = r_l - r_w  # 错：应为 chosen 减 rejected
        losses.append(softplus(-z))  # -log(sigmoid(z)) = softplus(-z)
        chosen_rewards.append(r_w)
        rejected_rewards.append(r_l)
    return sum(losses) / len(losses), chosen_rewards, rejected_rewards
