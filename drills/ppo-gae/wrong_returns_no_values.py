"""returns 直接写成 advantages，忘了加回 values：critic 的目标整体偏掉了 V(s_t)。"""

import math


def gae(rewards, values, dones, gamma, lam, last_value):
    T = len(rewards)
    advantages = [0.0] * T
    next_adv = 0.0
    for t in reversed(range(T)):
        # 回合在第 t 步结束时，既不自举下一状态的价值，也不把后一回合的优势传回来
        nonterminal = 1.0 - float(dones[t])
        next_value = last_value if t == T - 1 else values[t + 1]
        delta = rewards[t] + gamma * nonterminal * next_value - values[t]
        next_adv = delta + gamma * lam * nonterminal * next_adv
        advantages[t] = next_adv
    returns = list(advantages)  # 错：应为 advantages + values
    return advantages, returns


def ppo_clip_loss(logp_new, logp_old, advantages, clip_eps):
    total = 0.0
    for lp_new, lp_old, adv in zip(logp_new, logp_old, advantages):
        ratio = math.exp(lp_new - lp_old)  # 对数概率相减再取 exp，比直接相除概率更稳
        clipped = min(max(ratio, 1.0 - clip_eps), 1.0 + clip_eps)
        # 取 min：悲观下界，只截断对我们“有利”的那一侧
        total += -min(ratio * adv, clipped * adv)
    return total / len(advantages)
