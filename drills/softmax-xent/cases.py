import math

import numpy as np


def _softmax_list(values):
    """朴素的 softmax（只用于数值不大的小例子）。"""
    e = [math.exp(v) for v in values]
    s = sum(e)
    return [v / s for v in e]


def test_softmax_small_example():
    x = np.array([1.0, 2.0, 3.0])
    expect_close(softmax(x), _softmax_list([1.0, 2.0, 3.0]), "softmax([1, 2, 3]) 算错了")


def test_softmax_along_given_axis():
    rng = np.random.default_rng(0)
    x = rng.normal(size=(2, 3, 4))
    for axis in (1, -1):
        want = np.zeros_like(x)
        for i in range(x.shape[0]):
            if axis == 1:
                for k in range(x.shape[2]):
                    want[i, :, k] = _softmax_list(list(x[i, :, k]))
            else:
                for j in range(x.shape[1]):
                    want[i, j, :] = _softmax_list(list(x[i, j, :]))
        expect_close(softmax(x, axis=axis), want, f"softmax 没有沿 axis={axis} 归一化")


def test_softmax_large_and_very_negative_logits():
    x = np.array([[1000.0, 1001.0, 1002.0], [-1000.0, -1000.0, -1000.0]])
    # softmax 对整体平移不变：第 0 行等于 softmax([0, 1, 2])，第 1 行是均匀分布
    want = np.array([_softmax_list([0.0, 1.0, 2.0]), [1 / 3, 1 / 3, 1 / 3]])
    expect_close(
        softmax(x), want, "logit 为 ±1000 时 softmax 出现了 inf/nan 或算错：要先减去最大值"
    )


def test_cross_entropy_hand_example():
    logits = np.array([[2.0, 1.0, 0.0], [0.0, 0.0, 0.0]])
    targets = np.array([0, 2])
    # 第 0 行：log(e^2 + e + 1) - 2；第 1 行三类等概率：log 3；再对两行取平均
    row0 = math.log(math.exp(2) + math.exp(1) + 1) - 2
    row1 = math.log(3)
    loss = cross_entropy(logits, targets)
    assert np.ndim(loss) == 0, "交叉熵应返回一个标量（对 batch 取平均后的损失）"
    expect_close(
        loss, (row0 + row1) / 2, "2×3 的小例子算错了：应对每行在类别维上归一化，再对 batch 取平均"
    )


def test_cross_entropy_matches_loop():
    rng = np.random.default_rng(0)
    logits = rng.normal(scale=3.0, size=(5, 4))
    targets = rng.integers(0, 4, size=5)
    losses = []
    for row, t in zip(logits, targets):
        z = sum(math.exp(v) for v in row)
        losses.append(-math.log(math.exp(row[t]) / z))
    expect_close(
        cross_entropy(logits, targets),
        sum(losses) / len(losses),
        "与逐样本循环算出的平均交叉熵不一致",
    )


def test_cross_entropy_extreme_logits():
    logits = np.array([[1000.0, 0.0, -1000.0], [0.0, -1000.0, 0.0]])
    targets = np.array([0, 1])
    # 第 0 行：正确类别远大于其他类，损失 = log(1 + e^-1000 + e^-2000) ≈ 0
    # 第 1 行：正确类别是 -1000，损失 = log(2 + e^-1000) + 1000 ≈ 1000 + log 2
    want = (0.0 + 1000.0 + math.log(2)) / 2
    expect_close(
        cross_entropy(logits, targets),
        want,
        "logit 相差 1000 时损失应是有限值 (1000 + log 2) / 2：用 log-sum-exp 直接算 log-softmax，不要先 softmax 再取 log",
    )


def test_cross_entropy_does_not_grow_with_batch():
    rng = np.random.default_rng(1)
    logits = rng.normal(size=(3, 5))
    targets = np.array([4, 0, 2])
    one = cross_entropy(logits, targets)
    tripled = cross_entropy(np.concatenate([logits] * 3), np.concatenate([targets] * 3))
    expect_close(
        tripled, one, "把同一批样本复制 3 份，平均损失应当不变：要对 batch 取平均而不是求和"
    )
    expect_close(
        cross_entropy(np.zeros((1, 5)), np.array([3])),
        math.log(5),
        "5 类全零 logit 的损失应是 log 5",
    )
