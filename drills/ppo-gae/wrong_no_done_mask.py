"""递推时忽略 dones：回合结束处仍自举下一回合的价值，后一回合的优势也漏进前一回合。"""

import math


def gae(rewards, values, dones, gamma, lam, last_value):
    T = len(rewards)
    advantages = [0.0] * T
    next_adv = 0.0
    for t in reversed(range(T)):
        nonterminal = 1.0  # 错：没有用 dones 截断
        next_value = last_value if t == T - 1 else values[t + 1]
        delta = rewards[t] + gamma * nonterminal * next_value - values[t]
        next_adv = delta + gamma * lam * nonterminal * next_adv
        advantages[t] = next_adv
    # critic 的回归目标：优势加回基线
    returns = [a + v for a, v in zip(advantages, values)]
    return advantages, returns


def ppo_clip_loss(logp_new, logp_old, advantages, clip_eps):
    total = 0.0
    for lp_new, lp_old, adv in zip(logp_new, logp_old, advantages):
        ratio = math.exp(lp_new - lp_old)  # 对数概率相减再取 exp，比直接相除概率更稳
        clipped = min(max(ratio, 1.0 - clip_eps), 1.0 + clip_eps)
        # 取 min：悲观下界，只截断对我们“有利”的那一侧
        total += -min(ratio * adv, clipped * adv)
    return total / len(advantages)
