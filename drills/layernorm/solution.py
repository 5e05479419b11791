import numpy as np


def layer_norm_forward(x, gamma, beta, eps=1e-5):
    mu = x.mean(axis=-1, keepdims=True)
    var = ((x - mu) ** 2).mean(axis=-1, keepdims=True)  # 总体方差（除以 D），不是无偏估计
    inv_std = 1.0 / np.sqrt(var + eps)  # eps 在根号里面
    xhat = (x - mu) * inv_std
    y = xhat * gamma + beta
    return y, (xhat, inv_std, gamma)


def layer_norm_backward(dy, cache):
    xhat, inv_std, gamma = cache
    dbeta = dy.sum(axis=0)
    dgamma = (dy * xhat).sum(axis=0)  # 参数在 batch 上共享，梯度要对 N 求和
    g = dy * gamma  # 对 xhat 的梯度
    # xhat 依赖 x 的三条路径：直接项、经过均值的项、经过方差的项
    # dx = inv_std * (g - mean(g) - xhat * mean(g * xhat))
    dx = inv_std * (
        g - g.mean(axis=-1, keepdims=True) - xhat * (g * xhat).mean(axis=-1, keepdims=True)
    )
    return dx, dgamma, dbeta


def rms_norm(x, weight, eps=1e-6):
    # 只用均方根缩放，不减均值
    inv_rms = 1.0 / np.sqrt((x * x).mean(axis=-1, keepdims=True) + eps)
    return x * inv_rms * weight
