"""频率的指数写成 i/d 而不是 2i/d：theta_i = base^(-i/d)，频率衰减得太慢，高维转得过快。"""

import numpy as np


def rope_cache(seq_len, d_head, base=10000.0):
    inv_freq = base ** (-np.arange(d_head // 2) / d_head)
    angles = np.outer(np.arange(seq_len), inv_freq)
    angles = np.concatenate([angles, angles], axis=-1)
    return np.cos(angles), np.sin(angles)


def rotate_half(x):
    half = x.shape[-1] // 2
    x1, x2 = x[..., :half], x[..., half:]
    return np.concatenate([-x2, x1], axis=-1)


def apply_rope(x, cos, sin, positions):
    positions = np.asarray(positions)
    c = cos[positions]
    s = sin[positions]
    return x * c + rotate_half(x) * s
