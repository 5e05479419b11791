import math


def gae(rewards, values, dones, gamma, lam, last_value):
    """广义优势估计（GAE），单个环境的一段 rollout。

    rewards, values, dones: 长度为 T 的 list；dones[t] 为 1.0 表示第 t 步后回合结束。
    last_value: rollout 之后那个状态的价值 V(s_T)，dones[T-1] 为 0 时用来自举。
    返回 (advantages, returns)，都是长度为 T 的 list，returns = advantages + values。
    """
    raise NotImplementedError


def ppo_clip_loss(logp_new, logp_old, advantages, clip_eps):
    """PPO clip 策略损失（要最小化的那个数）。

    logp_new, logp_old, advantages: 等长的 list[float]。
    ratio = exp(logp_new - logp_old)，
    返回 mean(-min(ratio * A, clip(ratio, 1 - eps, 1 + eps) * A))，一个 float。
    """
    raise NotImplementedError
