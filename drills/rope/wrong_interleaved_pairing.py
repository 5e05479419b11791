"""两种配对混用：cos/sin 表按前后两半排列，旋转却按相邻两维 (2i, 2i+1) 配对，一对里的两维用了不同角度。"""

import numpy as np


def rope_cache(seq_len, d_head, base=10000.0):
    inv_freq = base ** (-np.arange(0, d_head, 2) / d_head)
    angles = np.outer(np.arange(seq_len), inv_freq)
    angles = np.concatenate([angles, angles], axis=-1)
    return np.cos(angles), np.sin(angles)


def rotate_every_two(x):
    out = np.empty_like(x)
    out[..., 0::2] = -x[..., 1::2]
    out[..., 1::2] = x[..., 0::2]
    return out


def apply_rope(x, cos, sin, positions):
    positions = np.asarray(positions)
    c = cos[positions]
    s = sin[positions]
    return x * c + rotate_every_two(x) * s
