# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
#   llm_interview:
#     entries: [multi-head-attention, attention-complexity, decoder-only, mha-vs-mqa, kv-cache-gqa]
# ---

# %% [markdown]
# # 动手实验：从零实现注意力（MHA、MQA 与 GQA）
#
# 这个实验只用 numpy，从缩放点积注意力写起，逐步搭出多头注意力（MHA）、多查询注意力（MQA）和分组查询注意力（GQA），
# 再数一数它们的参数量和 KV Cache 大小，最后看看因果掩码为什么让解码器的注意力矩阵一定满秩。
#
# 本实验对应的面试题：
#
# - [Transformer 为什么要使用多头注意力？](../architecture/attention.md#multi-head-attention)
# - [自注意力的计算复杂度是多少？](../architecture/attention.md#attention-complexity)
# - [为什么现在的大模型大多采用 Decoder-only 架构？](../architecture/structure.md#decoder-only)
# - [MQA 与 MHA 有什么不同？](../inference/kv-cache.md#mha-vs-mqa)
# - [KV Cache 和 GQA 的核心思想是什么？](../inference/kv-cache.md#kv-cache-gqa)
#
# 每个结论都配有 `assert`：只要整本笔记能从头跑到尾，这些结论就在这份代码里成立。

# %%
import matplotlib.pyplot as plt
import numpy as np

plt.rcParams.update({"figure.facecolor": "white", "savefig.facecolor": "white"})
rng = np.random.default_rng(0)

# %% [markdown]
# ## 1. 缩放点积注意力
#
# 对每个查询向量 $q$，注意力先算它和所有键 $k_j$ 的点积，除以 $\sqrt{d}$ 防止维度大时 softmax 过于尖锐，
# 再用 softmax 得到权重，对值向量 $v_j$ 加权求和：
#
# $$\mathrm{Attention}(Q, K, V) = \mathrm{softmax}\!\left(\frac{QK^\top}{\sqrt{d}} + M\right) V$$
#
# 其中 $M$ 是掩码：允许看到的位置为 0，不允许的位置为 $-\infty$。

# %%
def softmax(x, axis=-1):
    """数值稳定的 softmax：先减去最大值再取指数。"""
    z = np.exp(x - x.max(axis=axis, keepdims=True))
    return z / z.sum(axis=axis, keepdims=True)


def causal_mask(n):
    """上三角（不含对角线）为 -inf 的掩码：第 i 个位置只能看到 0..i。"""
    return np.triu(np.full((n, n), -np.inf), k=1)


def attention(q, k, v, mask=None):
    """q: (..., n, d)，k/v: (..., m, d)。返回输出和注意力权重。"""
    scores = q @ np.swapaxes(k, -1, -2) / np.sqrt(q.shape[-1])
    if mask is not None:
        scores = scores + mask
    weights = softmax(scores)
    return weights @ v, weights


n, d = 6, 8
q, k, v = rng.normal(size=(3, n, d))
out, w = attention(q, k, v, causal_mask(n))
assert np.allclose(w.sum(axis=-1), 1.0), "每一行注意力权重之和为 1"
assert np.allclose(np.triu(w, k=1), 0.0), "因果掩码下看不到未来位置"
print("输出形状:", out.shape)

# %% [markdown]
# 分数矩阵 $QK^\top$ 的形状是 $n \times n$：序列长度翻倍，要算的分数就变成四倍。
# 这就是“自注意力的时间与显存复杂度是 $O(n^2)$”的来源（再乘上每个分数的 $O(d)$ 点积代价）。

# %%
for length in (512, 1024, 2048):
    print(f"n = {length:5d}: 分数矩阵元素个数 = {length * length:,}")
assert (2048 * 2048) / (1024 * 1024) == 4

# %% [markdown]
# ## 2. 多头、多查询与分组查询注意力
#
# 多头注意力把模型维度 $d_\text{model}$ 切成 $h$ 个头，每个头在自己的子空间里独立做一次注意力，
# 所以不同的头可以关注不同的关系（例如一个头看相邻词，另一个头看远处的主语）。
#
# 三种变体的差别只在于**键和值有几组**：
#
# | 变体 | 查询头数 | 键/值头数 |
# |---|---|---|
# | MHA | $h$ | $h$ |
# | GQA | $h$ | $g$（$1 < g < h$），每 $h/g$ 个查询头共享一组键值 |
# | MQA | $h$ | 1，所有查询头共享同一组键值 |
#
# 下面用一个函数实现三者：参数 `n_kv` 就是键值头的个数。

