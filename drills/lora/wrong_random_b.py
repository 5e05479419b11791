"""B 也用随机数初始化：刚创建的层输出就偏离了预训练层，等于给模型加了随机扰动。"""

import numpy as np


class LoRALinear:
    def __init__(self, weight, r, alpha, rng):
        self.weight = np.array(weight, dtype=float)
        out_features, in_features = self.weight.shape
        self.r = r
        self.alpha = alpha
        self.scaling = alpha / r
        self.A = rng.normal(0.0, 0.01, size=(r, in_features))
        self.B = rng.normal(0.0, 0.01, size=(out_features, r))
        self.merged = False

    def forward(self, x):
        y = x @ self.weight.T
        if not self.merged:
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
