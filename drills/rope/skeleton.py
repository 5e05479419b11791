import numpy as np


def rope_cache(seq_len, d_head, base=10000.0):
    """预先算好 RoPE 的 cos、sin 表。

    返回 (cos, sin)，形状都是 (seq_len, d_head)（d_head 为偶数）。
    第 i 个频率 theta_i = base ** (-2i / d_head)，i = 0 .. d_head/2 - 1；
    cos[m, i] = cos[m, i + d_head/2] = cos(m * theta_i)，sin 同理（前后两半相同）。
    """
    raise NotImplementedError


def apply_rope(x, cos, sin, positions):
    """对 x 施加旋转位置编码（前后两半配对，即 rotate_half 写法）。

    x: (..., seq, d_head)；cos/sin: rope_cache 的输出，行数大于 positions 的最大值；
    positions: (seq,) 整数数组，x 中第 t 个 token 的绝对位置是 positions[t]。
    第 i 维与第 i + d_head/2 维组成一对，按角度 positions[t] * theta_i 逆时针旋转。
    返回与 x 同形状的数组。
    """
    raise NotImplementedError
