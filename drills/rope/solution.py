import numpy as np


def rope_cache(seq_len, d_head, base=10000.0):
    # theta_i = base^(-2i/d)：指数里是 2i（即 0, 2, 4, ...），不是 i
    inv_freq = base ** (-np.arange(0, d_head, 2) / d_head)  # (d_head/2,)
    angles = np.outer(np.arange(seq_len), inv_freq)  # (seq_len, d_head/2)，m * theta_i
    # 前后两半放同一组角度：第 i 维和第 i + d/2 维是一对，用同一个角度旋转
    angles = np.concatenate([angles, angles], axis=-1)  # (seq_len, d_head)
    return np.cos(angles), np.sin(angles)


def rotate_half(x):
    half = x.shape[-1] // 2
    x1, x2 = x[..., :half], x[..., half:]
    # (x1, x2) -> (-x2, x1)：二维旋转 [[c, -s], [s, c]] 中与 sin 相乘的那一项
    return np.concatenate([-x2, x1], axis=-1)


def apply_rope(x, cos, sin, positions):
    positions = np.asarray(positions)
    c = cos[positions]  # (seq, d_head)，按每个 token 的绝对位置取行，广播到前面的批次维
    s = sin[positions]
    return x * c + rotate_half(x) * s
