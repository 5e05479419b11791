"""beta 只乘在 chosen 的对数比上，rejected 那一项没有乘 beta，margin 的两项尺度不一致。"""

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
        z = r_w - (pr - rr)  # 错：rejected 项漏了 beta
        losses.append(softplus(-z))  # -log(sigmoid(z)) = softplus(-z)
        chosen_rewards.append(r_w)
        rejected_rewards.append(r_l)
    return sum(losses) / len(losses), chosen_rewards, rejected_rewards
