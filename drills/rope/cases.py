import math

import numpy as np


def _rotate_loop(vec, pos, base=10000.0):
    """显式的 2×2 旋转：第 i 维与第 i + d/2 维成对，角度 pos * base^(-2i/d)。"""
    d = len(vec)
    half = d // 2
    out = [0.0] * d
    for i in range(half):
        angle = pos * base ** (-2 * i / d)
        c, s = math.cos(angle), math.sin(angle)
        a, b = vec[i], vec[i + half]
        out[i] = c * a - s * b
        out[i + half] = s * a + c * b
    return out


def test_cache_hand_values():
    cos, sin = rope_cache(3, 4)
    # d = 4：theta_0 = 1，theta_1 = 10000^(-2/4) = 0.01；前后两半相同
    want_cos = [
        [math.cos(m * 1.0), math.cos(m * 0.01), math.cos(m * 1.0), math.cos(m * 0.01)]
        for m in range(3)
    ]
    want_sin = [
        [math.sin(m * 1.0), math.sin(m * 0.01), math.sin(m * 1.0), math.sin(m * 0.01)]
        for m in range(3)
    ]
    expect_close(
        cos, want_cos, "d_head=4 时 cos 表应为 cos(m·[1, 0.01, 1, 0.01])：频率是 base^(-2i/d)"
    )
    expect_close(sin, want_sin, "d_head=4 时 sin 表应为 sin(m·[1, 0.01, 1, 0.01])")
    cos, _ = rope_cache(2, 4, base=100.0)
    expect_close(
        cos[1],
        [math.cos(1.0), math.cos(0.1), math.cos(1.0), math.cos(0.1)],
        "base=100 时 theta 应为 [1, 0.1]",
    )


def test_position_zero_unchanged():
    rng = np.random.default_rng(0)
    x = rng.normal(size=(2, 3, 8))
    cos, sin = rope_cache(4, 8)
    y = apply_rope(x, cos, sin, np.array([0, 1, 2]))
    assert y.shape == x.shape, "输出形状应与 x 相同"
    expect_close(y[:, 0], x[:, 0], "位置 0 的旋转角是 0，向量应保持不变")


def test_norm_preserved():
    rng = np.random.default_rng(1)
    x = rng.normal(size=(2, 5, 8))
    cos, sin = rope_cache(16, 8)
    y = apply_rope(x, cos, sin, np.arange(3, 8))
    expect_close(
        np.linalg.norm(y, axis=-1),
        np.linalg.norm(x, axis=-1),
        "旋转不改变长度：每个向量的范数应保持不变（检查配对方式是否与 cos/sin 表一致）",
    )


def test_matches_explicit_rotation_loop():
    rng = np.random.default_rng(2)
    d = 8
    x = rng.normal(size=(4, d))
    positions = np.array([0, 1, 5, 11])
    cos, sin = rope_cache(12, d)
    want = [_rotate_loop(list(x[t]), int(positions[t])) for t in range(4)]
    expect_close(
        apply_rope(x, cos, sin, positions),
        want,
        "与逐对 2×2 旋转矩阵 [[cos, -sin], [sin, cos]] 的结果不一致（第 i 维与第 i+d/2 维配对）",
    )


def test_relative_position_property():
    rng = np.random.default_rng(3)
    d = 8
    q = rng.normal(size=(1, d))
    k = rng.normal(size=(1, d))
    cos, sin = rope_cache(64, d)

    def score(m, n):
        qm = apply_rope(q, cos, sin, np.array([m]))[0]
        kn = apply_rope(k, cos, sin, np.array([n]))[0]
        return float(qm @ kn)

    for m, n in [(0, 3), (2, 5), (10, 13), (40, 43)]:
        expect_close(
            score(m, n), score(7, 10), f"q 在位置 {m}、k 在位置 {n} 的内积应只取决于 m-n=-3"
        )
    for m, n in [(5, 0), (20, 15)]:
        expect_close(score(m, n), score(9, 4), f"q 在位置 {m}、k 在位置 {n} 的内积应只取决于 m-n=5")


def test_positions_with_offset_and_batch_dims():
    rng = np.random.default_rng(4)
    d = 6
    x_full = rng.normal(size=(2, 3, 7, d))  # (batch, heads, seq, d_head)
    cos, sin = rope_cache(7, d)
    full = apply_rope(x_full, cos, sin, np.arange(7))
    tail = apply_rope(x_full[:, :, 4:], cos, sin, np.array([4, 5, 6]))
    expect_close(
        tail, full[:, :, 4:], "positions=[4,5,6] 时应按绝对位置 4..6 旋转（KV Cache 续写的情形）"
    )
    want = [_rotate_loop(list(x_full[1, 2, t]), t) for t in range(7)]
    expect_close(
        full[1, 2],
        want,
        "带 (batch, heads) 批次维时，样本 1、头 2 的结果与逐对旋转循环不一致：每个头都应按同样的位置旋转",
    )
