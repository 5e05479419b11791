CAT_MERGES = [
    ("a", "t"),
    ("at", "</w>"),
    ("c", "at</w>"),
    ("h", "at</w>"),
    ("at", "s"),
    ("ats", "</w>"),
    ("c", "ats</w>"),
]


def _pairs(merges):
    assert isinstance(merges, list), "train_bpe 应返回列表"
    return [tuple(m) for m in merges]


def test_hand_worked_training():
    words = {"cat": 4, "cats": 2, "hat": 3, "at": 1}
    # 手算：第 1 轮 (a,t) 出现 4+2+3+1=10 次最多；第 2 轮 (at,</w>) 8 次；第 3 轮 (c,at</w>) 4 次；
    # 第 4 轮 (h,at</w>) 3 次；第 5 轮 (c,at)、(at,s)、(s,</w>) 都是 2 次，取字典序最小的 (at,s)；
    # 第 6 轮 (ats,</w>) 与 (c,ats) 并列，"ats" < "c"；第 7 轮之后每个词只剩一个符号，提前停止
    expect_equal(
        _pairs(train_bpe(words, 10)),
        CAT_MERGES,
        "手算的 7 条合并规则（第 8 轮起无对可并，应提前停止）",
    )
    expect_equal(_pairs(train_bpe(words, 3)), CAT_MERGES[:3], "num_merges=3 时只学前 3 条")


def test_pair_counts_are_weighted_by_word_frequency():
    # 不乘词频时四个相邻对都只出现 1 次；乘上词频后 (c,d) 和 (d,</w>) 各 5 次
    expect_equal(
        _pairs(train_bpe({"ab": 1, "cd": 5}, 1)),
        [("c", "d")],
        "出现 5 次的 cd 里的 (c,d) 应最先合并",
    )


def test_end_of_word_marker_and_tie_rule():
    # 四个对各 3 次：(a,b)、(b,</w>)、(b,a)、(a,</w>)；按 Python 的字符串比较 "</w>" < "b"（'<' 排在字母前）
    got = _pairs(train_bpe({"ab": 3, "ba": 3}, 1))
    expect_equal(got, [("a", "</w>")], "并列时取字典序最小的对；词尾标记 </w> 也是一个初始符号")


def test_overlapping_pairs_merge_left_to_right():
    # "a a a </w>"：(a,a) 在两个位置各算一次共 2 次，先合并；从左到右不重叠，得到 "aa a </w>"
    # 之后 (aa,a) 和 (a,</w>) 各 1 次，"a" < "aa"，先并 (a,</w>)，最后 (aa,a</w>)
    want = [("a", "a"), ("a", "</w>"), ("aa", "a</w>")]
    expect_equal(
        _pairs(train_bpe({"aaa": 1}, 5)), want, "重叠的 a a a 只能并成 aa a，不能三个一起并"
    )


def test_encode_follows_merge_rank_not_position():
    merges = [("b", "c"), ("a", "b")]
    expect_equal(
        encode("abc", merges), ["a", "bc", "</w>"], "(b,c) 名次更靠前，应先合并，尽管 (a,b) 在左边"
    )
    expect_equal(encode("ab", merges), ["ab", "</w>"], "只有 (a,b) 可用时照常合并")
    expect_equal(
        encode("xyz", merges), ["x", "y", "z", "</w>"], "没有可用规则时就是单个字符加 </w>"
    )


def test_encode_overlapping_runs():
    expect_equal(
        encode("aaaaa", [("a", "a")]), ["aa", "aa", "a", "</w>"], "五个 a 从左到右两两合并：aa aa a"
    )
    expect_equal(
        encode("aaaa", [("a", "a"), ("aa", "aa")]),
        ["aaaa", "</w>"],
        "先并成 aa aa，再用第二条规则并成 aaaa",
    )


def test_encode_with_learned_merges():
    expect_equal(encode("cats", CAT_MERGES), ["cats</w>"], "训练集里的词应编码成一个符号")
    expect_equal(
        encode("bat", CAT_MERGES), ["b", "at</w>"], "没见过的词：at</w> 能合并，b 留单字符"
    )
    expect_equal(encode("scat", CAT_MERGES), ["s", "cat</w>"], "scat：先 at，再 at</w>，再 cat</w>")
    expect_equal(encode("tac", CAT_MERGES), ["t", "a", "c", "</w>"], "tac 里没有任何可用的相邻对")
    words = {"low": 5, "lower": 2, "newest": 6, "widest": 3, "slowly": 1}
    merges = train_bpe(words, 100)
    for word in words:
        pieces = encode(word, merges)
        expect_equal("".join(pieces), word + "</w>", f"{word}：切出的符号拼起来应等于原词加 </w>")
        expect_equal(len(pieces), 1, f"{word}：合并学到底后，训练集里的每个词都应编码成一个符号")
