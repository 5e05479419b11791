"""A 和 B 都初始化为零：初始输出虽然不变，但 B 的梯度（正比于 A）也是零，训练无法启动。"""

import numpy as np


class LoRALinear:
    def __init__(self, weight, r, alpha, rng):
        self.weight = np.array(weight, dtype=float)
        out_features, in_features = self.weight.shape
        self.r = r
        self.alpha = alpha
        self.scaling = alpha / r
        self.A = np.zeros((r, in_features))
        self.B = np.zeros((out_features, r))
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
