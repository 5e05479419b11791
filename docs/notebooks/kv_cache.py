# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
#   llm_interview:
#     entries: [kv-cache-gqa, mha-vs-mqa, repetition]
# ---

# %% [markdown]
# # 动手实验：KV Cache 与解码策略
#
# 大模型生成文本是一个 token 一个 token 地来：每生成一个新 token，都要把它接到已有序列后面再算一遍。
# 本实验用一个随机初始化的小型解码器说明三件事：
# KV Cache 为什么能在输出完全不变的前提下省掉大量计算；
# 真实规模的模型里 MHA、GQA、MQA 的 KV Cache 各占多少显存；
# 温度、top-k、top-p 怎样改变下一个 token 的概率分布。
#
# 本实验对应的面试题：
#
# - [KV Cache 和分组查询注意力（GQA）的核心思想是什么？](../inference/kv-cache.md#kv-cache-gqa)
# - [多查询注意力（MQA）与多头注意力（MHA）有什么不同？](../inference/kv-cache.md#mha-vs-mqa)
# - [如何缓解大模型的“复读机”问题？](../inference/decoding.md#repetition)

# %%
import matplotlib.pyplot as plt
import numpy as np

plt.rcParams.update({"figure.facecolor": "white", "savefig.facecolor": "white"})
rng = np.random.default_rng(0)

# %% [markdown]
# ## 1. 一个玩具解码器
#
# 两层、单头注意力加一个小 MLP，权重随机。为了数清楚计算量，所有矩阵乘法都经过 `matmul`，
# 它顺便累计乘加次数。

# %%
VOCAB, D, N_LAYERS, MAX_LEN = 50, 32, 2, 64
params = {
    "embed": rng.normal(size=(VOCAB, D)),
    "pos": rng.normal(size=(MAX_LEN, D)) * 0.5,
    "layers": [
        {name: rng.normal(scale=D**-0.5, size=(D, D)) for name in ("wq", "wk", "wv", "wo", "w1", "w2")}
        for _ in range(N_LAYERS)
    ],
}
macs = 0


def matmul(a, b):
    """矩阵乘法，并累计乘加次数。"""
    global macs
    macs += a.shape[0] * a.shape[1] * b.shape[1]
    return a @ b


def softmax(x):
    z = np.exp(x - x.max(axis=-1, keepdims=True))
    return z / z.sum(axis=-1, keepdims=True)


def block(x, layer, k_past, v_past):
    """一层解码器。x 是新位置的表示；k_past/v_past 是之前位置的键和值。返回输出和完整的键值。"""
    q = matmul(x, layer["wq"])
    k = np.vstack([k_past, matmul(x, layer["wk"])])
    v = np.vstack([v_past, matmul(x, layer["wv"])])
    n_new, n_all = len(x), len(k)
    scores = matmul(q, k.T) / np.sqrt(D)
    visible = np.arange(n_all)[None, :] <= np.arange(n_all - n_new, n_all)[:, None]
    attn = matmul(softmax(np.where(visible, scores, -np.inf)), v)
    h = x + matmul(attn, layer["wo"])
    return h + matmul(np.tanh(matmul(h, layer["w1"])), layer["w2"]), k, v


def embed(tokens, start):
    """token 嵌入加位置嵌入。"""
    return params["embed"][tokens] + params["pos"][start : start + len(tokens)]


def unembed(x):
    """用共享的嵌入矩阵把最后的表示映射回词表上的 logits。"""
    return matmul(x, params["embed"].T)[0] / np.sqrt(D)


def logits_no_cache(tokens):
    """不用缓存：把整个序列从头算一遍，取最后一个位置的 logits。"""
    x = embed(tokens, 0)
    empty = np.zeros((0, D))
    for layer in params["layers"]:
        x, _, _ = block(x, layer, empty, empty)
    return unembed(x[-1:])


def logits_with_cache(token, position, cache):
    """用缓存：只算新 token，之前各层的键值从 cache 里取，并把新的键值追加进去。"""
    x = embed([token], position)
    for i, layer in enumerate(params["layers"]):
        x, cache[i]["k"], cache[i]["v"] = block(x, layer, cache[i]["k"], cache[i]["v"])
    return unembed(x)


