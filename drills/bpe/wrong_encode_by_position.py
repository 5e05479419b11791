"""编码时从左往右扫，碰到第一个在规则表里的相邻对就合并：按位置而不是按名次，合并顺序和训练时不一致。"""

END = "</w>"


def _merge(symbols, pair):
    """从左到右合并 symbols 里所有不重叠的 pair。"""
    out, i = [], 0
    while i < len(symbols):
        if i + 1 < len(symbols) and symbols[i] == pair[0] and symbols[i + 1] == pair[1]:
            out.append(pair[0] + pair[1])
            i += 2  # 跳过已经合并掉的两个符号："a a a" 只会变成 "aa a"
        else:
            out.append(symbols[i])
            i += 1
    return out


def train_bpe(words, num_merges):
    """words: {词: 频次}。返回学到的合并规则 [(左, 右), ...]，按学到的先后排列。"""
    corpus = {word: list(word) + [END] for word in words}  # 初始符号：单个字符 + 词尾标记
    merges = []
    for _ in range(num_merges):
        counts = {}
        for word, freq in words.items():
            symbols = corpus[word]
            for pair in zip(symbols, symbols[1:]):
                counts[pair] = counts.get(pair, 0) + freq  # 按词频加权
        if not counts:  # 每个词都只剩一个符号了
            break
        # 频次最高；并列时取字典序最小的 pair
        best = min(counts, key=lambda p: (-counts[p], p))
        merges.append(best)
        corpus = {word: _merge(symbols, best) for word, symbols in corpus.items()}
    return merges


def encode(word, merges):
    """按合并规则的名次（学到的先后）反复合并，返回符号列表。"""
    known = set(merges)
    symbols = list(word) + [END]
    changed = True
    while changed:
        changed = False
        for i in range(len(symbols) - 1):
            if (symbols[i], symbols[i + 1]) in known:  # 最左边能合并的就先合并
                symbols[i : i + 2] = [symbols[i] + symbols[i + 1]]
                changed = True
                break
    return symbols
