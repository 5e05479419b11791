import numpy as np


def softmax(x, axis=-1):
    x = np.asarray(x, dtype=np.float64)
    # 减去最大值：softmax 对整体平移不变，且平移后最大项是 exp(0)=1，不会上溢，分母至少为 1
    shifted = x - x.max(axis=axis, keepdims=True)
    e = np.exp(shifted)
    return e / e.sum(axis=axis, keepdims=True)


def log_softmax(x, axis=-1):
    x = np.asarray(x, dtype=np.float64)
    m = x.max(axis=axis, keepdims=True)
    # log-sum-exp：log Σ exp(x) = m + log Σ exp(x - m)
    lse = m + np.log(np.exp(x - m).sum(axis=axis, keepdims=True))
    return x - lse


def cross_entropy(logits, targets):
    logits = np.asarray(logits, dtype=np.float64)
    targets = np.asarray(targets, dtype=np.int64)
    logp = log_softmax(logits, axis=-1)  # (N, C)，每一行对类别归一化
    n = logits.shape[0]
    picked = logp[np.arange(n), targets]  # 每个样本取正确类别的对数概率
    return float(-picked.mean())  # 对 batch 取平均，而不是求和
