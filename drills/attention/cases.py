import math

import numpy as np


def _attend_loop(q, k, v, allowed):
    """朴素循环：q (Lq, d)、k (Lk, d)、v (Lk, dv)，allowed[i][j] 为 True 时 i 可以注意 j。"""
    d = len(q[0])
    out = []
    for i in range(len(q)):
        scores = {}
        for j in range(len(k)):
            if allowed[i][j]:
                scores[j] = sum(q[i][a] * k[j][a] for a in range(d)) / math.sqrt(d)
        m = max(scores.values())
        w = {j: math.exp(s - m) for j, s in scores.items()}
        z = sum(w.values())
        out.append([sum(w[j] * v[j][c] for j in w) / z for c in range(len(v[0]))])
    return np.array(out)


def _mha_loop(x, w_q, w_k, w_v, w_o, n_heads, causal, padding_mask):
    """逐个样本、逐个头地算多头注意力，头 h 取第 h*d_head:(h+1)*d_head 列。"""
    b, t, d_model = x.shape
    d_head = d_model // n_heads
    out = np.zeros((b, t, d_model))
    for n in range(b):
        allowed = [
            [
                (not causal or j <= i) and (padding_mask is None or bool(padding_mask[n, j]))
                for j in range(t)
            ]
            for i in range(t)
        ]
        heads = []
        for h in range(n_heads):
            cols = slice(h * d_head, (h + 1) * d_head)
            q = (x[n] @ w_q)[:, cols]
            k = (x[n] @ w_k)[:, cols]
            v = (x[n] @ w_v)[:, cols]
            heads.append(_attend_loop(q.tolist(), k.tolist(), v.tolist(), allowed))
        out[n] = np.concatenate(heads, axis=1) @ w_o
    return out


def _mha_inputs(seed=0, b=2, t=4, d_model=8):
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(b, t, d_model))
    ws = [rng.normal(scale=0.5, size=(d_model, d_model)) for _ in range(4)]
    return x, ws


def test_sdpa_hand_example():
    q = np.array([[2.0, 0.0, 0.0, 0.0]])
    k = np.array([[1.0, 0.0, 0.0, 0.0], [0.0, 0.0, 0.0, 0.0]])
    v = np.array([[1.0, 0.0], [0.0, 1.0]])
    # d = 4：分数为 [2/√4, 0] = [1, 0]，权重 [e/(1+e), 1/(1+e)]；v 是单位阵，输出就是权重
    want = [[math.e / (1 + math.e), 1 / (1 + math.e)]]
    expect_close(
        scaled_dot_product_attention(q, k, v), want, "单个 query 的小例子算错了：分数要除以 √d"
    )


def test_sdpa_matches_loop_with_batch_dims():
    rng = np.random.default_rng(0)
    q = rng.normal(size=(2, 3, 4, 8))
    k = rng.normal(size=(2, 3, 5, 8))
    v = rng.normal(size=(2, 3, 5, 6))
    mask = rng.random((4, 5)) < 0.6
    mask[:, 0] = True  # 每个 query 至少能看到一个 key
    for m in (None, mask):
        allowed = mask if m is not None else np.ones((4, 5), dtype=bool)
        want = np.zeros((2, 3, 4, 6))
        for a in range(2):
            for h in range(3):
                want[a, h] = _attend_loop(
                    q[a, h].tolist(), k[a, h].tolist(), v[a, h].tolist(), allowed
                )
        what = "不带掩码" if m is None else "带 (Lq, Lk) 掩码（广播到批次维）"
        expect_close(
            scaled_dot_product_attention(q, k, v, m), want, f"{what}时与朴素循环的结果不一致"
        )