# %% [markdown]
# ## 2. 有缓存与无缓存：输出相同，计算量不同
#
# 因果注意力里，前面位置的键和值不受后面 token 的影响，所以算过一次就可以存起来反复用。
# 下面用贪心解码各生成 40 个 token，记录每一步的 logits 和乘加次数。

# %%
def generate(prompt, steps, use_cache):
    """贪心解码，返回 token 序列、每步的 logits 和每步的乘加次数。"""
    global macs
    tokens, all_logits, cost = list(prompt), [], []
    cache = [{"k": np.zeros((0, D)), "v": np.zeros((0, D))} for _ in range(N_LAYERS)]
    if use_cache:  # 预填充：把提示词（除最后一个 token）的键值写进缓存
        for pos, token in enumerate(prompt[:-1]):
            logits_with_cache(token, pos, cache)
    for _ in range(steps):
        macs = 0
        if use_cache:
            logits = logits_with_cache(tokens[-1], len(tokens) - 1, cache)
        else:
            logits = logits_no_cache(tokens)
        all_logits.append(logits)
        cost.append(macs)
        tokens.append(int(logits.argmax()))
    return tokens, np.array(all_logits), np.array(cost)


prompt = [1, 7, 3]
steps = 40
tok_plain, logits_plain, cost_plain = generate(prompt, steps, use_cache=False)
tok_cached, logits_cached, cost_cached = generate(prompt, steps, use_cache=True)
print("无缓存生成:", tok_plain[len(prompt) :][:15], "...")
print("有缓存生成:", tok_cached[len(prompt) :][:15], "...")
assert tok_plain == tok_cached, "有无缓存生成的 token 完全相同"
assert np.allclose(logits_plain, logits_cached), "每一步的 logits 在数值误差内相同"

# %% [markdown]
# 再看每一步的乘加次数。设当前长度为 $t$：不用缓存时，每一步要对 $t$ 个位置重做投影（$\propto t d^2$）
# 并计算 $t \times t$ 的注意力分数（$\propto t^2 d$），单步代价随 $t$ **二次**增长；
# 用缓存时只对 1 个新位置做投影，注意力是 $1 \times t$，单步代价随 $t$ **线性**增长。
# 二次函数的二阶差分是常数，线性函数的二阶差分是 0，下面直接检查这一点。

# %%
second_diff_plain = np.diff(cost_plain, 2)
second_diff_cached = np.diff(cost_cached, 2)
print("无缓存单步代价的二阶差分:", set(second_diff_plain.tolist()))
print("有缓存单步代价的二阶差分:", set(second_diff_cached.tolist()))
assert len(set(second_diff_plain.tolist())) == 1 and second_diff_plain[0] > 0, "无缓存：单步代价是二次函数"
assert np.all(second_diff_cached == 0) and cost_cached[1] > cost_cached[0], "有缓存：单步代价是线性函数"
print(f"生成 {steps} 个 token 的总乘加次数：无缓存 {cost_plain.sum():,}，有缓存 {cost_cached.sum():,}")

# %% [markdown]
# ## 3. 真实规模下的 KV Cache 显存
#
# 每个 token 在每一层都要存一份键和一份值，大小是 $2 \times \text{层数} \times \text{键值头数} \times d_\text{head} \times \text{字节数}$。
# 下面用两个与公开模型相仿的配置估算 fp16 下、4096 个 token 的上下文、批大小 8 时的 KV Cache：
#
# - 7B 级：32 层，32 个查询头，$d_\text{head} = 128$；
# - 70B 级：80 层，64 个查询头，$d_\text{head} = 128$。
#
# 对每个配置分别假设用 MHA（键值头数等于查询头数）、GQA（8 组）和 MQA（1 组）。

# %%
def kv_cache_gib(n_layers, n_kv_heads, d_head, seq_len, batch, bytes_per_value=2):
    """KV Cache 的总大小（GiB）。"""
    return 2 * n_layers * n_kv_heads * d_head * seq_len * batch * bytes_per_value / 2**30


