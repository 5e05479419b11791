import numpy as np


class LoRALinear:
    """冻结的线性层加 LoRA 旁路：y = x W^T + (alpha / r) * x A^T B^T。

    weight: (out_features, in_features)，冻结；在 self.weight 里存一份拷贝。
    self.A: (r, in_features)，用 rng 生成的小随机数；self.B: (out_features, r)，全零。
    self.scaling = alpha / r；self.merged 记录增量是否已并入 self.weight。
    """

    def __init__(self, weight, r, alpha, rng):
        raise NotImplementedError

    def forward(self, x):
        """x: (..., in_features) -> (..., out_features)。"""
        raise NotImplementedError

    def merge(self):
        """把 scaling * B @ A 加进 self.weight；已经合并过就什么也不做。"""
        raise NotImplementedError

    def unmerge(self):
        """从 self.weight 减去增量，恢复原权重；没有合并过就什么也不做。"""
        raise NotImplementedError
