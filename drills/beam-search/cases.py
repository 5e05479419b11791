import itertools
import math
import random

EOS, A, B, BOS = 0, 1, 2, 3  # 玩具词表：0 号是 eos，1、2 号是普通词；bos 只出现在前缀开头


def _model(table, default):
    """由「前缀 → 下一个 token 的概率」表构造 step_fn，返回对数概率。"""

    def step_fn(prefix):
        return [math.log(q) for q in table.get(tuple(prefix), default)]

    return step_fn


# 贪心会上当的模型：第一步 A 比 B 稍好，但 B 之后几乎必然结束，整句 B eos 概率更高
TRAP = _model(
    {(BOS,): [0.1, 0.5, 0.4], (BOS, A): [0.4, 0.3, 0.3], (BOS, B): [0.9, 0.05, 0.05]},
    [0.8, 0.1, 0.1],
)

# 长度归一化会改变名次的模型：直接结束的 (eos,) 原始分最高，但按平均每个 token 的对数概率算 A eos 更好
SHORT_OR_LONG = _model({(BOS,): [0.4, 0.55, 0.05], (BOS, A): [0.6, 0.3, 0.1]}, [0.8, 0.15, 0.05])


def _check(got, want, what):
    assert isinstance(got, list), f"{what}：应返回列表 [(seq, score), ...]"
    expect_equal([tuple(seq) for seq, _ in got], [seq for seq, _ in want], f"{what}：序列及其名次")
    expect_close(
        [score for _, score in got], [score for _, score in want], f"{what}：分数", atol=1e-9
    )


def test_beam_size_one_is_greedy():
    # 第一步选 A（0.5），A 之后 eos 最大（0.4）：A eos，概率 0.2
    got = beam_search(TRAP, BOS, EOS, beam_size=1, max_len=3, length_penalty=0.0)
    _check(got, [((A, EOS), math.log(0.5 * 0.4))], "beam_size=1 就是贪心")


def test_beam_finds_what_greedy_misses():
    # 第二步的候选：B eos 0.36、A eos 0.2、A A 0.15、A B 0.15……前两名都以 eos 结尾
    got = beam_search(TRAP, BOS, EOS, beam_size=2, max_len=3, length_penalty=0.0)
    want = [((B, EOS), math.log(0.4 * 0.9)), ((A, EOS), math.log(0.5 * 0.4))]
    _check(got, want, "beam_size=2 应找到概率 0.36 的 B eos，而贪心只找到 0.2 的 A eos")


def test_finished_hypotheses_are_not_extended():
    seen = []

    def recording(prefix):
        seen.append(tuple(prefix))
        return TRAP(prefix)

    got = beam_search(recording, BOS, EOS, beam_size=3, max_len=4, length_penalty=1.0)
    for prefix in seen:
        assert EOS not in prefix[1:], (
            f"以 eos 结束的假设不应再被扩展，却用前缀 {prefix} 调用了 step_fn"
        )
    for seq, _ in got:
        assert EOS not in tuple(seq)[:-1], f"返回的序列 {tuple(seq)} 在 eos 之后还有 token"
    assert len(got) <= 3, "最多返回 beam_size 条"


def test_length_penalty_changes_the_winner():
    # 剪枝只看原始分，两种 α 下搜到的假设一样：(eos) 0.4、(A eos) 0.33、(A A eos) 0.132、(A A A) 0.02475
    got = beam_search(SHORT_OR_LONG, BOS, EOS, beam_size=2, max_len=3, length_penalty=0.0)
    want = [((EOS,), math.log(0.4)), ((A, EOS), math.log(0.55 * 0.6))]
    _check(got, want, "α=0：不做长度归一化，直接结束的 (eos,) 得分最高")
    got = beam_search(SHORT_OR_LONG, BOS, EOS, beam_size=2, max_len=3, length_penalty=1.0)
    want = [
        ((A, EOS), math.log(0.55 * 0.6) / 2),
        ((A, A, EOS), math.log(0.55 * 0.3 * 0.8) / 3),
    ]
    _check(got, want, "α=1：分数除以生成长度（不含 bos、含 eos），A eos 和 A A eos 排前两名")


def test_wide_beam_equals_exhaustive_search():
    vocab, max_len, alpha = 4, 3, 0.8

    def step_fn(prefix):
        rng = random.Random(repr(tuple(prefix)))  # 每个前缀一个固定的分布
        w = [rng.random() + 0.05 for _ in range(vocab)]
        return [math.log(x / sum(w)) for x in w]

    # 穷举：所有以 eos 结尾、长度 ≤ max_len 的序列，加上长度恰为 max_len 且不含 eos 的序列
    seqs = []
    for n in range(max_len):
        seqs += [body + (EOS,) for body in itertools.product(range(1, vocab), repeat=n)]
    seqs += list(itertools.product(range(1, vocab), repeat=max_len))
    scored = []
    for seq in seqs:
        total = sum(step_fn((BOS,) + seq[:i])[seq[i]] for i in range(len(seq)))
        scored.append((seq, total / len(seq) ** alpha))
    scored.sort(key=lambda c: (-c[1], c[0]))
    got = beam_search(step_fn, BOS, EOS, beam_size=64, max_len=max_len, length_penalty=alpha)
    _check(got, scored, "束宽足够大时（64 ≥ 全部 40 个假设）束搜索就是穷举，结果应与逐条算分一致")


def test_long_sequences_do_not_underflow():
    # 每步都是 eos 0.25、A 0.4、B 0.35。α=1 时平均对数概率最高的是一路 A 到 max_len：log 0.4
    # 0.4 的 1000 次方约 1e-398，直接连乘概率会下溢成 0
    step_fn = _model({}, [0.25, 0.4, 0.35])
    got = beam_search(step_fn, BOS, EOS, beam_size=2, max_len=1000, length_penalty=1.0)
    best_seq, best_score = got[0]
    expect_equal(
        tuple(best_seq), (A,) * 1000, "最优假设应是 1000 个 A（要用对数概率累加，连乘会下溢）"
    )
    expect_close(best_score, math.log(0.4), "1000 个 A 的平均对数概率应为 log 0.4", atol=1e-9)
