"""缩放系数用了 alpha 而不是 alpha / r：旁路输出放大了 r 倍，换 r 时有效步长也跟着变。"""

import numpy as np


class LoRALinear:
    def __init__(self, weight, r, alpha, rng):
        self.weight = np.array(weight, dtype=float)
        out_features, in_features = self.weight.shape
        self.r = r
        self.alpha = alpha
        self.scaling = alpha
        self.A = rng.normal(0.0, 0.01, size=(r, in_features))
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
