import numpy as np


def scaled_dot_product_attention(q, k, v, mask=None):
    """缩放点积注意力 softmax(q k^T / sqrt(d)) v。

    q: (..., Lq, d)；k: (..., Lk, d)；v: (..., Lk, dv)，前面的批次维相同。
    mask: None 或布尔数组，可广播到 (..., Lq, Lk)；True 表示可以注意，False 表示屏蔽。
    返回 (..., Lq, dv)。用例保证每个 query 至少能注意一个 key。
    """
    raise NotImplementedError


def multi_head_attention(x, w_q, w_k, w_v, w_o, n_heads, causal=False, padding_mask=None):
    """多头自注意力（无偏置）。

    x: (batch, seq, d_model)；w_q/w_k/w_v/w_o: (d_model, d_model)，右乘：q = x @ w_q。
    第 h 个头使用 q、k、v 的第 h*d_head:(h+1)*d_head 列，d_head = d_model // n_heads。
    causal=True：位置 i 只能注意 j <= i。
    padding_mask: None 或 (batch, seq) 布尔数组，True 为真实 token，False 的 key 不能被注意。
    各头输出按头的顺序拼回 (batch, seq, d_model)，再右乘 w_o 返回。
    """
    raise NotImplementedError
