"""每条束只接自己最好的那一个 token：从一个 bos 出发永远只有一条束，退化成贪心，beam_size 形同虚设。"""


def beam_search(step_fn, bos, eos, beam_size, max_len, length_penalty=1.0):
    """返回 [(生成的 token 元组, 长度归一化后的分数), ...]，分数从高到低，至多 beam_size 条。"""
    beams = [((), 0.0)]  # (已生成的 token，不含 bos；累计对数概率)
    finished = []
    for _ in range(max_len):
        candidates = []
        for seq, score in beams:
            log_probs = step_fn((bos,) + seq)
            tok = max(range(len(log_probs)), key=lambda i: log_probs[i])  # 这条束最好的下一个 token
            candidates.append((seq + (tok,), score + log_probs[tok]))
        # 剪枝只看累计对数概率；同分时序列字典序小的优先，保证结果确定
        candidates.sort(key=lambda c: (-c[1], c[0]))
        beams = []
        for seq, score in candidates[:beam_size]:
            if seq[-1] == eos:
                finished.append((seq, score))  # 结束的假设放到一边，不再扩展
            else:
                beams.append((seq, score))
        if not beams:
            break
    # 到 max_len 还没结束的束也算候选；最后统一做长度归一化再排序
    pool = finished + beams
    scored = [(seq, score / len(seq) ** length_penalty) for seq, score in pool]
    scored.sort(key=lambda c: (-c[1], c[0]))
    return scored[:beam_size]
