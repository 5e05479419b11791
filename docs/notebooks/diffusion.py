# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
#   llm_interview:
#     entries: [diffusion-random-timestep, sd-vs-diffusion, stable-diffusion-components]
# ---

# %% [markdown]
# # 动手实验：二维玩具数据上的扩散模型
#
# 图像扩散模型的数学在二维点上完全一样，而二维点可以直接画出来。本实验在一个“8 个小簇排成一圈”的分布上：
# 按 β 调度逐步加噪，看数据怎样变成标准高斯；比较“每个样本随机选时间步”和“按顺序递增时间步”两种训练方式；
# 最后从纯噪声出发反向采样，看能否恢复原来的分布。
#
# 本实验对应的面试题：
#
# - [扩散模型训练时，为什么每个样本要随机选择一个时间步？](../diffusion/principles.md#diffusion-random-timestep)
# - [Stable Diffusion 相比原始扩散模型主要解决了什么问题？](../diffusion/stable-diffusion.md#sd-vs-diffusion)
# - [Stable Diffusion 由哪几个组件构成？](../diffusion/stable-diffusion.md#stable-diffusion-components)

# %%
import matplotlib.pyplot as plt
import numpy as np

plt.rcParams.update({"figure.facecolor": "white", "savefig.facecolor": "white"})
rng = np.random.default_rng(0)

# %% [markdown]
# ## 1. 数据和 β 调度
#
# 数据是 8 个高斯小簇，中心均匀分布在半径为 2 的圆上。前向过程每一步加一点噪声：
# $q(x_t \mid x_{t-1}) = \mathcal{N}(\sqrt{1-\beta_t}\,x_{t-1}, \beta_t I)$。
# 记 $\alpha_t = 1-\beta_t$、$\bar\alpha_t = \prod_{s \le t} \alpha_s$，可以一步跳到任意时间步：
#
# $$x_t = \sqrt{\bar\alpha_t}\,x_0 + \sqrt{1-\bar\alpha_t}\,\varepsilon,\quad \varepsilon \sim \mathcal{N}(0, I)$$
#
# 这条性质很关键：训练时不需要真的一步步加噪，任意时间步的样本都能直接算出来。

# %%
T = 100
betas = np.linspace(1e-4, 0.1, T)
alphas = 1 - betas
alpha_bar = np.cumprod(alphas)

n_modes, radius, spread = 8, 2.0, 0.15
angles = 2 * np.pi * np.arange(n_modes) / n_modes
centers = radius * np.c_[np.cos(angles), np.sin(angles)]


def sample_data(n):
    """从 8 个小簇的混合分布中采样。"""
    which = rng.integers(0, n_modes, size=n)
    return centers[which] + spread * rng.normal(size=(n, 2))


def noisy(x0, t):
    """按闭式公式直接得到第 t 步的加噪样本，返回 (x_t, 所加的噪声)。"""
    eps = rng.normal(size=x0.shape)
    ab = alpha_bar[t].reshape(-1, 1)
    return np.sqrt(ab) * x0 + np.sqrt(1 - ab) * eps, eps


x0 = sample_data(4000)
x_T, _ = noisy(x0, np.full(len(x0), T - 1))
print(f"最后一步 alpha_bar = {alpha_bar[-1]:.4f}")
print("x_T 的均值:", x_T.mean(axis=0).round(3), " 协方差:\n", np.cov(x_T.T).round(3))
assert alpha_bar[-1] < 0.01, "最后一步几乎不剩原始信号"
assert np.allclose(x_T.mean(axis=0), 0, atol=0.1), "x_T 的均值接近 0"
assert np.allclose(np.cov(x_T.T), np.eye(2), atol=0.1), "x_T 的协方差接近单位阵"

# %% [markdown]
# ## 2. 噪声预测模型
#
# 扩散模型训练一个网络 $\varepsilon_\theta(x_t, t)$ 去预测加进去的噪声，损失是 $\lVert \varepsilon_\theta(x_t, t) - \varepsilon \rVert^2$。
# 为了只用 numpy，这里的“网络”是一组固定的随机傅里叶特征 $\phi(x_t, t)$ 加一个可训练的线性层，用 SGD 训练。
#
# 对这个数据分布，理论上最优的噪声预测可以直接写出来（加噪后的分布仍是高斯混合），
# 我们用它作为参照：它给出每个时间步损失的下限。

# %%
n_features = 256
freqs = rng.normal(size=(3, n_features)) * np.array([[1.5], [1.5], [6.0]])
phases = rng.uniform(0, 2 * np.pi, n_features)


