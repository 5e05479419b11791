import math
import random


def test_group_advantages_hand_worked():
    # 第 0 组 [1, 0, 1, 0]：均值 0.5，总体标准差 0.5，优势 ±1
    # 第 1 组 [2, 4, 6]：均值 4，总体方差 (4 + 0 + 4) / 3 = 8/3，(2 - 4) / sqrt(8/3) = -sqrt(1.5)
    adv = group_advantages([[1.0, 0.0, 1.0, 0.0], [2.0, 4.0, 6.0]])
    expect_close(
        adv[0], [1.0, -1.0, 1.0, -1.0], "奖励 [1,0,1,0]：均值 0.5、总体标准差 0.5，优势应为 ±1"
    )
    s = math.sqrt(1.5)
    expect_close(adv[1], [-s, 0.0, s], "奖励 [2,4,6]：用总体标准差（除以 G），优势应为 ±sqrt(1.5)")


def test_normalised_per_group_not_per_batch():
    # 两个提示的奖励尺度差很多；按组标准化后两组都应是 [-1, 1]
    adv = group_advantages([[0.0, 1.0], [10.0, 30.0]])
    expect_close(adv[0], [-1.0, 1.0], "第 0 组只应和自己组内比较，不受第 1 组奖励尺度的影响")
    expect_close(adv[1], [-1.0, 1.0], "第 1 组标准化后也应是 [-1, 1]")


def test_each_group_has_zero_mean_unit_std():
    rng = random.Random(0)
    rewards = [[rng.uniform(-3, 5) for _ in range(g)] for g in (4, 6, 3)]
    adv = group_advantages(rewards)
    expect_equal([len(a) for a in adv], [4, 6, 3], "返回的嵌套结构应与 rewards 相同")
    for i, a in enumerate(adv):
        mean = sum(a) / len(a)
        std = math.sqrt(sum((x - mean) ** 2 for x in a) / len(a))
        expect_close(mean, 0.0, f"第 {i} 组的优势均值应为 0", atol=1e-9)
        expect_close(std, 1.0, f"第 {i} 组的优势总体标准差应为 1", atol=1e-6)


def test_all_equal_rewards_give_zero_advantage():
    # 整组全对或全错：标准差为 0，靠 eps 防止除以 0，优势全为 0
    adv = group_advantages([[1.0, 1.0, 1.0], [0.0, 1.0]])
    expect_close(adv[0], [0.0, 0.0, 0.0], "整组奖励相同时优势应全为 0（分母要加 eps，不能除以 0）")
    expect_close(adv[1], [-1.0, 1.0], "另一组不受影响")


def test_k3_values_and_sign():
    # pi = 0.5、pi_ref = 0.25：d = log(0.25/0.5) = -log 2，k3 = 0.5 + log 2 - 1
    # pi = 0.25、pi_ref = 0.5：d = log 2，k3 = 2 - log 2 - 1
    logp = [math.log(0.5), math.log(0.25), math.log(0.3)]
    logp_ref = [math.log(0.25), math.log(0.5), math.log(0.3)]
    expected = [0.5 + math.log(2) - 1, 2 - math.log(2) - 1, 0.0]
    expect_close(
        k3_kl(logp, logp_ref), expected, "k3 = pi_ref/pi - log(pi_ref/pi) - 1，两者相同时为 0"
    )
    rng = random.Random(1)
    lp = [rng.uniform(-6, 0) for _ in range(20)]
    lr = [rng.uniform(-6, 0) for _ in range(20)]
    assert all(k >= 0 for k in k3_kl(lp, lr)), "k3 的每个 token 都应非负（e^d >= 1 + d）"


def test_grpo_loss_hand_worked():
    eps, beta = 0.2, 0.1
    # 回答 0（A = 1，2 个 token）：
    #   token 0：ratio = 0.3/0.2 = 1.5 被截断为 1.2，ref = new 所以 KL = 0，损失 -1.2
    #   token 1：三者相同，ratio = 1，损失 -1.0；回答内平均 -1.1
    # 回答 1（A = -0.5，1 个 token）：ratio = 1，KL = 0.5 + log 2 - 1，损失 0.5 + beta * KL
    # 先在回答内平均、再在回答间平均：(-1.1 + 0.5 + beta * KL) / 2
    kl1 = 0.5 + math.log(2) - 1
    loss = grpo_loss(
        [[math.log(0.3), math.log(0.5)], [math.log(0.5)]],
        [[math.log(0.2), math.log(0.5)], [math.log(0.5)]],
        [[math.log(0.3), math.log(0.5)], [math.log(0.25)]],
        [1.0, -0.5],
        eps,
        beta,
    )
    expect_close(
        loss,
        (-1.1 + 0.5 + beta * kl1) / 2,
        "手算的两条回答：clip、+beta*KL、先回答内平均再回答间平均",
    )


def test_kl_term_raises_loss_with_beta():
    # 优势为 0、ratio = 1：策略项为 0，损失只剩 beta * mean(KL)，必须为正且随 beta 增大
    lp = [[math.log(0.6), math.log(0.1)], [math.log(0.9)]]
    lr = [[math.log(0.3), math.log(0.2)], [math.log(0.5)]]

    def k3(a, b):
        d = math.log(b) - math.log(a)
        return math.exp(d) - d - 1

    mean_kl = ((k3(0.6, 0.3) + k3(0.1, 0.2)) / 2 + k3(0.9, 0.5)) / 2
    for beta in (0.0, 0.05, 0.5):
        loss = grpo_loss(lp, lp, lr, [0.0, 0.0], 0.2, beta)
        expect_close(loss, beta * mean_kl, f"A = 0 时损失应为 +beta * 平均 KL（beta = {beta}）")
