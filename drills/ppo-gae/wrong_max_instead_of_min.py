"""clip 前后两项取 max 而不是 min：不再是悲观下界，好动作越过 1+eps 后仍被继续推高。"""

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
    # critic 的回归目标：优势加回基线
    returns = [a + v for a, v in zip(advantages, values)]
    return advantages, returns


def ppo_clip_loss(logp_new, logp_old, advantages, clip_eps):
    total = 0.0
    for lp_new, lp_old, adv in zip(logp_new, logp_old, advantages):
        ratio = math.exp(lp_new - lp_old)  # 对数概率相减再取 exp，比直接相除概率更稳
        clipped = min(max(ratio, 1.0 - clip_eps), 1.0 + clip_eps)
        total += -max(ratio * adv, clipped * adv)  # 错：应取 min
    return total / len(advantages)
