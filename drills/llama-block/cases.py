import math

import numpy as np

SEQ, D_MODEL, N_HEADS, N_KV, D_HEAD, D_FF = 4, 8, 4, 2, 4, 12


# ---- 用例自己的慢速小零件：逐元素循环，与被测实现无关 ----


def _slow_rms_norm(x, weight, eps=1e-6):
    out = np.zeros_like(x)
    for t in range(x.shape[0]):
        ms = sum(float(v) ** 2 for v in x[t]) / x.shape[1]
        out[t] = [x[t, j] / math.sqrt(ms + eps) * weight[j] for j in range(x.shape[1])]
    return out


def _slow_rope_vec(vec, pos, base=10000.0):
    # 第 i 维与第 i + d/2 维组成一对，按角度 pos * base^(-2i/d) 做二维旋转
    d = len(vec)
    half = d // 2
    out = [0.0] * d
    for i in range(half):
        ang = pos * base ** (-2.0 * i / d)
        a, b = float(vec[i]), float(vec[i + half])
        out[i] = a * math.cos(ang) - b * math.sin(ang)
        out[i + half] = b * math.cos(ang) + a * math.sin(ang)
    return np.array(out)


def _slow_swiglu(x, w1, w2, w3):
    out = np.zeros((x.shape[0], w2.shape[1]))
    for t in range(x.shape[0]):
        hidden = []
        for f in range(w1.shape[1]):
            g = sum(x[t, j] * w1[j, f] for j in range(x.shape[1]))
            u = sum(x[t, j] * w3[j, f] for j in range(x.shape[1]))
            hidden.append(g / (1.0 + math.exp(-g)) * u)  # silu(g) * u
        for o in range(w2.shape[1]):
            out[t, o] = sum(hidden[f] * w2[f, o] for f in range(len(hidden)))
    return out


def _slow_attention(x, w):
    group = N_HEADS // N_KV
    concat = np.zeros((x.shape[0], N_HEADS * D_HEAD))
    for h in range(N_HEADS):
        g = h // group
        q = x @ w["wq"][:, h * D_HEAD : (h + 1) * D_HEAD]
        k = x @ w["wk"][:, g * D_HEAD : (g + 1) * D_HEAD]
        v = x @ w["wv"][:, g * D_HEAD : (g + 1) * D_HEAD]
        q = np.array([_slow_rope_vec(q[t], t) for t in range(x.shape[0])])
        k = np.array([_slow_rope_vec(k[t], t) for t in range(x.shape[0])])
        for t in range(x.shape[0]):
            s = [float(q[t] @ k[j]) / math.sqrt(D_HEAD) for j in range(t + 1)]
            m = max(s)
            e = [math.exp(a - m) for a in s]
            concat[t, h * D_HEAD : (h + 1) * D_HEAD] = sum(
                e[j] / sum(e) * v[j] for j in range(t + 1)
            )
    return concat @ w["wo"]


def _weights(seed=0):
    rng = np.random.default_rng(seed)
    return {
        "attn_norm": 1.0 + 0.1 * rng.normal(size=D_MODEL),
        "wq": 0.4 * rng.normal(size=(D_MODEL, N_HEADS * D_HEAD)),
        "wk": 0.4 * rng.normal(size=(D_MODEL, N_KV * D_HEAD)),
        "wv": 0.4 * rng.normal(size=(D_MODEL, N_KV * D_HEAD)),
        "wo": 0.4 * rng.normal(size=(N_HEADS * D_HEAD, D_MODEL)),
        "mlp_norm": 1.0 + 0.1 * rng.normal(size=D_MODEL),
        "w1": 0.4 * rng.normal(size=(D_MODEL, D_FF)),
        "w2": 0.4 * rng.normal(size=(D_FF, D_MODEL)),
        "w3": 0.4 * rng.normal(size=(D_MODEL, D_FF)),
    }


def _x(seed=1):
    return np.random.default_rng(seed).normal(size=(SEQ, D_MODEL))


# ---- 用例 ----


def test_rms_norm():
    rng = np.random.default_rng(0)
    x, g = 3.0 * rng.normal(size=(3, 6)), rng.normal(size=6)
    expect_close(
        rms_norm(x, g),
        _slow_rms_norm(x, g),
        "rms_norm 应为 x / sqrt(mean(x^2) + eps) * weight（不减均值）",
    )


def test_rope_half_split_pairs():
    x = np.random.default_rng(0).normal(size=(2, 5, 6))
    expected = np.array([[_slow_rope_vec(x[h, m], m) for m in range(5)] for h in range(2)])
    expect_close(
        apply_rope(x),
        expected,
        "RoPE：第 i 维与第 i + d_head/2 维配对，旋转角 m * 10000^(-2i/d_head)",
    )


def test_rope_depends_only_on_relative_position():
    rng = np.random.default_rng(1)
    q, k = rng.normal(size=8), rng.normal(size=8)
    # 同一个向量放在每个位置上，旋转后 <q_m, k_n> 只应取决于 m - n
    rq = apply_rope(np.tile(q, (1, 6, 1)))[0]
    rk = apply_rope(np.tile(k, (1, 6, 1)))[0]
    expect_close(
        float(rq[3] @ rk[1]),
        float(rq[5] @ rk[3]),
        "RoPE 后 q·k 只取决于相对位置：(3, 1) 与 (5, 3) 应相同",
    )
    expect_close(rq[0], q, "位置 0 不旋转")
    expect_close(np.linalg.norm(rq, axis=-1), np.full(6, np.linalg.norm(q)), "旋转不改变向量长度")


def test_swiglu_gate_is_silu_of_w1_branch():
    w = _weights()
    x = _x()
    expect_close(
        swiglu(x, w["w1"], w["w2"], w["w3"]),
        _slow_swiglu(x, w["w1"], w["w2"], w["w3"]),
        "SwiGLU 应为 (silu(x W1) * (x W3)) W2：门控分支是 x W1，激活是 SiLU 而不是 sigmoid",
    )


def test_block_matches_slow_reference():
    w, x = _weights(), _x()
    h = x + _slow_attention(_slow_rms_norm(x, w["attn_norm"]), w)
    expected = h + _slow_swiglu(_slow_rms_norm(h, w["mlp_norm"]), w["w1"], w["w2"], w["w3"])
    expect_close(
        llama_block(x, w, N_HEADS, N_KV),
        expected,
        "整块输出应与逐元素参考一致：pre-norm 残差、RoPE 只作用于 q/k、GQA 分组 h // n_rep、因果掩码",
    )


def test_zero_weights_give_identity():
    w = _weights()
    for key in ("wq", "wk", "wv", "wo", "w1", "w2", "w3"):
        w[key] = np.zeros_like(w[key])
    w["attn_norm"] = np.ones(D_MODEL)
    w["mlp_norm"] = np.ones(D_MODEL)
    x = _x()
    expect_close(
        llama_block(x, w, N_HEADS, N_KV),
        x,
        "投影权重全为 0 时两个子层输出 0，pre-norm 残差块应原样输出 x",
    )


def test_block_is_causal():
    w, x = _weights(), _x()
    y = llama_block(x, w, N_HEADS, N_KV)
    x2 = x.copy()
    x2[-1] = -3.0 * x2[-1]
    y2 = llama_block(x2, w, N_HEADS, N_KV)
    expect_close(y2[:-1], y[:-1], "因果：改动最后一个 token 不应改变前面位置的输出")
