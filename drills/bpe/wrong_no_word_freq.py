"""统计相邻对时没有乘词频：每个词只算一次，高频词的合并被低估。"""

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
                counts[pair] = counts.get(pair, 0) + 1
        if not counts:  # 每个词都只剩一个符号了
            break
        # 频次最高；并列时取字典序最小的 pair
        best = min(counts, key=lambda p: (-counts[p], p))
        merges.append(best)
        corpus = {word: _merge(symbols, best) for word, symbols in corpus.items()}
    return merges


def encode(word, merges):
    """按合并规则的名次（学到的先后）反复合并，返回符号列表。"""
    rank = {pair: r for r, pair in enumerate(merges)}
    symbols = list(word) + [END]
    while len(symbols) > 1:
        pairs = [p for p in zip(symbols, symbols[1:]) if p in rank]
        if not pairs:
            break
        best = min(pairs, key=lambda p: rank[p])  # 先合并最早学到的那条规则
        symbols = _merge(symbols, best)
    return symbols