configs = {"7B-style": (32, 32), "70B-style": (80, 64)}
variants = {"MHA": None, "GQA-8": 8, "MQA": 1}
table = {}
for name, (layers, heads) in configs.items():
    for variant, n_kv in variants.items():
        table[name, variant] = kv_cache_gib(layers, n_kv or heads, 128, seq_len=4096, batch=8)
        print(f"{name:9s} {variant:5s}: {table[name, variant]:7.2f} GiB")

assert table["7B-style", "MHA"] == 16.0, "7B 级 MHA：每个 token 0.5 MiB，4096×8 个 token 共 16 GiB"
assert table["70B-style", "MHA"] / table["70B-style", "GQA-8"] == 8, "GQA-8 把 KV Cache 缩小到 MHA 的 1/8"
assert table["70B-style", "MHA"] / table["70B-style", "MQA"] == 64, "MQA 缩小到 1/查询头数"

# %%
fig, axes = plt.subplots(1, 2, figsize=(12, 4))
axes[0].plot(np.arange(steps), cost_plain / 1e3, "o-", ms=3, label="no cache (recompute all)")
axes[0].plot(np.arange(steps), cost_cached / 1e3, "o-", ms=3, label="with KV cache")
axes[0].set_title("Cost of each decoding step (toy decoder)")
axes[0].set_xlabel("generated tokens so far")
axes[0].set_ylabel("multiply-adds (thousands)")
axes[0].legend()

width = 0.25
for i, variant in enumerate(variants):
    values = [table[name, variant] for name in configs]
    axes[1].bar(np.arange(len(configs)) + (i - 1) * width, values, width, label=variant)
axes[1].set_xticks(np.arange(len(configs)), list(configs))
axes[1].set_yscale("log")
axes[1].set_ylabel("GiB (fp16, 4096 tokens x batch 8)")
axes[1].set_title("KV cache memory")
axes[1].legend()
fig.tight_layout()
plt.show()

# %% [markdown]
# 左图是第 2 节的计算量：不用缓存时单步代价沿抛物线上升，用缓存时几乎是一条平线（缓慢线性增长）。
# 右图是 KV Cache 显存（对数坐标）。70B 级模型如果用 MHA，这个批次光 KV Cache 就要 80 GiB，已经装不下一张 80 GB 显卡，更别提还有 140 GB 的权重。
# 这就是大模型普遍改用 GQA 的原因：8 组时 KV Cache 只剩 1/8，质量又比 MQA 更接近 MHA。

# %% [markdown]
# ## 4. 温度、top-k 与 top-p
#
# 模型每一步输出 logits，经过 softmax 变成下一个 token 的概率分布。解码策略就是在采样前改造这个分布：
#
# - **温度** $\tau$：用 $\mathrm{softmax}(z/\tau)$，$\tau<1$ 让分布更尖（更保守），$\tau>1$ 让分布更平（更多样）；
# - **top-k**：只保留概率最高的 $k$ 个 token，再归一化；
# - **top-p（核采样）**：按概率从高到低累加，保留累计概率首次达到 $p$ 的最小集合，再归一化。
#
# 玩具模型的分布太尖，画出来看不清，所以这里用一组按大小排好的示例 logits（20 个 token）。

# %%
def with_temperature(logits, tau):
    return softmax(logits / tau)


def top_k(probs, k):
    """只保留概率最高的 k 个 token。"""
    keep = np.argsort(probs)[::-1][:k]
    out = np.zeros_like(probs)
    out[keep] = probs[keep]
    return out / out.sum()


def top_p(probs, p):
    """保留累计概率首次达到 p 的最小 token 集合。"""
    order = np.argsort(probs)[::-1]
    n_keep = int(np.searchsorted(np.cumsum(probs[order]), p) + 1)
    out = np.zeros_like(probs)
    out[order[:n_keep]] = probs[order[:n_keep]]
    return out / out.sum()


