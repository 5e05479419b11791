# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
#   llm_interview:
#     entries: [finetune-oom, zero-stages, layernorm-vs-batchnorm]
# ---

# %% [markdown]
# # 动手实验：训练显存、ZeRO 与归一化
#
# 全参数微调为什么动辄要几十上百 GB 显存？ZeRO 的三个阶段各省下了哪一块？
# 显存不够时把批次拆小、做梯度累积，结果和大批次一样吗？再顺带看看 Transformer 为什么用 LayerNorm 而不是 BatchNorm：
# 批大小为 1、序列里有填充时，两者的表现完全不同。
#
# 本实验对应的面试题：
#
# - [全参数微调需要多少显存？样本量变大出现 OOM 时怎么办？](../training/distributed.md#finetune-oom)
# - [ZeRO 的三个阶段分别切分了什么？](../training/distributed.md#zero-stages)
# - [Transformer 为什么用 LayerNorm，而不用 BatchNorm？](../architecture/normalization.md#layernorm-vs-batchnorm)

# %%
import matplotlib.pyplot as plt
import numpy as np

plt.rcParams.update({"figure.facecolor": "white", "savefig.facecolor": "white"})
rng = np.random.default_rng(0)

# %% [markdown]
# ## 1. 全参数微调的显存账
#
# 用 Adam 做混合精度训练时，每个参数要存：fp16 权重（2 字节）、fp16 梯度（2 字节），
# 以及优化器状态——fp32 的主权重、一阶矩、二阶矩（各 4 字节，共 12 字节）。合计每个参数 16 字节，
# 还没算激活值。一个 70 亿参数的模型：

# %%
GiB = 2**30
BYTES = {"fp16 weights": 2, "fp16 gradients": 2, "fp32 optimizer states": 12}


def model_states_gib(n_params):
    """每一类模型状态占用的显存（GiB）。"""
    return {name: n_params * b / GiB for name, b in BYTES.items()}


states_7b = model_states_gib(7e9)
for name, gib in states_7b.items():
    print(f"{name:22s} {gib:6.1f} GiB")
total_7b = sum(states_7b.values())
print(f"{'total':22s} {total_7b:6.1f} GiB（不含激活值）")
assert round(total_7b) == 104, "7B 模型的模型状态约 104 GiB，一张 80 GB 显卡放不下"

# %% [markdown]
# 推理只需要 fp16 权重（约 13 GiB），训练却要 8 倍。优化器状态占了 3/4，这正是 ZeRO 首先切分它的原因。
#
# ## 2. ZeRO 的三个阶段
#
# 普通数据并行里，每张卡都存一整份上面的三类状态。ZeRO 在 $N$ 张卡之间切分它们，每张卡只存 $1/N$：
#
# - **阶段 1**：切分优化器状态；
# - **阶段 2**：再切分梯度；
# - **阶段 3**：再切分权重本身，前向和反向时按需从其他卡收集。

# %%
SHARDED_FROM_STAGE = {"fp32 optimizer states": 1, "fp16 gradients": 2, "fp16 weights": 3}


def per_gpu_states_gib(n_params, n_gpus, stage):
    """ZeRO 某一阶段下每张卡上各类模型状态的显存（GiB）；stage 0 表示普通数据并行。"""
    return {
        name: gib / (n_gpus if stage >= SHARDED_FROM_STAGE[name] else 1)
        for name, gib in model_states_gib(n_params).items()
    }


n_gpus = 8
per_stage = [per_gpu_states_gib(7e9, n_gpus, s) for s in range(4)]
stages = [sum(states.values()) for states in per_stage]
for s, gib in enumerate(stages):
    print(f"ZeRO-{s}：每张卡 {gib:6.1f} GiB")
assert stages[0] > stages[1] > stages[2] > stages[3]
assert np.isclose(stages[3], stages[0] / n_gpus), "阶段 3 把全部模型状态平分到每张卡"

# %% [markdown]
# 8 张卡时，阶段 1 已经把每张卡的占用从约 104 GiB 降到约 36 GiB，阶段 3 降到 13 GiB。
# 代价是通信：阶段 3 每一层前向、反向都要收集权重。
#
# ## 3. 显存不够时把批次拆小
#
# 激活值随批大小线性增长，所以样本变多、批次变大时最先爆的往往是激活。常见做法是把一个大批次拆成
# 几个小批次（micro-batch），逐个前向、反向，把梯度累加起来，最后再更新一次参数。
# 只要损失按样本取平均、模型里没有跨样本的运算（例如 BatchNorm），累积的梯度与大批次**完全相同**。

# %%
X = rng.normal(size=(64, 10))
y = X @ rng.normal(size=10) + 0.1 * rng.normal(size=64)
w = np.zeros(10)


def grad(w, X, y):
    """线性回归均方误差对 w 的梯度（按样本取平均）。"""
    return 2 * X.T @ (X @ w - y) / len(y)


