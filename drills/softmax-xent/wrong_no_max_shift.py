"""没有先减去最大值：logit 很大时 exp 上溢成 inf，结果变成 nan/inf。"""

import numpy as np


def softmax(x, axis=-1):
    x = np.asarray(x, dtype=np.float64)
    e = np.exp(x)
    return e / e.sum(axis=axis, keepdims=True)


def cross_entropy(logits, targets):
    logits = np.asarray(logits, dtype=np.float64)
    targets = np.asarray(targets, dtype=np.int64)
    lse = np.log(np.exp(logits).sum(axis=-1))
    n = logits.shape[0]
    return float((lse - logits[np.arange(n), targets]).mean())
