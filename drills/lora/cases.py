import numpy as np

OUT, IN, R, ALPHA = 3, 5, 2, 8.0  # scaling = alpha / r = 4


def _naive_linear(x, w):
    # 逐元素：y[n, o] = sum_i x[n, i] * w[o, i]
    out = np.zeros((x.shape[0], w.shape[0]))
    for n in range(x.shape[0]):
        for o in range(w.shape[0]):
            out[n, o] = sum(x[n, i] * w[o, i] for i in range(w.shape[1]))
    return out


def _setup(seed=0):
    rng = np.random.default_rng(seed)
    w = rng.normal(size=(OUT, IN))
    x = rng.normal(size=(4, IN))
    layer = LoRALinear(w, R, ALPHA, np.random.default_rng(seed + 1))
    return rng, w, x, layer


def _train_a_little(layer, rng):
    # 模拟训练后的 A、B（都非零），合并相关的检查才有意义
    layer.A = rng.normal(size=(R, IN))
    layer.B = rng.normal(size=(OUT, R))


def test_fresh_layer_equals_base_layer():
    _, w, x, layer = _setup()
    assert np.shape(layer.A) == (R, IN), "A 的形状应为 (r, in_features)"
    assert np.shape(layer.B) == (OUT, R), "B 的形状应为 (out_features, r)"
    assert np.all(np.asarray(layer.B) == 0), "B 应初始化为全零"
    expect_close(
        layer.forward(x), _naive_linear(x, w), "刚初始化的 LoRA 层输出应与原线性层完全相同"
    )


def test_b_gets_gradient_at_init():
    _, _, x, layer = _setup()
    before = np.array(layer.forward(x))
    # forward 对 B 是线性的，B[0, 0] 加 1 带来的输出变化就是对 B[0, 0] 的梯度方向
    layer.B = np.array(layer.B, dtype=float)
    layer.B[0, 0] += 1.0
    delta = np.array(layer.forward(x)) - before
    assert np.max(np.abs(delta)) > 1e-8, (
        "初始化时 B 的梯度应非零（A 不能也是全零，否则训练无法启动）"
    )


def test_forward_uses_alpha_over_r():
    rng, w, _, layer = _setup()
    _train_a_little(layer, rng)
    x = rng.normal(size=(2, 3, IN))  # 支持任意前导维度
    a, b = np.asarray(layer.A), np.asarray(layer.B)
    flat = x.reshape(-1, IN)
    expected = _naive_linear(flat, w) + (ALPHA / R) * _naive_linear(_naive_linear(flat, a), b)
    expect_close(
        layer.forward(x),
        expected.reshape(2, 3, OUT),
        "forward 应为 x W^T + (alpha / r) * x A^T B^T（缩放是 alpha / r = 4，不是 alpha）",
    )


def test_merge_keeps_output_and_folds_update():
    rng, w, x, layer = _setup()
    _train_a_little(layer, rng)
    a, b = np.asarray(layer.A).copy(), np.asarray(layer.B).copy()
    before = np.array(layer.forward(x))
    layer.merge()
    expected_w = w.copy()
    for o in range(OUT):
        for i in range(IN):
            expected_w[o, i] += (ALPHA / R) * sum(b[o, j] * a[j, i] for j in range(R))
    expect_close(layer.weight, expected_w, "merge 后 weight 应为 W + (alpha / r) * B @ A")
    expect_close(
        layer.forward(x), before, "merge 前后 forward 的输出应相同（合并后不能再加一次旁路）"
    )


def test_unmerge_restores_weight_and_output():
    rng, w, x, layer = _setup()
    _train_a_little(layer, rng)
    before = np.array(layer.forward(x))
    layer.merge()
    layer.unmerge()
    expect_close(layer.weight, w, "unmerge 后 weight 应恢复成原来的 W")
    expect_close(layer.forward(x), before, "unmerge 后 forward 的输出应与合并前相同")


def test_merge_and_unmerge_are_idempotent():
    rng, w, x, layer = _setup()
    _train_a_little(layer, rng)
    before = np.array(layer.forward(x))
    layer.unmerge()  # 还没合并：什么也不做
    expect_close(layer.forward(x), before, "未合并时调用 unmerge 不应改变输出")
    layer.merge()
    layer.merge()  # 第二次合并：什么也不做
    expect_close(layer.forward(x), before, "连续 merge 两次应与一次相同")
    layer.unmerge()
    expect_close(layer.weight, w, "merge 两次再 unmerge 一次，weight 应恢复原样")


def test_merge_does_not_touch_callers_weight():
    rng = np.random.default_rng(3)
    w = rng.normal(size=(OUT, IN))
    original = w.copy()
    layer = LoRALinear(w, R, ALPHA, rng)
    _train_a_little(layer, rng)
    layer.merge()
    expect_close(w, original, "merge 不应原地改动调用方传入的 weight 数组（要存一份拷贝）")
