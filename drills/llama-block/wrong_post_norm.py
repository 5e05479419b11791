"""写成了 post-norm：先加残差再归一化（x + attn(x) 之后再 RMSNorm），不是 LLaMA 的 pre-norm。"""

import numpy as np


def rms_norm(x, weight, eps=1e-6):
    rms = np.sqrt(np.mean(x * x, axis=-1, keepdims=True) + eps)
    return x / rms * weight


def apply_rope(x, base=10000.0):
    _, seq, d = x.shape
    half = d // 2
    inv_freq = base ** (-np.arange(half) * 2.0 / d)
    angles = np.arange(seq)[:, None] * inv_freq[None, :]
    cos, sin = np.cos(angles), np.sin(angles)
    x1, x2 = x[..., :half], x[..., half:]
    return np.concatenate([x1 * cos - x2 * sin, x2 * cos + x1 * sin], axis=-1)


def _silu(a):
    return a / (1.0 + np.exp(-a))


def swiglu(x, w1, w2, w3):
    return (_silu(x @ w1) * (x @ w3)) @ w2


def _split_heads(t, n):
    seq = t.shape[0]
    return t.reshape(seq, n, -1).transpose(1, 0, 2)


def _attention(x, w, n_heads, n_kv_heads, rope_base):
    seq = x.shape[0]
    q = apply_rope(_split_heads(x @ w["wq"], n_heads), rope_base)
    k = apply_rope(_split_heads(x @ w["wk"], n_kv_heads), rope_base)
    v = _split_heads(x @ w["wv"], n_kv_heads)
    n_rep = n_heads // n_kv_heads
    k, v = np.repeat(k, n_rep, axis=0), np.repeat(v, n_rep, axis=0)
    scores = q @ k.transpose(0, 2, 1) / np.sqrt(q.shape[-1])
    scores = np.where(np.triu(np.ones((seq, seq), dtype=bool), k=1), -np.inf, scores)
    scores = scores - scores.max(axis=-1, keepdims=True)
    p = np.exp(scores)
    p = p / p.sum(axis=-1, keepdims=True)
    out = (p @ v).transpose(1, 0, 2).reshape(seq, -1)
    return out @ w["wo"]


def llama_block(x, weights, n_heads, n_kv_heads, eps=1e-6, rope_base=10000.0):
    w = weights
    h = rms_norm(x + _attention(x, w, n_heads, n_kv_heads, rope_base), w["attn_norm"], eps)
    return rms_norm(h + swiglu(h, w["w1"], w["w2"], w["w3"]), w["mlp_norm"], eps)
