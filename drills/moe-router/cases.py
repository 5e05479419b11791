import math

import numpy as np


def _row_softmax(row):
    # 用例自己的逐元素 softmax（Python 浮点数），与被测实现无关
    m = max(row)
    exps = [math.exp(v - m) for v in row]
    s = sum(exps)
    return [v / s for v in exps]


def _data(tokens=6, d=4, experts=5, seed=0):
    rng = np.random.default_rng(seed)
    return rng.normal(size=(tokens, d)), rng.normal(size=(d, experts))


def test_router_probs_are_softmax_over_all_experts():
    x, w = _data()
    _, _, probs = top_k_router(x, w, 2)
    logits = (x @ w).tolist()
    expected = [_row_softmax(row) for row in logits]
    expect_close(
        probs, np.array(expected), "router_probs 应是每行 logits 在全部 E 个专家上的 softmax"
    )


def test_topk_picks_largest_experts_in_descending_order():
    x, w = _data()
    indices, _, _ = top_k_router(x, w, 3)
    logits = (x @ w).tolist()
    expected = []
    for row in logits:
        p = _row_softmax(row)
        expected.append(sorted(range(len(p)), key=lambda e: -p[e])[:3])
    expect_equal(
        np.asarray(indices).tolist(),
        expected,
        "indices 应是概率最大的 k 个专家，按概率从大到小排列",
    )


def test_gates_renormalised_over_chosen_k():
    x, w = _data()
    indices, gates, _ = top_k_router(x, w, 2)
    logits = (x @ w).tolist()
    expected = []
    for t, row in enumerate(logits):
        chosen = [row[e] for e in np.asarray(indices)[t].tolist()]
        # 重新归一化等价于只在选中的 k 个 logits 上做 softmax
        expected.append(_row_softmax(chosen))
    expect_close(gates, np.array(expected), "门控权重应在选中的 k 个专家上重新归一化")
    expect_close(
        np.asarray(gates).sum(axis=-1), np.ones(len(logits)), "每个 token 的 k 个门控权重之和应为 1"
    )


def test_k1_and_large_logits_are_stable():
    x, w = _data(tokens=3, d=4, experts=4, seed=1)
    indices, gates, probs = top_k_router(1000.0 * x, w, 1)
    assert np.all(np.isfinite(probs)), "logits 很大时 softmax 不应出现 inf/nan（先减去每行最大值）"
    expect_close(np.asarray(probs).sum(axis=-1), np.ones(3), "每行路由概率之和应为 1")
    expect_close(gates, np.ones((3, 1)), "k=1 时唯一被选中专家的门控权重应为 1")
    expect_equal(
        np.asarray(indices).tolist(),
        [[int(np.argmax(r))] for r in (x @ w)],
        "k=1 时应选 logit 最大的专家",
    )


def test_uniform_routing_gives_loss_one():
    experts, per_expert = 4, 3
    probs = np.full((experts * per_expert, experts), 1.0 / experts)
    top1 = np.repeat(np.arange(experts), per_expert)  # 每个专家恰好分到 3 个 token
    loss = switch_load_balancing_loss(probs, top1, experts)
    expect_close(loss, 1.0, "均匀路由：f_i = P_i = 1/E，损失应为 E * E * (1/E)^2 = 1")


def test_collapsed_routing_gives_loss_num_experts():
    experts, tokens = 4, 8
    probs = np.zeros((tokens, experts))
    probs[:, 2] = 1.0
    top1 = np.full(tokens, 2)
    loss = switch_load_balancing_loss(probs, top1, experts)
    expect_close(loss, float(experts), "全部塌缩到一个专家：f_2 = P_2 = 1，损失应为 E = 4")


def test_fraction_uses_hard_counts():
    # 手算：两个 token 都派给专家 0，f = [1, 0]；P = [0.65, 0.35]；损失 = 2 * (1 * 0.65) = 1.3
    probs = np.array([[0.6, 0.4], [0.7, 0.3]])
    top1 = np.array([0, 0])
    loss = switch_load_balancing_loss(probs, top1, 2)
    expect_close(loss, 1.3, "f_i 应按 Top-1 硬分配计数（f = [1, 0]），不是平均概率")
