import math

import numpy as np


def _ln_loop(x, gamma, beta, eps):
    """逐行的 LayerNorm（纯 Python）：总体方差，eps 在根号里。"""
    out = []
    for row in x:
        d = len(row)
        mu = sum(row) / d
        var = sum((v - mu) ** 2 for v in row) / d
        s = math.sqrt(var + eps)
        out.append([(row[j] - mu) / s * gamma[j] + beta[j] for j in range(d)])
    return np.array(out)


def test_forward_hand_example():
    x = np.array([[1.0, 2.0, 3.0, 4.0], [-1.0, 1.0, -1.0, 1.0]])
    gamma = np.array([1.0, 2.0, 1.0, 2.0])
    beta = np.array([0.0, 0.0, 1.0, 1.0])
    y, _ = layer_norm_forward(x, gamma, beta, eps=0.0)
    # 第 0 行：均值 2.5，总体方差 1.25；第 1 行：均值 0，方差 1，归一化后就是它自己
    s = math.sqrt(1.25)
    want = [[-1.5 / s, -0.5 * 2 / s, 0.5 / s + 1, 1.5 * 2 / s + 1], [-1.0, 2.0, 0.0, 3.0]]
    expect_close(y, want, "eps=0 的手算例子不对：方差应除以 D（总体方差），不是 D-1")


def test_forward_small_variance_eps_inside_sqrt():
    x = np.array([[0.0, 0.0, 0.0, 0.002]])
    ones, zeros = np.ones(4), np.zeros(4)
    y, _ = layer_norm_forward(x, ones, zeros, eps=1e-5)
    # 方差 7.5e-7 与 eps=1e-5 同一量级，eps 必须加在根号里：除以 sqrt(var + eps)
    want = _ln_loop(x.tolist(), [1.0] * 4, [0.0] * 4, 1e-5)
    expect_close(y, want, "方差很小时结果不对：应除以 sqrt(var + eps)，eps 在根号里")


def test_forward_matches_loop():
    rng = np.random.default_rng(0)
    x = rng.normal(loc=1.0, scale=2.0, size=(3, 6))
    gamma = rng.normal(size=6)
    beta = rng.normal(size=6)
    y, _ = layer_norm_forward(x, gamma, beta, eps=1e-5)
    expect_close(
        y,
        _ln_loop(x.tolist(), gamma.tolist(), beta.tolist(), 1e-5),
        "随机输入下与逐行循环的 LayerNorm 不一致",
    )


def test_backward_matches_finite_differences():
    rng = np.random.default_rng(1)
    n, d, eps = 3, 5, 1e-5
    x = rng.normal(size=(n, d))
    gamma = rng.normal(size=d)
    beta = rng.normal(size=d)
    r = rng.normal(size=(n, d))  # 损失 L = sum(r * y)，于是 dy = r

    def loss(x_, g_, b_):
        return float((r * _ln_loop(x_.tolist(), g_.tolist(), b_.tolist(), eps)).sum())

    h = 1e-6

    def numeric(arr, f):
        grad = np.zeros_like(arr)
        for idx in np.ndindex(arr.shape):
            plus, minus = arr.copy(), arr.copy()
            plus[idx] += h
            minus[idx] -= h
            grad[idx] = (f(plus) - f(minus)) / (2 * h)
        return grad

    _, cache = layer_norm_forward(x, gamma, beta, eps)
    dx, dgamma, dbeta = layer_norm_backward(r, cache)
    expect_close(
        dbeta,
        numeric(beta, lambda b_: loss(x, gamma, b_)),
        "dbeta 与有限差分不一致：应是 dy 对 batch 求和",
        atol=1e-5,
    )
    expect_close(
        dgamma,
        numeric(gamma, lambda g_: loss(x, g_, beta)),
        "dgamma 与有限差分不一致：应是 dy * xhat 对 batch 求和",
        atol=1e-5,
    )
    expect_close(
        dx,
        numeric(x, lambda x_: loss(x_, gamma, beta)),
        "dx 与有限差分不一致：别漏了经过均值和经过方差的两项",
        atol=1e-5,
    )


def test_backward_shapes_and_shift_invariance():
    rng = np.random.default_rng(2)
    x = rng.normal(size=(4, 3))
    dy = rng.normal(size=(4, 3))
    _, cache = layer_norm_forward(x, np.ones(3), np.zeros(3), eps=1e-5)
    dx, dgamma, dbeta = layer_norm_backward(dy, cache)
    assert np.shape(dx) == (4, 3) and np.shape(dgamma) == (3,) and np.shape(dbeta) == (3,), (
        "返回形状应为 dx (N, D)、dgamma (D,)、dbeta (D,)"
    )
    # 每行整体加一个常数，LayerNorm 输出不变，所以 dx 的每一行之和为 0
    expect_close(
        dx.sum(axis=-1), np.zeros(4), "dx 每一行之和应为 0（输出对整行平移不变）", atol=1e-8
    )


def test_rms_norm_hand_example():
    x = np.array([[1.0, 2.0, 3.0, 4.0]])
    # 均方 = (1 + 4 + 9 + 16) / 4 = 7.5，不减均值
    r = math.sqrt(7.5)
    expect_close(
        rms_norm(x, np.ones(4), eps=0.0),
        [[1 / r, 2 / r, 3 / r, 4 / r]],
        "RMSNorm([1,2,3,4]) 应为 x / sqrt(7.5)：不减均值",
    )


def test_rms_norm_constant_row_is_not_zero():
    x = np.array([[3.0, 3.0, 3.0, 3.0]])
    w = np.array([1.0, 2.0, 3.0, 4.0])
    want = [[3.0 * wi / math.sqrt(9.0 + 1e-6) for wi in w]]
    expect_close(
        rms_norm(x, w, eps=1e-6),
        want,
        "常数行的 RMSNorm 不应是 0：RMSNorm 不减均值，结果是 weight·x/RMS(x)",
    )


def test_rms_norm_batched_matches_loop():
    rng = np.random.default_rng(3)
    x = rng.normal(loc=0.5, size=(2, 3, 4))
    w = rng.normal(size=4)
    eps = 1e-2
    want = np.zeros_like(x)
    for idx in np.ndindex(2, 3):
        row = x[idx].tolist()
        rms = math.sqrt(sum(v * v for v in row) / 4 + eps)
        want[idx] = [row[j] / rms * w[j] for j in range(4)]
    expect_close(
        rms_norm(x, w, eps=eps),
        want,
        "形状 (2, 3, 4) 的输入沿最后一维做 RMSNorm 的结果不对（eps 在根号里）",
    )