def features(xt, t):
    """把 (x_t, t/T) 映射成随机傅里叶特征。"""
    z = np.c_[xt, t / T]
    return np.cos(z @ freqs + phases) * np.sqrt(2 / n_features)


def optimal_eps(xt, t):
    """高斯混合数据下的精确噪声预测 E[eps | x_t]。"""
    ab = alpha_bar[t].reshape(-1, 1, 1)
    var = ab * spread**2 + 1 - ab
    diff = xt[:, None, :] - np.sqrt(ab) * centers[None]
    logw = -(diff**2).sum(-1) / (2 * var[..., 0])
    w = np.exp(logw - logw.max(axis=1, keepdims=True))
    w /= w.sum(axis=1, keepdims=True)
    score = -(w[..., None] * diff / var).sum(axis=1)
    return -np.sqrt(1 - ab[:, 0]) * score


def train(timestep_order, steps=2000, batch=128, lr=0.5):
    """timestep_order 为 "random" 时每个样本随机选 t，为 "increasing" 时 t 随训练进度递增。"""
    W = np.zeros((n_features, 2))
    for step in range(steps):
        if timestep_order == "random":
            t = rng.integers(0, T, size=batch)
        else:
            t = np.full(batch, step * T // steps)
        xt, eps = noisy(sample_data(batch), t)
        f = features(xt, t)
        W -= lr * 2 * f.T @ (f @ W - eps) / batch
    return W


def loss_per_timestep(predict, n=400):
    """每个时间步上噪声预测的均方误差。"""
    losses = []
    for t in range(T):
        tt = np.full(n, t)
        xt, eps = noisy(sample_data(n), tt)
        losses.append(np.mean((predict(xt, tt) - eps) ** 2))
    return np.array(losses)


# %% [markdown]
# ## 3. 为什么每个样本随机选一个时间步
#
# 两种训练方式用同样多的步数和样本。“递增”方式先只练小的 $t$，最后只练大的 $t$。
# 一个共享参数的模型在后面的训练中会把前面学到的东西覆盖掉；而且不同时间步的损失量级差别很大，
# 按顺序训练时模型的注意力会被当前阶段牵着走。随机采样让每一批都覆盖各个时间步，梯度是对整个目标的无偏估计。

# %%
W_random = train("random")
W_increasing = train("increasing")
loss_random = loss_per_timestep(lambda xt, t: features(xt, t) @ W_random)
loss_increasing = loss_per_timestep(lambda xt, t: features(xt, t) @ W_increasing)
loss_optimal = loss_per_timestep(optimal_eps)
print(f"平均损失  随机时间步: {loss_random.mean():.3f}")
print(f"平均损失  递增时间步: {loss_increasing.mean():.3f}")
print(f"平均损失  理论最优:   {loss_optimal.mean():.3f}")
assert loss_random.mean() < loss_increasing.mean(), "随机时间步训练的整体效果更好"
assert loss_optimal.mean() <= loss_random.mean() + 0.01, "理论最优是下限"

# %% [markdown]
# ## 4. 反向采样
#
# 反向过程从 $x_T \sim \mathcal{N}(0, I)$ 出发，每一步用预测的噪声去掉一点噪声、再加回一点新的随机性（DDPM 采样）：
#
# $$x_{t-1} = \frac{1}{\sqrt{\alpha_t}}\left(x_t - \frac{\beta_t}{\sqrt{1-\bar\alpha_t}}\,\varepsilon_\theta(x_t, t)\right) + \sqrt{\beta_t}\,z$$
#
# 我们分别用理论最优的噪声预测和随机时间步训练出的小模型来采样。

# %%
def reverse_sample(predict, n=2000):
    """DDPM 反向采样，返回最终样本。"""
    x = rng.normal(size=(n, 2))
    for t in range(T - 1, -1, -1):
        eps_hat = predict(x, np.full(n, t))
        x = (x - betas[t] / np.sqrt(1 - alpha_bar[t]) * eps_hat) / np.sqrt(alphas[t])
        if t > 0:
            x += np.sqrt(betas[t]) * rng.normal(size=x.shape)
    return x


def mode_shares(x):
    """每个样本归到最近的簇中心，返回各簇占比和到最近中心的距离。"""
    dist = np.linalg.norm(x[:, None] - centers[None], axis=-1)
    return np.bincount(dist.argmin(axis=1), minlength=n_modes) / len(x), dist.min(axis=1)


samples_opt = reverse_sample(optimal_eps)
samples_learned = reverse_sample(lambda xt, t: features(xt, t) @ W_random)
shares, nearest = mode_shares(samples_opt)
print("理论最优采样：各簇占比", shares.round(3))
print(f"理论最优采样：离最近簇中心 3 倍标准差以内的比例 {np.mean(nearest < 3 * spread):.3f}")
assert np.mean(nearest < 3 * spread) > 0.95, "采样结果落回数据所在的小簇"
assert shares.min() > 0.08, "8 个簇都被采到，没有丢失模式"
print(f"小模型采样：离最近簇中心 3 倍标准差以内的比例 {np.mean(mode_shares(samples_learned)[1] < 3 * spread):.3f}")

# %%
fig, axes = plt.subplots(2, 3, figsize=(12, 8))
for ax, t in zip(axes[0], (0, 20, T - 1), strict=True):
    xt, _ = noisy(x0[:1500], np.full(1500, t))
    ax.scatter(*xt.T, s=2, alpha=0.5, color="tab:blue")
    ax.set_title(f"forward: t={t + 1}, alpha_bar={alpha_bar[t]:.3f}")
for ax, pts, name, color in (
    (axes[1, 0], x0[:2000], "data (for reference)", "tab:blue"),
    (axes[1, 1], samples_opt, "reverse: exact noise predictor", "tab:orange"),
    (axes[1, 2], samples_learned, "reverse: small trained model", "tab:orange"),
):
    ax.scatter(*pts.T, s=2, alpha=0.5, color=color)
    ax.set_title(name)
for ax in axes.flat:
    ax.set_xlim(-3.5, 3.5)
    ax.set_ylim(-3.5, 3.5)
    ax.set_aspect("equal")
fig.tight_layout()
plt.show()

fig, ax = plt.subplots(figsize=(8, 3.6))
ax.plot(np.arange(1, T + 1), loss_increasing, label="trained with increasing t")
ax.plot(np.arange(1, T + 1), loss_random, label="trained with random t per example")
ax.plot(np.arange(1, T + 1), loss_optimal, "k--", label="exact predictor (lower bound)")
ax.set_xlabel("timestep t")
ax.set_ylabel("noise prediction MSE")
ax.set_title("Loss at each timestep after training")
ax.legend()
fig.tight_layout()
plt.show()

# %% [markdown]
# 第一张图的上排是前向过程：圆环上的 8 个小簇逐渐模糊，最后变成一团标准高斯。下排左边是原始数据，中间和右边是反向采样：
# 精确的噪声预测几乎完美地恢复了 8 个小簇；只有 256 个特征的小模型恢复出了大致的环形结构，但簇更模糊——
# 模型容量决定了还原的精度，这也是真实扩散模型需要 U-Net 这类大网络的原因。
#
# 第二张图是每个时间步上的损失：小 $t$ 时噪声很小、几乎无法从 $x_t$ 中分辨，连理论最优的损失都接近 1；
# 按递增顺序训练的模型在大部分时间步上都明显差于随机时间步训练的模型。
#
# ## 5. 为什么 Stable Diffusion 要在潜空间里做扩散
#
# 反向采样每一步都要对整张“图”跑一次噪声预测网络，要跑 $T$ 步。原始扩散模型直接在像素上做，
# 一张 512×512 的彩色图有 $3 \times 512 \times 512$ 个数；Stable Diffusion 先用 VAE 编码到 $4 \times 64 \times 64$ 的潜变量，
# 在潜空间里扩散，最后再解码回像素。每一步要处理的数据量少了几十倍。

# %%
pixel_dims = 3 * 512 * 512
latent_dims = 4 * 64 * 64
print(f"像素空间 {pixel_dims:,} 维，潜空间 {latent_dims:,} 维，缩小 {pixel_dims // latent_dims} 倍")
assert pixel_dims // latent_dims == 48

# %% [markdown]
# ## 小结
#
# - 前向过程有闭式解，任意时间步的加噪样本可以一步得到；$\bar\alpha_T \approx 0$ 时数据变成标准高斯。
# - 训练时每个样本随机选时间步，让每一批的梯度都覆盖全部时间步；按顺序训练会顾此失彼。
# - 反向采样从噪声出发逐步去噪，噪声预测越准，恢复的分布越接近原数据。
# - Stable Diffusion 把扩散搬到压缩后的潜空间，每一步的计算量大幅下降。
#
# 可以试着改动：把 `T` 改成 20 或把 `betas` 的最大值调小，看 $x_T$ 是否还接近标准高斯、采样质量怎样变化。
