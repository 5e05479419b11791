import numpy as np


def repeat_kv(kv, n_rep):
    """kv: (n_kv_heads, seq, d_head) -> (n_kv_heads * n_rep, seq, d_head)。
    输出的第 h 个头是 kv[h // n_rep]（同组的查询头相邻）。"""
    raise NotImplementedError


def attention_full(x, weights, n_heads, n_kv_heads):
    """一次算完整段序列的因果 GQA 注意力。

    x: (seq, d_model)；weights: {"wq": (d_model, n_heads*d_head),
    "wk"/"wv": (d_model, n_kv_heads*d_head), "wo": (n_heads*d_head, d_model)}。
    第 h 个头用投影结果的第 h*d_head:(h+1)*d_head 列；返回 (seq, d_model)。
    """
    raise NotImplementedError


def decode_with_cache(x, weights, n_heads, n_kv_heads):
    """逐个 token 解码：每步只投影当前 token，把它的 k、v 追加进缓存，再与缓存做注意力。

    返回 (out, k_cache, v_cache)：out (seq, d_model) 与 attention_full 相同；
    k_cache、v_cache 形状 (n_kv_heads, seq, d_head)，只存 KV 头（不存复制后的）。
    """
    raise NotImplementedError
