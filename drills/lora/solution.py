import numpy as np


class LoRALinear:
    """冻结的线性层加 LoRA 旁路：y = x W^T + (alpha / r) * x A^T B^T。"""

    def __init__(self, weight, r, alpha, rng):
        # 拷贝一份：合并时改的是自己的权重，不能改到调用方（共享的预训练权重）
        self.weight = np.array(weight, dtype=float)
        out_features, in_features = self.weight.shape
        self.r = r
        self.alpha = alpha
        self.scaling = alpha / r
        # A 随机、B 为零：初始增量 BA = 0，输出与原层一致，而 B 的梯度不为零
        self.A = rng.normal(0.0, 0.01, size=(r, in_features))
        self.B = np.zeros((out_features, r))
        self.merged = False

    def forward(self, x):
        y = x @ self.weight.T
        if not self.merged:
            # 先乘 A 降到 r 维再乘 B：不必构造 (out, in) 的增量矩阵
            y = y + self.scaling * ((x @ self.A.T) @ self.B.T)
        return y

    def merge(self):
        if not self.merged:
            self.weight = self.weight + self.scaling * (self.B @ self.A)
            self.merged = True

    def unmerge(self):
        if self.merged:
            self.weight = self.weight - self.scaling * (self.B @ self.A)
            self.merged = False
