import math


def test_zero_margin_gives_log2():
    # 策略与参考模型完全相同：两个隐式奖励都是 0，z = 0，-log(sigmoid(0)) = log 2
    pc, pr = [-12.0, -40.0], [-15.0, -33.0]
    loss, cw, rw = dpo_loss(pc, pr, list(pc), list(pr), 0.1)
    expect_close(loss, math.log(2), "策略等于参考模型时 margin 为 0，损失应为 log 2")
    expect_close(cw, [0.0, 0.0], "策略等于参考模型时 chosen 的隐式奖励应为 0")
    expect_close(rw, [0.0, 0.0], "策略等于参考模型时 rejected 的隐式奖励应为 0")


def test_equal_log_ratios_give_log2():
    # 两条回答相对参考模型都提高了 3 nats：对数比相同，margin 仍为 0
    loss, cw, rw = dpo_loss([-7.0], [-20.0], [-10.0], [-23.0], 0.5)
    expect_close(loss, math.log(2), "两条回答的对数比相同，margin 为 0，损失应为 log 2")
    expect_close(cw, [1.5], "chosen 隐式奖励 = beta * (策略 - 参考) = 0.5 * 3")
    expect_close(rw, [1.5], "rejected 隐式奖励 = beta * (策略 - 参考) = 0.5 * 3")


def test_hand_worked_batch():
    beta = 0.1
    # 第 0 对：chosen 对数比 -10 - (-12) = 2，rejected 对数比 -15 - (-14) = -1
    #   奖励 0.2 和 -0.1，z = 0.3，损失 log(1 + e^{-0.3})
    # 第 1 对：chosen 对数比 -20 - (-18) = -2，rejected 对数比 -21 - (-25) = 4
    #   奖励 -0.2 和 0.4，z = -0.6，损失 log(1 + e^{0.6})
    loss, cw, rw = dpo_loss([-10.0, -20.0], [-15.0, -21.0], [-12.0, -18.0], [-14.0, -25.0], beta)
    expect_close(cw, [0.2, -0.2], "chosen 隐式奖励 = beta * (策略 - 参考)")
    expect_close(rw, [-0.1, 0.4], "rejected 隐式奖励 = beta * (策略 - 参考)")
    expected = (math.log(1 + math.exp(-0.3)) + math.log(1 + math.exp(0.6))) / 2
    expect_close(
        loss, expected, "两对的平均损失：margin = beta * [(策略c - 参考c) - (策略r - 参考r)]"
    )


def test_large_positive_margin_is_finite():
    # z = 1 * (1500 - 0) = 1500：几乎完全排对，损失应接近 0 且有限
    loss, _, _ = dpo_loss([-10.0], [-10.0], [-1510.0], [-10.0], 1.0)
    expect_close(loss, 0.0, "margin = +1500 时损失应约为 0（不能是 nan）", atol=1e-9)


def test_large_negative_margin_is_finite():
    # z = -1500：完全排错，-log(sigmoid(-1500)) = 1500 + log(1 + e^{-1500}) ≈ 1500
    loss, _, _ = dpo_loss([-1510.0], [-10.0], [-10.0], [-10.0], 1.0)
    expect_close(
        loss, 1500.0, "margin = -1500 时损失应约为 1500：要用稳定的 softplus，不能溢出或得到 inf"
    )


def test_gradient_sign_by_finite_differences():
    # 单对，z = 0.3，beta = 0.1：
    # d loss / d 策略c = -beta * sigmoid(-z)，d loss / d 策略r = +beta * sigmoid(-z)
    beta, h = 0.1, 1e-5
    args = [-10.0, -15.0, -12.0, -14.0]

    def loss_at(i, delta):
        moved = list(args)
        moved[i] += delta
        return dpo_loss([moved[0]], [moved[1]], [moved[2]], [moved[3]], beta)[0]

    weight = beta / (1 + math.exp(0.3))  # beta * sigmoid(-0.3)
    g_chosen = (loss_at(0, h) - loss_at(0, -h)) / (2 * h)
    g_rejected = (loss_at(1, h) - loss_at(1, -h)) / (2 * h)
    g_ref_chosen = (loss_at(2, h) - loss_at(2, -h)) / (2 * h)
    assert g_chosen < 0, "提高被选回答的对数概率应当降低损失（梯度应为负）"
    assert g_rejected > 0, "提高被拒回答的对数概率应当增大损失（梯度应为正）"
    expect_close(g_chosen, -weight, "对被选回答的梯度应为 -beta * sigmoid(-z)", atol=1e-6)
    expect_close(g_rejected, weight, "对被拒回答的梯度应为 +beta * sigmoid(-z)", atol=1e-6)
    expect_close(g_ref_chosen, weight, "参考模型的对数概率以相反符号进入 margin", atol=1e-6)
