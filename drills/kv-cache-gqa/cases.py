import math

import numpy as np

D_MODEL, D_HEAD, SEQ = 8, 3, 5


def _weights(n_heads, n_kv_heads, seed=0):
    rng = np.random.default_rng(seed)
    return {
        "wq": 0.5 * rng.normal(size=(D_MODEL, n_heads * D_HEAD)),
        "wk": 0.5 * rng.normal(size=(D_MODEL, n_kv_heads * D_HEAD)),
        "wv": rng.normal(size=(D_MODEL, n_kv_heads * D_HEAD)),
        "wo": rng.normal(size=(n_heads * D_HEAD, D_MODEL)),
    }


def _x(seed=1):
    return np.random.default_rng(seed).normal(size=(SEQ, D_MODEL))


def _naive(x, w, n_heads, n_kv_heads):
    # 用例自己的慢速参考：逐头、逐位置循环；查询头 h 用第 h // (n_heads // n_kv_heads) 个 KV 头
    seq = x.shape[0]
    group = n_heads // n_kv_heads
    concat = np.zeros((seq, n_heads * D_HEAD))
    for h in range(n_heads):
        g = h // group
        q = x @ w["wq"][:, h * D_HEAD : (h + 1) * D_HEAD]
        k = x @ w["wk"][:, g * D_HEAD : (g + 1) * D_HEAD]
        v = x @ w["wv"][:, g * D_HEAD : (g + 1) * D_HEAD]
        for t in range(seq):
            scores = [float(q[t] @ k[s]) / math.sqrt(D_HEAD) for s in range(t + 1)]
            m = max(scores)
            e = [math.exp(a - m) for a in scores]
            z = sum(e)
            concat[t, h * D_HEAD : (h + 1) * D_HEAD] = sum(e[s] / z * v[s] for s in range(t + 1))
    return concat @ w["wo"]


def test_repeat_kv_keeps_groups_together():
    kv = np.random.default_rng(0).normal(size=(2, 3, 4))
    out = repeat_kv(kv, 3)
    expected = np.stack([kv[h // 3] for h in range(6)])
    expect_close(
        out,
        expected,
        "repeat_kv：第 h 个头应是 kv[h // n_rep]，即 [k0, k0, k0, k1, k1, k1]，不是交替排列",
    )


def test_full_matches_slow_reference():
    w, x = _weights(4, 2), _x()
    expect_close(
        attention_full(x, w, 4, 2),
        _naive(x, w, 4, 2),
        "attention_full 应与逐头、逐位置的因果 GQA 参考结果一致（4 个查询头，2 个 KV 头）",
    )


def test_first_position_sees_only_itself():
    w, x = _weights(4, 2), _x()
    # 第 0 个位置只能看到自己：softmax 只有一项，权重为 1，输出就是自己的 v 经过 wo
    v0 = x[0] @ w["wv"]
    concat = np.concatenate([v0[(h // 2) * D_HEAD : (h // 2 + 1) * D_HEAD] for h in range(4)])
    expect_close(
        attention_full(x, w, 4, 2)[0],
        concat @ w["wo"],
        "第 0 个位置只能看到自己，输出应是它在所属 KV 头上的 v 拼接后乘 wo（掩码不能遮住对角线）",
    )


def test_full_is_causal():
    w, x = _weights(4, 2), _x()
    y = attention_full(x, w, 4, 2)
    x2 = x.copy()
    x2[-1] += 10.0
    y2 = attention_full(x2, w, 4, 2)
    expect_close(y2[:-1], y[:-1], "因果掩码：改动最后一个 token 不应改变前面位置的输出")


def test_decode_matches_slow_reference():
    w, x = _weights(4, 2), _x()
    out, _, _ = decode_with_cache(x, w, 4, 2)
    expect_close(
        out,
        _naive(x, w, 4, 2),
        "逐 token 解码（带 KV 缓存）的输出应与整段计算一致：每步要把新的 k、v 追加进缓存",
    )


def test_cache_stores_only_kv_heads():
    w, x = _weights(4, 2), _x()
    _, k_cache, v_cache = decode_with_cache(x, w, 4, 2)
    assert np.shape(k_cache) == (2, SEQ, D_HEAD), (
        "k_cache 形状应为 (n_kv_heads, seq, d_head) = (2, 5, 3)：缓存只存 KV 头，不存复制后的"
    )
    assert np.shape(v_cache) == (2, SEQ, D_HEAD), (
        "v_cache 形状应为 (n_kv_heads, seq, d_head) = (2, 5, 3)"
    )
    k_expected = np.stack([x @ w["wk"][:, g * D_HEAD : (g + 1) * D_HEAD] for g in range(2)])
    v_expected = np.stack([x @ w["wv"][:, g * D_HEAD : (g + 1) * D_HEAD] for g in range(2)])
    expect_close(k_cache, k_expected, "k_cache[g, t] 应是第 t 个 token 在第 g 个 KV 头上的 key")
    expect_close(v_cache, v_expected, "v_cache[g, t] 应是第 t 个 token 在第 g 个 KV 头上的 value")


def test_mqa_and_mha_are_special_cases():
    x = _x(2)
    for n_kv, name in ((1, "MQA（1 个 KV 头）"), (4, "MHA（KV 头数等于查询头数）")):
        w = _weights(4, n_kv, seed=3)
        expected = _naive(x, w, 4, n_kv)
        expect_close(
            attention_full(x, w, 4, n_kv), expected, f"{name}：attention_full 与参考结果不一致"
        )
        out, _, _ = decode_with_cache(x, w, 4, n_kv)
        expect_close(out, expected, f"{name}：decode_with_cache 与参考结果不一致")
