import math
import random


def test_hand_worked_gae():
    # gamma = lam = 0.5，gamma * lam = 0.25，没有回合结束，最后用 last_value = 2 自举
    # delta_2 = 2 + 0.5 * 2.0 - 0.5 = 2.5
    # delta_1 = 0 + 0.5 * 0.5 - 1.0 = -0.75
    # delta_0 = 1 + 0.5 * 1.0 - 0.5 = 1.0
    # A_2 = 2.5，A_1 = -0.75 + 0.25 * 2.5 = -0.125，A_0 = 1.0 + 0.25 * (-0.125) = 0.96875
    adv, ret = gae([1.0, 0.0, 2.0], [0.5, 1.0, 0.5], [0.0, 0.0, 0.0], 0.5, 0.5, 2.0)
    expect_close(adv, [0.96875, -0.125, 2.5], "手算的三步 GAE：优势从后往前递推")
    expect_close(ret, [1.46875, 0.875, 3.0], "returns 应等于 advantages + values")


def test_episode_boundary_cuts_bootstrap():
    # 同样的数，但第 1 步之后回合结束（dones[1] = 1），第 2 步属于新回合
    # delta_1 = 0 - 1.0 = -1（不再自举 values[2]），A_1 = -1（不再加上 A_2）
    # A_0 = 1.0 + 0.25 * (-1) = 0.75，A_2 不受影响仍为 2.5
    adv, ret = gae([1.0, 0.0, 2.0], [0.5, 1.0, 0.5], [0.0, 1.0, 0.0], 0.5, 0.5, 2.0)
    expect_close(
        adv, [0.75, -1.0, 2.5], "回合在第 1 步结束：不能自举下一回合的价值，也不能把 A_2 传回来"
    )
    expect_close(ret, [1.25, 0.0, 3.0], "回合边界处的 returns")


def test_last_step_terminal_ignores_last_value():
    # 最后一步就是回合终点：last_value 不应参与计算，无论它多大
    adv, ret = gae([1.0, 3.0], [0.0, 2.0], [0.0, 1.0], 1.0, 1.0, 100.0)
    # A_1 = 3 - 2 = 1；A_0 = 1 + 2 - 0 + 1 * 1 = 4
    expect_close(adv, [4.0, 1.0], "最后一步 done = 1 时，last_value 不应被自举")
    expect_close(ret, [4.0, 3.0], "lam = 1 时 returns 就是回合内的实际回报")


def test_gae_matches_forward_sum_on_random_rollout():
    # 与定义式对照：A_t = sum_l (gamma*lam)^l * delta_{t+l}，到回合结束为止
    rng = random.Random(0)
    T, gamma, lam = 9, 0.9, 0.8
    rewards = [rng.uniform(-1, 1) for _ in range(T)]
    values = [rng.uniform(-1, 1) for _ in range(T)]
    dones = [0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0]
    last_value = 0.7
    deltas = []
    for t in range(T):
        if dones[t]:
            next_v = 0.0
        elif t == T - 1:
            next_v = last_value
        else:
            next_v = values[t + 1]
        deltas.append(rewards[t] + gamma * next_v - values[t])
    expected = []
    for t in range(T):
        total, weight, k = 0.0, 1.0, t
        while k < T:
            total += weight * deltas[k]
            if dones[k]:
                break
            weight *= gamma * lam
            k += 1
        expected.append(total)
    adv, ret = gae(rewards, values, dones, gamma, lam, last_value)
    expect_close(adv, expected, "随机 rollout（含两次回合结束）：应与逐项求和的定义一致")
    expect_close(
        ret, [a + v for a, v in zip(expected, values)], "returns 应等于 advantages + values"
    )


def test_ratio_one_gives_minus_mean_advantage():
    # 新旧策略相同：ratio = 1，clip 不起作用，损失就是 -mean(A)
    logp = [math.log(0.2), math.log(0.7), math.log(0.05)]
    loss = ppo_clip_loss(logp, list(logp), [1.0, -2.0, 4.0], 0.2)
    expect_close(
        loss, -(1.0 - 2.0 + 4.0) / 3, "logp_new = logp_old 时概率比为 1，损失应为 -mean(A)"
    )


def test_clip_positive_and_negative_advantage():
    eps = 0.2
    up, down = math.log(1.5), math.log(0.5)  # 概率比 1.5 和 0.5
    # A > 0、ratio = 1.5 > 1.2：被截断为 1.2 * 2 = 2.4
    loss = ppo_clip_loss([up], [0.0], [2.0], eps)
    expect_close(loss, -2.4, "A>0 且 ratio 超过 1+eps：应截断为 (1+eps)*A")
    # A > 0、ratio = 0.5：min(0.5*2, 0.8*2) = 1.0，不截断（保留让概率回升的梯度）
    expect_close(
        ppo_clip_loss([down], [0.0], [2.0], eps), -1.0, "A>0 且 ratio 低于 1-eps：取 min 后不截断"
    )
    # A < 0、ratio = 0.5 < 0.8：被截断为 0.8 * (-1) = -0.8
    loss = ppo_clip_loss([down], [0.0], [-1.0], eps)
    expect_close(loss, 0.8, "A<0 且 ratio 低于 1-eps：应截断为 (1-eps)*A")
    # A < 0、ratio = 1.5：min(-1.5, -1.2) = -1.5，不截断
    expect_close(
        ppo_clip_loss([up], [0.0], [-1.0], eps), 1.5, "A<0 且 ratio 超过 1+eps：取 min 后不截断"
    )
    # 四个一起：取平均
    loss = ppo_clip_loss([up, down, down, up], [0.0] * 4, [2.0, 2.0, -1.0, -1.0], eps)
    expect_close(loss, (-2.4 - 1.0 + 0.8 + 1.5) / 4, "一批样本的损失是逐项损失的平均")


def test_clipped_sample_has_zero_gradient():
    # 有限差分：被截断的样本对 logp_new 的梯度为 0，未截断的样本梯度为 -ratio * A
    h, eps = 1e-5, 0.2

    def grad(lp, adv):
        plus = ppo_clip_loss([lp + h], [0.0], [adv], eps)
        minus = ppo_clip_loss([lp - h], [0.0], [adv], eps)
        return (plus - minus) / (2 * h)

    expect_close(
        grad(math.log(1.5), 2.0), 0.0, "A>0、ratio=1.5 已被截断：不应再有推高概率的梯度", atol=1e-6
    )
    expect_close(
        grad(math.log(1.1), 2.0), -1.1 * 2.0, "A>0、ratio=1.1 未截断：梯度应为 -ratio*A", atol=1e-5
    )
    expect_close(
        grad(math.log(0.5), -1.0), 0.0, "A<0、ratio=0.5 已被截断：不应再有压低概率的梯度", atol=1e-6
    )
