import numpy as np


def rms_norm(x, weight, eps=1e-6):
    """x: (..., d)，weight: (d,)。返回 x / sqrt(mean(x**2, 最后一维) + eps) * weight。"""
    raise NotImplementedError


def apply_rope(x, base=10000.0):
    """x: (heads, seq, d_head)，d_head 为偶数，第 m 行的位置是 m。
    「前一半/后一半」配对：第 i 维与第 i + d_head/2 维组成一对，旋转角 m * base**(-2i/d_head)。"""
    raise NotImplementedError


def swiglu(x, w1, w2, w3):
    """x: (seq, d_model)；w1、w3: (d_model, d_ff)；w2: (d_ff, d_model)。
    返回 (silu(x @ w1) * (x @ w3)) @ w2，silu(a) = a * sigmoid(a)。"""
    raise NotImplementedError


def llama_block(x, weights, n_heads, n_kv_heads, eps=1e-6, rope_base=10000.0):
    """一个 LLaMA 解码块（pre-norm）：h = x + attn(rms_norm(x))；out = h + mlp(rms_norm(h))。

    x: (seq, d_model) -> (seq, d_model)。weights 的键与形状：
      attn_norm, mlp_norm: (d_model,)
      wq: (d_model, n_heads*d_head)；wk, wv: (d_model, n_kv_heads*d_head)；wo: (n_heads*d_head, d_model)
      w1, w3: (d_model, d_ff)；w2: (d_ff, d_model)
    注意力：RoPE 只作用于 q、k；查询头 h 用 KV 头 h // (n_heads // n_kv_heads)；因果掩码。
    """
    raise NotImplementedError
