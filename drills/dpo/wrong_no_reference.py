"""忘了参考模型：直接用策略的对数概率之差当 margin，隐式奖励不再相对参考模型。"""

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
        r_w = beta * pc  # 错：没有减去参考模型的对数概率
        r_l = beta * pr
        z = r_w - r_l
        losses.append(softplus(-z))  # -log(sigmoid(z)) = softplus(-z)
        chosen_rewards.append(r_w)
        rejected_rewards.append(r_l)
    return sum(losses) / len(losses), chosen_rewards, rejected_rewards
