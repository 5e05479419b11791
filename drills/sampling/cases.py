import math
import random


def _softmax_by_hand(values):
    # 小 logit 直接按定义算，作为独立的对照
    exps = [math.exp(v) for v in values]
    total = sum(exps)
    return [e / total for e in exps]


def test_temperature_divides_logits():
    logits = [1.0, 2.0, 0.5, -1.0]
    for t in (1.0, 0.5, 2.0):
        expect_close(
            apply_temperature(logits, t),
            _softmax_by_hand([z / t for z in logits]),
            f"温度 t={t}：应为 softmax(logits / t)",
        )
    low = apply_temperature(logits, 0.5)
    high = apply_temperature(logits, 2.0)
    assert low[1] > high[1], "温度越低分布越尖：t=0.5 时最大 logit 的概率应大于 t=2 时"


def test_temperature_is_stable_for_large_logits():
    got = apply_temperature([1000.0, 1001.0, 1002.0], 1.0)
    expect_close(
        got,
        _softmax_by_hand([0.0, 1.0, 2.0]),
        "logits 整体加常数不改变 softmax，大 logit 也不能溢出",
    )
    got = apply_temperature([3.0, -2.0], 0.001)
    expect_close(got, [1.0, 0.0], "温度很小时（t=0.001）应接近 one-hot，且不能溢出成 nan")


def test_top_k_keeps_largest_and_renormalises():
    probs = [0.1, 0.4, 0.2, 0.3]
    expect_close(
        top_k_filter(probs, 2),
        [0.0, 0.4 / 0.7, 0.0, 0.3 / 0.7],
        "k=2：只留 0.4 和 0.3，再除以 0.7 归一化",
    )
    expect_close(
        top_k_filter(probs, 1), [0.0, 1.0, 0.0, 0.0], "k=1：只留概率最大的 token，等于贪心"
    )
    expect_close(top_k_filter(probs, 10), probs, "k 大于词表：分布不变")


def test_top_k_ties_prefer_smaller_index():
    probs = [0.3, 0.2, 0.3, 0.2]
    expect_close(
        top_k_filter(probs, 1), [1.0, 0.0, 0.0, 0.0], "k=1 且两个 0.3 并列：只留下标小的 0 号"
    )
    expect_close(
        top_k_filter(probs, 3),
        [0.3 / 0.8, 0.2 / 0.8, 0.3 / 0.8, 0.0],
        "k=3：两个 0.3 都留下，两个 0.2 里只留下标小的 1 号，恰好 3 个",
    )


def test_top_p_keeps_the_token_that_crosses_p():
    probs = [0.1, 0.5, 0.15, 0.25]  # 从大到小：0.5(1), 0.25(3), 0.15(2), 0.1(0)
    expect_close(
        top_p_filter(probs, 0.7),
        [0.0, 0.5 / 0.75, 0.0, 0.25 / 0.75],
        "p=0.7：0.5 还不够，加上 0.25 累计 0.75 ≥ 0.7，这两个都要保留",
    )
    expect_close(
        top_p_filter(probs, 0.8),
        [0.0, 0.5 / 0.9, 0.15 / 0.9, 0.25 / 0.9],
        "p=0.8：累计到 0.9 才 ≥ 0.8，保留前三个",
    )
    expect_close(top_p_filter(probs, 0.3), [0.0, 1.0, 0.0, 0.0], "p 小于最大概率：只留最大的那个")
    expect_close(top_p_filter(probs, 1.0), probs, "p=1：全部保留（注意累计和的浮点误差）")


def test_sample_is_inverse_cdf_in_index_order():
    probs = [0.1, 0.5, 0.15, 0.25]
    logits = [math.log(q) for q in probs]
    for seed in range(30):
        u = random.Random(seed).random()
        # 不截断：按下标顺序的累计概率 0.1, 0.6, 0.75, 1.0
        want = 0 if u < 0.1 else 1 if u < 0.6 else 2 if u < 0.75 else 3
        got = sample(logits, 1.0, None, None, random.Random(seed))
        expect_equal(
            got, want, f"种子 {seed}（u={u:.3f}）：按下标顺序累加概率，取第一个 u < 累计值的下标"
        )
        # top-p=0.7 后只剩 1 号（2/3）和 3 号（1/3）
        want = 1 if u < 0.5 / 0.75 else 3
        got = sample(logits, 1.0, None, 0.7, random.Random(seed))
        expect_equal(got, want, f"种子 {seed}：top_p=0.7 后只能采到 1 号或 3 号，且 1 号占 2/3")


def test_sample_applies_temperature_then_top_k():
    logits = [2.0, 1.0, 0.0, -1.0]
    # t=0.5 → 缩放后 [4, 2, 0, -2]；top-2 只剩 0 号和 1 号，0 号概率 e^4 / (e^4 + e^2)
    p0 = 1.0 / (1.0 + math.exp(-2.0))
    for seed in range(30):
        u = random.Random(seed).random()
        got = sample(logits, 0.5, 2, None, random.Random(seed))
        expect_equal(
            got,
            0 if u < p0 else 1,
            f"种子 {seed}（u={u:.3f}）：温度 0.5 + top_k=2，0 号概率应为 {p0:.3f}",
        )
    for seed in range(10):
        got = sample(logits, 1.0, 1, None, random.Random(seed))
        expect_equal(got, 0, "top_k=1 时采样退化为贪心：总是返回 logit 最大的下标")
