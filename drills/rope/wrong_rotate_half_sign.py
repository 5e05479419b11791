"""rotate_half 的符号放错：写成 (x2, -x1)，相当于按 -m·theta 反向旋转。"""

import numpy as np


def rope_cache(seq_len, d_head, base=10000.0):
    inv_freq = base ** (-np.arange(0, d_head, 2) / d_head)
    angles = np.outer(np.arange(seq_len), inv_freq)
    angles = np.concatenate([angles, angles], axis=-1)
    return np.cos(angles), np.sin(angles)


def rotate_half(x):
    half = x.shape[-1] // 2
    x1, x2 = x[..., :half], x[..., half:]
    return np.concatenate([x2, -x1], axis=-1)


def apply_rope(x, cos, sin, positions):
    positions = np.asarray(positions)
    c = cos[positions]
    s = sin[positions]
    return x * c + rotate_half(x) * s
