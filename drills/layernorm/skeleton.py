import numpy as np


def layer_norm_forward(x, gamma, beta, eps=1e-5):
    """LayerNorm 前向：对每一行（最后一维）归一化，再乘 gamma、加 beta。

    x: (N, D)；gamma, beta: (D,)。方差用总体方差（除以 D），eps 加在根号里。
    返回 (y, cache)：y 形状 (N, D)；cache 是反向需要的任何东西，内容自定。
    """
    raise NotImplementedError


def layer_norm_backward(dy, cache):
    """LayerNorm 反向：dy 是损失对 y 的梯度，形状 (N, D)。

    返回 (dx, dgamma, dbeta)，形状分别为 (N, D)、(D,)、(D,)。
    """
    raise NotImplementedError


def rms_norm(x, weight, eps=1e-6):
    """RMSNorm：y = x / sqrt(mean(x**2, 最后一维) + eps) * weight。

    x: (..., D)；weight: (D,)。不减均值、没有偏置。返回与 x 同形状的数组。
    """
    raise NotImplementedError
