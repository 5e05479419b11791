"""不取对数、直接连乘概率：序列一长乘积下溢成 0，所有束同分，排序失去意义。"""

import math


def beam_search(step_fn, bos, eos, beam_size, max_len, length_penalty=1.0):
    """返回 [(生成的 token 元组, 长度归一化后的分数), ...]，分数从高到低，至多 beam_size 条。"""
    beams = [((), 1.0)]  # (已生成的 token，不含 bos；累计概率)
    finished = []
    for _ in range(max_len):
        candidates = []
        for seq, score in beams:
            log_probs = step_fn((bos,) + seq)
            for tok, lp in enumerate(log_probs):
                candidates.append((seq + (tok,), score * math.exp(lp)))  # 概率连乘
        # 剪枝只看累计概率；同分时序列字典序小的优先，保证结果确定
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
    scored = []
    for seq, prob in pool:
        log_prob = math.log(prob) if prob > 0 else float("-inf")  # 最后再取对数
        scored.append((seq, log_prob / len(seq) ** length_penalty))
    scored.sort(key=lambda c: (-c[1], c[0]))
    return scored[:beam_size]