# %%
def init_weights(d_model, n_heads, n_kv, rng):
    """随机初始化一层注意力的投影矩阵。"""
    d_head = d_model // n_heads
    scale = 1 / np.sqrt(d_model)
    return {
        "wq": rng.normal(scale=scale, size=(d_model, n_heads * d_head)),
        "wk": rng.normal(scale=scale, size=(d_model, n_kv * d_head)),
        "wv": rng.normal(scale=scale, size=(d_model, n_kv * d_head)),
        "wo": rng.normal(scale=scale, size=(n_heads * d_head, d_model)),
    }


def grouped_attention(x, p, n_heads, n_kv):
    """x: (n, d_model)。n_kv == n_heads 为 MHA，n_kv == 1 为 MQA，其余为 GQA。"""
    n, d_model = x.shape
    d_head = d_model // n_heads
    q = (x @ p["wq"]).reshape(n, n_heads, d_head).transpose(1, 0, 2)
    k = (x @ p["wk"]).reshape(n, n_kv, d_head).transpose(1, 0, 2)
    v = (x @ p["wv"]).reshape(n, n_kv, d_head).transpose(1, 0, 2)
    group = n_heads // n_kv
    k, v = np.repeat(k, group, axis=0), np.repeat(v, group, axis=0)
    out, _ = attention(q, k, v, causal_mask(n))
    return out.transpose(1, 0, 2).reshape(n, n_heads * d_head) @ p["wo"]


d_model, n_heads = 64, 8
x = rng.normal(size=(10, d_model))
for n_kv in (8, 4, 2, 1):
    y = grouped_attention(x, init_weights(d_model, n_heads, n_kv, rng), n_heads, n_kv)
    print(f"n_kv = {n_kv}: 输出形状 {y.shape}")

# %% [markdown]
# GQA 可以看成“键值头被复制了若干份的 MHA”。把 GQA 的键值权重按组复制，得到的 MHA 输出与 GQA 完全相同。
# 这也是论文里用 mean pooling 把已训练的 MHA 键值头合并成 GQA、再少量继续训练的出发点。

# %%
p_gqa = init_weights(d_model, n_heads, 2, rng)
d_head = d_model // n_heads


def repeat_heads(w, group):
    """把 (d_model, n_kv*d_head) 的投影按头复制成 (d_model, n_kv*group*d_head)。"""
    heads = w.reshape(w.shape[0], -1, d_head)
    return np.repeat(heads, group, axis=1).reshape(w.shape[0], -1)


p_mha = dict(p_gqa, wk=repeat_heads(p_gqa["wk"], 4), wv=repeat_heads(p_gqa["wv"], 4))
assert np.allclose(
    grouped_attention(x, p_gqa, n_heads, 2), grouped_attention(x, p_mha, n_heads, n_heads)
)
print("GQA 与复制键值头后的 MHA 输出一致")

# %% [markdown]
# ## 3. 参数量与 KV Cache 随键值头数的变化
#
# 查询和输出投影的大小不变，只有键、值投影随键值头数 $g$ 线性变小。
# 推理时要缓存的是每一层每个位置的键和值，所以每个 token 的 KV Cache 是
# $2 \times \text{层数} \times g \times d_\text{head} \times \text{每个数的字节数}$，同样与 $g$ 成正比。
# 下面用一个 7B 级别的配置（$d_\text{model}=4096$，32 个头，32 层，fp16）来算。

# %%
def attention_params(d_model, n_heads, n_kv):
    """一层注意力四个投影矩阵的参数总数。"""
    d_head = d_model // n_heads
    return 2 * d_model * n_heads * d_head + 2 * d_model * n_kv * d_head


def kv_bytes_per_token(n_layers, n_kv, d_head, bytes_per_value=2):
    """每个 token 在所有层上缓存的键和值的字节数。"""
    return 2 * n_layers * n_kv * d_head * bytes_per_value


