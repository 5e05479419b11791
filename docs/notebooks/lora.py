# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
#   llm_interview:
#     entries: [lora-ptuning, sft-forgetting]
# ---

# %% [markdown]
# # 动手实验：在玩具模型上训练 LoRA
#
# LoRA 的做法是冻结预训练权重 $W_0$，在旁边加一条低秩旁路 $\Delta W = BA$：$A$ 把输入降到 $r$ 维，$B$ 再升回来，
# 训练时只更新 $A$ 和 $B$。本实验用一个线性层把这件事完整走一遍：
# 零初始化为什么重要、秩 $r$ 怎样影响效果、能省多少可训练参数、推理前怎样把旁路合并回权重。
#
# 本实验对应的面试题：
#
# - [LoRA 和 P-Tuning 的核心原理分别是什么？](../fine-tuning/peft.md#lora-ptuning)
# - [监督微调之后模型表现下降的原因是什么？](../fine-tuning/forgetting.md#sft-forgetting)

# %%
import matplotlib.pyplot as plt
import numpy as np

plt.rcParams.update({"figure.facecolor": "white", "savefig.facecolor": "white"})
rng = np.random.default_rng(0)

# %% [markdown]
# ## 1. 构造“预训练模型”和“下游任务”
#
# 预训练模型是一个 $64 \times 64$ 的线性层 $W_0$。下游任务需要的权重是 $W_0 + \Delta W^*$，
# 其中 $\Delta W^*$ 主要是一个秩为 4 的变化，再加上一点全秩的小扰动。
# 这对应 LoRA 论文的假设：微调带来的权重变化本身是低秩的。

# %%
d_in, d_out, n_train = 64, 64, 512
W0 = rng.normal(scale=1 / np.sqrt(d_in), size=(d_out, d_in))
U = rng.normal(size=(d_out, 4))
V = rng.normal(size=(4, d_in))
delta_true = 0.3 * U @ V / np.sqrt(d_in) + 0.01 * rng.normal(size=(d_out, d_in))

X = rng.normal(size=(d_in, n_train))
Y = (W0 + delta_true) @ X
X_old = rng.normal(size=(d_in, n_train))
Y_old = W0 @ X_old


def mse(W, X, Y):
    """均方误差。"""
    return float(np.mean((W @ X - Y) ** 2))


print(f"不微调时下游任务的损失: {mse(W0, X, Y):.4f}")

# %% [markdown]
# ## 2. LoRA 层：冻结 $W_0$，训练 $B$ 和 $A$
#
# 前向计算是 $y = W_0 x + \frac{\alpha}{r} B A x$。$A$ 用小随机数初始化，$B$ 初始化为 0。
# 于是训练开始时旁路输出恰好为 0，模型和预训练模型**完全相同**，
# 微调从预训练的函数出发，而不是从一个被随机扰动过的函数出发。
#
# 为了不依赖深度学习框架，梯度手动推导：设 $G = \partial L / \partial (\Delta W)$，则
# $\partial L/\partial B = \frac{\alpha}{r} G A^\top$，$\partial L/\partial A = \frac{\alpha}{r} B^\top G$。
# 优化器用一个简短的 Adam 实现。

# %%
class Adam:
    """最小的 Adam 优化器，参数以字典形式保存。"""

    def __init__(self, params, lr):
        self.params, self.lr, self.t = params, lr, 0
        self.m = {k: np.zeros_like(v) for k, v in params.items()}
        self.v = {k: np.zeros_like(v) for k, v in params.items()}

    def step(self, grads, b1=0.9, b2=0.999, eps=1e-8):
        self.t += 1
        for k, g in grads.items():
            self.m[k] = b1 * self.m[k] + (1 - b1) * g
            self.v[k] = b2 * self.v[k] + (1 - b2) * g * g
            m_hat = self.m[k] / (1 - b1**self.t)
            v_hat = self.v[k] / (1 - b2**self.t)
            self.params[k] -= self.lr * m_hat / (np.sqrt(v_hat) + eps)


def grad_wrt_weight(W, X, Y):
    """均方误差对整个权重矩阵的梯度。"""
    return 2 * (W @ X - Y) @ X.T / Y.size


def train_lora(rank, steps=400, lr=0.01, alpha=8):
    """只训练 B、A；返回每一步的损失和最终的 (B, A, scale)。"""
    p = {"A": rng.normal(scale=1 / np.sqrt(d_in), size=(rank, d_in)), "B": np.zeros((d_out, rank))}
    scale = alpha / rank
    opt, losses = Adam(p, lr), []
    for _ in range(steps):
        W = W0 + scale * p["B"] @ p["A"]
        losses.append(mse(W, X, Y))
        G = grad_wrt_weight(W, X, Y)
        opt.step({"B": scale * G @ p["A"].T, "A": scale * p["B"].T @ G})
    return np.array(losses), (p["B"], p["A"], scale)


def train_full(steps=400, lr=0.01):
    """全参数微调：直接更新整个权重矩阵。"""
    p = {"W": W0.copy()}
    opt, losses = Adam(p, lr), []
    for _ in range(steps):
        losses.append(mse(p["W"], X, Y))
        opt.step({"W": grad_wrt_weight(p["W"], X, Y)})
    return np.array(losses), p["W"]