full_batch = grad(w, X, y)
micro = [grad(w, X[i : i + 16], y[i : i + 16]) for i in range(0, 64, 16)]
accumulated = sum(micro) / len(micro)
assert np.allclose(full_batch, accumulated), "4 个 micro-batch 的平均梯度等于整批梯度"
print("梯度累积与整批梯度的最大差:", np.abs(full_batch - accumulated).max())

# %% [markdown]
# 显存只需放下一个 micro-batch 的激活，更新结果不变，代价是多花时间。
# 其他手段——混合精度、激活重计算、ZeRO、模型并行——分别针对上面账单里的不同部分。
#
# ## 4. LayerNorm 与 BatchNorm
#
# 两者的区别在于沿哪个维度求均值和方差。对形状为（批，序列，特征）的激活：
#
# - **BatchNorm** 对每个特征，在批和序列上统计：一个样本的结果取决于同批的其他样本；
# - **LayerNorm** 对每个位置，在特征上统计：每个 token 自己归一化，与批里别的样本无关。

# %%
def batch_norm(x, eps=1e-5):
    mu = x.mean(axis=(0, 1), keepdims=True)
    var = x.var(axis=(0, 1), keepdims=True)
    return (x - mu) / np.sqrt(var + eps)


def layer_norm(x, eps=1e-5):
    mu = x.mean(axis=-1, keepdims=True)
    var = x.var(axis=-1, keepdims=True)
    return (x - mu) / np.sqrt(var + eps)


batch = rng.normal(loc=1.0, scale=2.0, size=(4, 6, 8))  # 4 个样本，6 个位置，8 个特征
first_alone = batch[:1]

ln_together, ln_alone = layer_norm(batch)[0], layer_norm(first_alone)[0]
bn_together, bn_alone = batch_norm(batch)[0], batch_norm(first_alone)[0]
assert np.allclose(ln_together, ln_alone), "LayerNorm：单独处理和成批处理结果相同"
assert not np.allclose(bn_together, bn_alone), "BatchNorm：结果随同批样本变化"
print(f"同一个样本，单独 vs 成批：LN 最大差 {np.abs(ln_together - ln_alone).max():.1e}，"
      f"BN 最大差 {np.abs(bn_together - bn_alone).max():.2f}")

# %% [markdown]
# 再看变长序列：短句子后面补的填充位置会混进 BatchNorm 的统计量，让真实 token 的归一化结果跟着填充的多少变化；
# LayerNorm 逐位置计算，填充多少都不影响真实 token。

# %%
real = rng.normal(loc=1.0, scale=2.0, size=(2, 4, 8))
pad_shift = []
for n_pad in range(0, 13, 2):
    padded = np.concatenate([real, np.zeros((2, n_pad, 8))], axis=1)
    bn_diff = np.abs(batch_norm(padded)[:, :4] - batch_norm(real)).max()
    ln_diff = np.abs(layer_norm(padded)[:, :4] - layer_norm(real)).max()
    pad_shift.append((n_pad, bn_diff, ln_diff))
assert all(ln < 1e-9 for _, _, ln in pad_shift), "LayerNorm 不受填充影响"
assert pad_shift[-1][1] > 0.5, "BatchNorm 的结果被填充明显改变"

# %%
fig, axes = plt.subplots(1, 2, figsize=(12, 4))
bottom = np.zeros(4)
for name in BYTES:
    values = np.array([states[name] for states in per_stage])
    axes[0].bar([f"ZeRO-{s}" for s in range(4)], values, bottom=bottom, label=name)
    bottom += values
axes[0].axhline(80, color="black", linestyle="--", label="80 GB GPU")
axes[0].set_title(f"Model states per GPU, 7B params, {n_gpus} GPUs (Adam, fp16)")
axes[0].set_ylabel("GiB")
axes[0].legend()

pads, bn, ln = zip(*pad_shift, strict=True)
axes[1].plot(pads, bn, "o-", label="BatchNorm")
axes[1].plot(pads, ln, "s-", label="LayerNorm")
axes[1].set_title("Change in real tokens' output as padding grows")
axes[1].set_xlabel("padding positions appended per sequence")
axes[1].set_ylabel("max abs change")
axes[1].legend()
fig.tight_layout()
plt.show()

# %% [markdown]
# 左图：每一阶段多切一类状态，每张卡的模型状态逐级下降；普通数据并行（ZeRO-0）放不进一张 80 GB 显卡。
# 右图：填充越多，BatchNorm 对真实 token 的输出改得越多；LayerNorm 始终不变。
#
# ## 小结
#
# - 混合精度 + Adam 的全参数训练，每个参数约 16 字节模型状态，7B 模型约 104 GiB，还要加上激活值。
# - ZeRO 阶段 1、2、3 依次切分优化器状态、梯度和权重，每张卡的占用随卡数下降。
# - OOM 时可以用梯度累积换显存，只要没有跨样本的运算，更新与大批次完全相同。
# - LayerNorm 逐样本、逐位置归一化，不依赖批大小和填充，适合变长序列和批大小为 1 的推理；BatchNorm 不行。
#
# 可以试着改动：把 `n_gpus` 改成 64，或者把模型换成 70B（`7e9` 改成 `70e9`），看每张卡还需要多少显存。