def entropy(p):
    nz = p[p > 0]
    return float(-(nz * np.log(nz)).sum())


next_logits = np.sort(rng.normal(scale=1.5, size=20))[::-1]
base = softmax(next_logits)
temps = {tau: with_temperature(next_logits, tau) for tau in (0.5, 1.0, 2.0)}
pk = top_k(base, 5)
pp = top_p(base, 0.8)

for dist in (*temps.values(), pk, pp):
    assert np.isclose(dist.sum(), 1.0), "每个分布的概率之和为 1"
assert entropy(temps[0.5]) < entropy(temps[1.0]) < entropy(temps[2.0]), "温度越高，分布越平"
assert np.count_nonzero(pk) == 5, "top-k 恰好保留 k 个 token"
kept = np.sort(base[pp > 0])[::-1]
assert kept.sum() >= 0.8 > kept[:-1].sum(), "top-p 保留的是累计概率达到 p 的最小集合"
print(f"top-p=0.8 保留了 {np.count_nonzero(pp)} 个 token，它们原本的累计概率是 {kept.sum():.3f}")

# %%
fig, axes = plt.subplots(1, 2, figsize=(12, 4))
ids = np.arange(len(base))
for tau, dist in temps.items():
    axes[0].plot(ids, dist, "o-", ms=3, label=f"temperature {tau}")
axes[0].set_title("Temperature reshapes the distribution")
axes[0].set_xlabel("token id")
axes[0].set_ylabel("probability")
axes[0].legend()

axes[1].bar(ids - 0.3, base, 0.3, label="original")
axes[1].bar(ids, pk, 0.3, label="top-k, k=5")
axes[1].bar(ids + 0.3, pp, 0.3, label="top-p, p=0.8")
axes[1].set_title("Truncation: top-k and top-p")
axes[1].set_xlabel("token id")
axes[1].legend()
fig.tight_layout()
plt.show()

# %% [markdown]
# ## 5. 采样与“复读机”
#
# 贪心解码每一步都选概率最大的 token，一旦模型进入某个状态循环，就会一直重复下去。
# 下面比较贪心解码和温度 1.0 加 top-p 0.9 采样生成的 60 个 token 中，不重复的 3-gram 所占的比例。

# %%
def distinct_ngrams(tokens, n=3):
    grams = [tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1)]
    return len(set(grams)) / len(grams)


def sample_sequence(prompt, steps, tau, p):
    tokens = list(prompt)
    for _ in range(steps):
        probs = top_p(with_temperature(logits_no_cache(tokens), tau), p)
        tokens.append(int(rng.choice(VOCAB, p=probs)))
    return tokens


greedy_tokens, _, _ = generate(prompt, 60, use_cache=True)
sampled_tokens = sample_sequence(prompt, 60, tau=1.0, p=0.9)
print("贪心解码:", greedy_tokens[-20:])
print("采样解码:", sampled_tokens[-20:])
d_greedy, d_sampled = distinct_ngrams(greedy_tokens), distinct_ngrams(sampled_tokens)
print(f"不重复 3-gram 比例：贪心 {d_greedy:.2f}，采样 {d_sampled:.2f}")
assert d_sampled > d_greedy, "加入随机性后重复更少"

# %% [markdown]
# 温度和 top-p 引入的随机性让生成跳出循环，这就是题目里“调整温度参数、引入随机性”缓解复读机问题的原理；
# 真实系统还常配合重复惩罚（对已经出现过的 token 降低 logits）。
#
# ## 小结
#
# - KV Cache 缓存之前位置的键和值，输出与不缓存完全相同，单步计算从随 $t$ 二次增长降为线性增长。
# - KV Cache 的大小与键值头数成正比：GQA-8 是 MHA 的 1/8，MQA 是 1/查询头数；在 70B 级别上这就是能否放进显卡的区别。
# - 温度改变分布的“尖锐”程度，top-k 和 top-p 截掉尾部低概率 token；它们都只改变采样，不改变模型。
#
# 可以试着改动：把 `prompt` 换成别的 token，或者把采样温度调到 0.3，看重复程度怎样变化。
