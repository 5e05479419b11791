"""忘了除以 sqrt(d)：分数随维度变大，softmax 过早饱和，结果与标准注意力不同。"""

import numpy as np


def _softmax(x, axis=-1):
    x = x - x.max(axis=axis, keepdims=True)
    e = np.exp(x)
    return e / e.sum(axis=axis, keepdims=True)


def scaled_dot_product_attention(q, k, v, mask=None):
    d = q.shape[-1]
    scores = q @ np.swapaxes(k, -1, -2)
    if mask is not None:
        scores = np.where(mask, scores, -np.inf)
    weights = _softmax(scores, axis=-1)
    return weights @ v


def multi_head_attention(x, w_q, w_k, w_v, w_o, n_heads, causal=False, padding_mask=None):
    b, t, d_model = x.shape
    d_head = d_model // n_heads

    def split(h):
        return h.reshape(b, t, n_heads, d_head).transpose(0, 2, 1, 3)

    q, k, v = split(x @ w_q), split(x @ w_k), split(x @ w_v)

    mask = np.ones((b, 1, t, t), dtype=bool)
    if causal:
        mask = mask & np.tril(np.ones((t, t), dtype=bool))
    if padding_mask is not None:
        mask = mask & padding_mask[:, None, None, :]

    out = scaled_dot_product_attention(q, k, v, mask)
    out = out.transpose(0, 2, 1, 3).reshape(b, t, d_model)
    return out @ w_o
