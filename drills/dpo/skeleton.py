import math


def dpo_loss(
    policy_chosen_logps, policy_rejected_logps, ref_chosen_logps, ref_rejected_logps, beta
):
    """DPO 损失。

    四个输入都是长度为 B 的 list[float]：每个偏好对里被选 / 被拒回答的整条对数概率，
    分别来自当前策略（policy_*）和冻结的参考模型（ref_*）。
    chosen_reward = beta * (policy_chosen - ref_chosen)，rejected_reward 同理；
    z = chosen_reward - rejected_reward，单对损失 -log(sigmoid(z))，要数值稳定。
    返回 (loss, chosen_rewards, rejected_rewards)：loss 是 B 个损失的平均（float），
    后两者是长度为 B 的 list[float]。
    """
    raise NotImplementedError
