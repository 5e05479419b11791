import numpy as np


def _softmax(x, axis=-1):
    x = x - x.max(axis=axis, keepdims=True)  # 减去最大值防止上溢
    e = np.exp(x)
    return e / e.sum(axis=axis, keepdims=True)


def scaled_dot_product_attention(q, k, v, mask=None):
    d = q.shape[-1]
    # 除以 sqrt(d)：让点积的方差不随维度增长，softmax 不至于饱和
    scores = q @ np.swapaxes(k, -1, -2) / np.sqrt(d)  # (..., Lq, Lk)
    if mask is not None:
        # 在 softmax 之前把不能注意的位置设成 -inf，softmax 后权重恰好为 0
        scores = np.where(mask, scores, -np.inf)
    weights = _softmax(scores, axis=-1)
    return weights @ v


def multi_head_attention(x, w_q, w_k, w_v, w_o, n_heads, causal=False, padding_mask=None):
    b, t, d_model = x.shape
    d_head = d_model // n_heads

    def split(h):
        # (b, t, d_model) -> (b, t, n_heads, d_head) -> (b, n_heads, t, d_head)
        # 必须先 reshape 再交换轴：直接 reshape 成 (b, n_heads, t, d_head) 会把不同 token 的特征混在一起
        return h.reshape(b, t, n_heads, d_head).transpose(0, 2, 1, 3)

    q, k, v = split(x @ w_q), split(x @ w_k), split(x @ w_v)

    mask = np.ones((b, 1, t, t), dtype=bool)  # 广播到每个头
    if causal:
        mask = mask & np.tril(np.ones((t, t), dtype=bool))  # 下三角：j <= i
    if padding_mask is not None:
        mask = mask & padding_mask[:, None, None, :]  # 屏蔽的是 key（列）

    out = scaled_dot_product_attention(q, k, v, mask)  # (b, n_heads, t, d_head)
    out = out.transpose(0, 2, 1, 3).reshape(b, t, d_model)  # 拼回各头
    return out @ w_o