def test_sdpa_masked_weights_are_zero_and_rows_sum_to_one():
    rng = np.random.default_rng(1)
    q = rng.normal(size=(3, 4))
    k = rng.normal(size=(3, 4))
    v = np.eye(3)  # v 取单位阵，输出的每一行就是注意力权重
    mask = np.array([[True, False, False], [True, True, False], [False, True, True]])
    w = scaled_dot_product_attention(q, k, v, mask)
    expect_close(
        w[~mask],
        np.zeros(int((~mask).sum())),
        "被屏蔽位置的注意力权重应当恰好为 0：分数要在 softmax 前设成 -inf",
    )
    expect_close(
        w.sum(axis=-1), np.ones(3), "每个 query 的注意力权重之和应为 1：掩码要在 softmax 之前施加"
    )
    expect_close(w[0], [1.0, 0.0, 0.0], "第 0 个 query 只允许看 key 0，权重应为 [1, 0, 0]")


def test_mha_matches_per_head_loop():
    x, (w_q, w_k, w_v, w_o) = _mha_inputs(seed=2)
    want = _mha_loop(x, w_q, w_k, w_v, w_o, 2, False, None)
    got = multi_head_attention(x, w_q, w_k, w_v, w_o, n_heads=2)
    expect_close(
        got,
        want,
        "2 个头、无掩码时与逐头循环的结果不一致：检查拆头的 reshape/transpose 和 √d_head 缩放",
    )


def test_mha_causal():
    x, (w_q, w_k, w_v, w_o) = _mha_inputs(seed=3)
    got = multi_head_attention(x, w_q, w_k, w_v, w_o, n_heads=2, causal=True)
    want = _mha_loop(x, w_q, w_k, w_v, w_o, 2, True, None)
    x2 = x.copy()
    x2[:, 2:] += 10.0  # 只改后两个位置
    got2 = multi_head_attention(x2, w_q, w_k, w_v, w_o, n_heads=2, causal=True)
    expect_close(
        got2[:, :2],
        got[:, :2],
        "因果掩码：改动位置 2、3 的输入，位置 0、1 的输出不应变化（不能看到后面的词）",
    )
    expect_close(got, want, "causal=True 时与逐头循环（只看 j <= i）的结果不一致")


def test_mha_padding_mask():
    x, (w_q, w_k, w_v, w_o) = _mha_inputs(seed=4)
    pad = np.array([[True, True, True, True], [True, True, False, False]])
    got = multi_head_attention(x, w_q, w_k, w_v, w_o, n_heads=4, padding_mask=pad)
    want = _mha_loop(x, w_q, w_k, w_v, w_o, 4, False, pad)
    expect_close(got[0], want[0], "没有填充的样本结果不对")
    expect_close(got[1, :2], want[1, :2], "有填充的样本：真实 token 的输出与朴素循环不一致")
    x2 = x.copy()
    x2[1, 2:] = 100.0  # 改动填充位置的内容
    got2 = multi_head_attention(x2, w_q, w_k, w_v, w_o, n_heads=4, padding_mask=pad)
    expect_close(
        got2[1, :2],
        got[1, :2],
        "填充位置的内容变了，真实 token 的输出不应受影响：padding 要屏蔽 key",
    )


def test_mha_causal_and_padding_combined():
    x, (w_q, w_k, w_v, w_o) = _mha_inputs(seed=5, b=2, t=5)
    pad = np.array([[True, True, True, True, True], [True, True, True, False, False]])
    got = multi_head_attention(x, w_q, w_k, w_v, w_o, n_heads=2, causal=True, padding_mask=pad)
    want = _mha_loop(x, w_q, w_k, w_v, w_o, 2, True, pad)
    expect_close(got[0], want[0], "因果 + padding：无填充样本的结果不对")
    expect_close(
        got[1, :3], want[1, :3], "因果 + padding：两种掩码要取逻辑与，真实 token 的输出不对"
    )
    alone = multi_head_attention(x[1:, :3], w_q, w_k, w_v, w_o, n_heads=2, causal=True)
    expect_close(got[1, :3], alone[0], "右填充的样本应与去掉填充后单独计算的结果相同")
