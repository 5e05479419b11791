import numpy as np


def repeat_kv(kv, n_rep):
    """(n_kv_heads, seq, d_head) -> (n_kv_heads * n_rep, seq, d_head)，头 h 用 kv[h // n_rep]。"""
    # np.repeat 让每个 KV 头连续复制 n_rep 次：[k0, k0, k1, k1]；np.tile 会得到 [k0, k1, k0, k1]
    return np.repeat(kv, n_rep, axis=0)


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
    q = _split_heads(x @ weights["wq"], n_heads)  # (H, seq, dh)
    k = _split_heads(x @ weights["wk"], n_kv_heads)  # (G, seq, dh)
    v = _split_heads(x @ weights["wv"], n_kv_heads)
    # 若用 RoPE：在这里按位置 0..seq-1 旋转 q 和 k（不旋转 v）
    n_rep = n_heads // n_kv_heads
    k, v = repeat_kv(k, n_rep), repeat_kv(v, n_rep)
    d_head = q.shape[-1]
    scores = q @ k.transpose(0, 2, 1) / np.sqrt(d_head)  # (H, seq, seq)
    # 严格上三角（k=1）是「未来」，对角线（自己）要保留
    future = np.triu(np.ones((seq, seq), dtype=bool), k=1)
    scores = np.where(future, -np.inf, scores)
    out = _softmax(scores) @ v  # (H, seq, dh)
    return out.transpose(1, 0, 2).reshape(seq, -1) @ weights["wo"]


def decode_with_cache(x, weights, n_heads, n_kv_heads):
    seq = x.shape[0]
    n_rep = n_heads // n_kv_heads
    d_head = weights["wq"].shape[1] // n_heads
    # 缓存只存 n_kv_heads 个头：这正是 GQA 省显存的地方
    k_cache = np.zeros((n_kv_heads, 0, d_head))
    v_cache = np.zeros((n_kv_heads, 0, d_head))
    outs = []
    for t in range(seq):
        xt = x[t : t + 1]  # (1, d_model)：每步只投影当前 token
        q = _split_heads(xt @ weights["wq"], n_heads)  # (H, 1, dh)
        k = _split_heads(xt @ weights["wk"], n_kv_heads)  # (G, 1, dh)
        v = _split_heads(xt @ weights["wv"], n_kv_heads)
        # 若用 RoPE：在这里按位置 t 旋转 q 和 k，再把旋转后的 k 存进缓存
        # 先追加再做注意力：当前 token 要能看到自己
        k_cache = np.concatenate([k_cache, k], axis=1)
        v_cache = np.concatenate([v_cache, v], axis=1)
        kk, vv = repeat_kv(k_cache, n_rep), repeat_kv(v_cache, n_rep)
        # 缓存里只有过去和当前的位置，不需要因果掩码
        scores = q @ kk.transpose(0, 2, 1) / np.sqrt(d_head)  # (H, 1, t+1)
        o = _softmax(scores) @ vv  # (H, 1, dh)
        outs.append(o.transpose(1, 0, 2).reshape(1, -1) @ weights["wo"])
    return np.concatenate(outs, axis=0), k_cache, v_cache