D, H, L = 4096, 32, 32
groups = np.array([32, 16, 8, 4, 2, 1])
params = np.array([attention_params(D, H, g) for g in groups]) * L / 1e6
kv_kib = np.array([kv_bytes_per_token(L, g, D // H) for g in groups]) / 1024
for g, p_m, kv in zip(groups, params, kv_kib, strict=True):
    print(f"g = {g:2d}: 注意力参数 {p_m:7.1f} M，每 token KV Cache {kv:6.0f} KiB")
assert kv_kib[0] / kv_kib[-1] == H, "MQA 的 KV Cache 是 MHA 的 1/h"
assert params[-1] > params[0] / 2, "键值共享省下的参数不到注意力参数的一半"

# %% [markdown]
# 可以看到：从 MHA 换到 MQA，KV Cache 缩小到 1/32，注意力参数却只少了不到一半——
# MQA/GQA 的主要收益在推理时的显存和访存，而不是参数量。

# %% [markdown]
# ## 4. 因果掩码与满秩
#
# 关于 Decoder-only 有一个常见论点：双向注意力矩阵 $\mathrm{softmax}(QK^\top/\sqrt{d})$ 可能低秩，表达能力受限；
# 因果注意力矩阵则一定满秩。
#
# 因果注意力矩阵是下三角矩阵，对角线元素是 softmax 的输出，一定大于 0。
# 下三角矩阵的行列式等于对角线元素之积，所以行列式不为 0，**一定满秩**。
#
# 双向注意力没有这个保证。一个最直观的反例：序列里有重复的 token。相同 token 的查询向量相同，
# 而双向注意力里每一行看到的是同一组键，于是这几行完全相同，秩就掉下来了。
# 下面用 16 个位置、只有 4 种不同 token 的序列验证。

# %%
n_pos, n_distinct, d_small = 16, 4, 8
vocab_q, vocab_k = rng.normal(size=(2, n_distinct, d_small))
tokens = rng.integers(0, n_distinct, size=n_pos)
q, k = vocab_q[tokens], vocab_k[tokens]
v_dummy = np.zeros((n_pos, d_small))
_, w_causal = attention(q, k, v_dummy, causal_mask(n_pos))
_, w_bidir = attention(q, k, v_dummy)

rank_causal = np.linalg.matrix_rank(w_causal)
rank_bidir = np.linalg.matrix_rank(w_bidir)
print("token 序列:", tokens)
print(f"因果注意力矩阵的秩 {rank_causal}，双向注意力矩阵的秩 {rank_bidir}")
assert np.all(np.diag(w_causal) > 0), "因果注意力矩阵的对角线全为正"
assert rank_causal == n_pos, "下三角且对角线为正，因此满秩"
assert rank_bidir <= n_distinct, "双向注意力中相同 token 的行完全相同"

# %%
fig, axes = plt.subplots(1, 3, figsize=(13, 3.8))
for ax, weights, name, rank in (
    (axes[0], w_causal, "Causal (decoder)", rank_causal),
    (axes[1], w_bidir, "Bidirectional (encoder)", rank_bidir),
):
    ax.imshow(weights, cmap="viridis")
    ax.set_title(f"{name}: rank {rank} of {n_pos}")
    ax.set_xlabel("key position")
    ax.set_ylabel("query position")
axes[2].bar(groups.astype(str), kv_kib, color="tab:blue")
axes[2].set_title("KV cache per token, 7B-style config")
axes[2].set_xlabel("number of KV heads (32=MHA, 1=MQA)")
axes[2].set_ylabel("KiB per token (fp16)")
fig.tight_layout()
plt.show()

# %% [markdown]
# 左图是因果注意力权重：右上方全部为 0，只能看到过去，每一行都不一样。中图是双向注意力：
# 相同 token 对应的行一模一样，16 行里只有 4 种。右图说明 KV Cache 与键值头数成正比。
#
# 需要说明的是，真实模型里 token 表示还叠加了位置编码，重复行并不会严格出现；这里的反例只说明双向注意力
# “没有满秩保证”，而因果注意力的满秩是无条件成立的。
#
# ## 小结
#
# - 多头注意力让各个头在不同子空间里独立计算注意力；分数矩阵是 $n \times n$，所以复杂度是 $O(n^2 d)$。
# - MHA、GQA、MQA 只在键值头数上不同；KV Cache 与键值头数成正比，参数量变化不大。
# - 因果注意力矩阵下三角、对角线为正，必然满秩；双向注意力没有这个保证。
#   这是“Decoder-only 不受低秩问题限制”这一论点的数学依据。
#
# 可以试着改动：把 `n_distinct` 调大到 16，看双向注意力矩阵的秩会变成多少。