# %% [markdown]
# 先验证零初始化的效果：在任何训练之前，LoRA 模型的输出和预训练模型逐位相同。

# %%
A0 = rng.normal(size=(4, d_in))
B0 = np.zeros((d_out, 4))
x_probe = rng.normal(size=(d_in, 3))
assert np.array_equal((W0 + B0 @ A0) @ x_probe, W0 @ x_probe), "B=0 时初始增量为 0"
print("训练前 LoRA 模型与预训练模型输出完全一致")

# %% [markdown]
# ## 3. 不同秩的损失曲线与可训练参数量

# %%
ranks = [1, 2, 4, 8]
lora_runs = {r: train_lora(r) for r in ranks}
full_losses, W_full = train_full()

for r in ranks:
    trainable = r * (d_in + d_out)
    print(
        f"r = {r}: 可训练参数 {trainable:5d}（全量的 {trainable / (d_in * d_out):5.1%}），"
        f"最终损失 {lora_runs[r][0][-1]:.5f}"
    )
print(f"全参数微调: 可训练参数 {d_in * d_out:5d}，最终损失 {full_losses[-1]:.5f}")

final = {r: lora_runs[r][0][-1] for r in ranks}
assert lora_runs[1][0][0] == full_losses[0], "所有方法从同一个预训练函数出发"
assert final[1] > final[4], "秩不足以表达任务所需的变化时，损失降不下去"
assert final[4] < 0.1 * lora_runs[4][0][0], "秩达到任务变化的秩后，LoRA 能拟合大部分变化"

# %%
fig, axes = plt.subplots(1, 2, figsize=(12, 4))
for r in ranks:
    axes[0].semilogy(lora_runs[r][0], label=f"LoRA r={r}")
axes[0].semilogy(full_losses, "k--", label="full fine-tuning")
axes[0].set_title("Training loss on the downstream task")
axes[0].set_xlabel("step")
axes[0].set_ylabel("MSE (log scale)")
axes[0].legend()

labels = [f"r={r}" for r in ranks] + ["full"]
counts = [r * (d_in + d_out) for r in ranks] + [d_in * d_out]
axes[1].bar(labels, counts, color=["tab:blue"] * len(ranks) + ["tab:gray"])
axes[1].set_title(f"Trainable parameters ({d_out}x{d_in} layer)")
axes[1].set_ylabel("count")
fig.tight_layout()
plt.show()

# %% [markdown]
# 秩为 1、2 时，旁路表达不了秩为 4 的变化，损失停在较高的位置；秩为 4、8 时，损失降到接近全参数微调的水平，
# 剩下的一点差距来自那部分全秩的小扰动：只有全参数微调能表达它。对一个 $d \times d$ 的层，LoRA 的可训练参数是 $2dr$，远小于 $d^2$。
# 在真实模型里 $d$ 是几千，$r$ 常取 8 或 16，节省更加明显。
#
# ## 4. 对旧任务的影响
#
# 微调后的模型在“预训练时的输入分布”上还好不好？我们用 $W_0$ 的原始输入输出对来衡量。
# 下游任务本身要求改变权重，所以两种方法都会偏离旧任务；区别在于 LoRA 的改动被限制在一个低秩子空间里。

# %%
for r in ranks:
    B, A, scale = lora_runs[r][1]
    print(f"LoRA r = {r}: 旧任务损失 {mse(W0 + scale * B @ A, X_old, Y_old):.5f}")
print(f"全参数微调:   旧任务损失 {mse(W_full, X_old, Y_old):.5f}")

# %% [markdown]
# 秩越小，权重改得越少，旧任务损失越低，但新任务也学得越少：这是一个取舍。秩足够以后，LoRA 和全参数微调
# 对旧任务的影响差不多，因为这个玩具任务本身就要求这么大的改动。真实的 SFT 遗忘还来自数据分布偏窄、学习率过大等原因，
# 所以题目里提到的更小学习率、正则化、混入通用数据等做法同样需要。
#
# ## 5. 合并：推理时没有额外开销
#
# 训练结束后，把 $W = W_0 + \frac{\alpha}{r} BA$ 算出来存成一个普通的矩阵，推理时就和原模型一样只做一次矩阵乘法。

# %%
B, A, scale = lora_runs[4][1]
W_merged = W0 + scale * B @ A
x_test = rng.normal(size=(d_in, 5))
with_adapter = W0 @ x_test + scale * B @ (A @ x_test)
assert np.allclose(W_merged @ x_test, with_adapter), "合并后的权重与旁路计算结果相同"
assert np.linalg.matrix_rank(W_merged - W0) <= 4, "合并进去的增量秩不超过 r"
print("合并后输出与“主干 + 旁路”一致，增量的秩 =", np.linalg.matrix_rank(W_merged - W0))

# %% [markdown]
# ## 小结
#
# - LoRA 冻结 $W_0$，只训练 $B$ 和 $A$；$B$ 初始化为 0，保证训练从预训练模型出发。
# - 秩 $r$ 需要覆盖任务所需权重变化的秩；超过以后，再增大 $r$ 收益很小。
# - 可训练参数从 $d^2$ 降到 $2dr$；训练完可以把 $BA$ 合并回 $W_0$，推理没有额外延迟。
#
# 可以试着改动：把 `delta_true` 里低秩部分的秩从 4 改成 8，再看各个秩的损失曲线。
