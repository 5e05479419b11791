import numpy as np


def softmax(x, axis=-1):
    """数值稳定的 softmax。

    x: 任意形状的浮点数组；axis: 沿哪一维归一化（默认最后一维）。
    返回与 x 同形状的数组，沿 axis 每一条都非负且和为 1。
    logit 很大（如 1000）或很小（如 -1000）时也不能出现 inf/nan。
    """
    raise NotImplementedError


def cross_entropy(logits, targets):
    """多分类交叉熵，返回对 batch 取平均后的标量损失。

    logits: (N, C) 浮点数组，未经 softmax；targets: (N,) 整数数组，取值 0..C-1。
    返回 float：-(1/N) * sum_n log softmax(logits[n])[targets[n]]。
    要用 log-sum-exp 直接算 log-softmax，不能先 softmax 再取 log。
    """
    raise NotImplementedError
