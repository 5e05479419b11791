"""repeat_kv 用了 np.tile：KV 头排成 [k0, k1, k0, k1]，查询头 h 用到的是 kv[h % n_kv_heads] 而不是 kv[h // n_rep]。"""

import numpy as np


def repeat_kv(kv, n_rep):
    """(n_kv_heads, seq, d_head) -> (n_kv_heads * n_rep, seq, d_head)，头 h 用 kv[h // n_rep]。"""
    return np.tile(kv, (n_rep, 1, 1))


def _split_heads(t, n):
    """(seq, n * d_head) -> (n, seq, d_head)。"""
    seq = t.shape[0]
    return t.reshape(seq, n, -1).transpose(1, 0, 2)


def _softmax(s):
    s = s - s.max(axis=-1, keepdims=True)
    e = np.exp(s)
    return e / e.sum(axis=-1, keepdims=True)


def attention_full(x, weights, n_heads, n_kv_heads):
    seq = x.shape[0]
    q = _split_heads(x @ weights["wq"], n_heads)
    k = _split_heads(x @ weights["wk"], n_kv_heads)
    v = _split_heads(x @ weights["wv"], n_kv_heads)
    n_rep = n_heads // n_kv_heads
    k, v = repeat_kv(k, n_rep), repeat_kv(v, n_rep)
    d_head = q.shape[-1]
    scores = q @ k.transpose(0, 2, 1) / np.sqrt(d_head)
    future = np.triu(np.ones((seq, seq), dtype=bool), k=1)
    scores = np.where(future, -np.inf, scores)
    out = _softmax(scores) @ v
    return out.transpose(1, 0, 2).reshape(seq, -1) @ weights["wo"]


def decode_with_cache(x, weights, n_heads, n_kv_heads):
    seq = x.shape[0]
    n_rep = n_heads // n_kv_heads
    d_head = weights["wq"].shape[1] // n_heads
    k_cache = np.zeros((n_kv_heads, 0, d_head))
    v_cache = np.zeros((n_kv_heads, 0, d_head))
    outs = []
    for t in range(seq):
        xt = x[t : t + 1]
        q = _split_heads(xt @ weights["wq"], n_heads)
        k = _split_heads(xt @ weights["wk"], n_kv_heads)
        v = _split_heads(xt @ weights["wv"], n_kv_heads)
        k_cache = np.concatenate([k_cache, k], axis=1)
        v_cache = np.concatenate([v_cache, v], axis=1)
        kk, vv = repeat_kv(k_cache, n_rep), repeat_kv(v_cache, n_rep)
        scores = q @ kk.transpose(0, 2, 1) / np.sqrt(d_head)
        o = _softmax(scores) @ vv
        outs.append(o.transpose(1, 0, 2).reshape(1, -1) @ weights["wo"])
    return np.concatenate(outs, axis=0), k_cache, v_cache
