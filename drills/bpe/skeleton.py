END = "</w>"


def train_bpe(words, num_merges):
    """words: dict[str, int]，词 → 频次。每个词的初始符号是它的单个字符，再加词尾标记 "</w>"，
    如 "low" → ["l", "o", "w", "</w>"]。
    重复 num_merges 次：统计所有相邻符号对的出现次数（按词频加权，每个相邻位置都算），
    选次数最多的一对，并列时取字典序最小的 (左, 右)；把它在每个词里从左到右、不重叠地合并成一个符号。
    没有相邻对可合并时提前停止。
    返回 list[tuple[str, str]]：学到的合并规则，按学到的先后排列。"""
    raise NotImplementedError


def encode(word, merges):
    """word: str；merges: train_bpe 返回的规则列表，下标越小名次越靠前。
    从单个字符 + "</w>" 开始，反复在当前相邻对中找名次最靠前的规则，
    把这一对在词里从左到右、不重叠地全部合并；直到没有相邻对在规则里。
    返回 list[str]：最终的符号序列。"""
    raise NotImplementedError
