def beam_search(step_fn, bos, eos, beam_size, max_len, length_penalty=1.0):
    """束搜索。
    step_fn(prefix) -> list[float]：prefix 是以 bos 开头的 token 元组，返回长度为 V 的列表，
        第 i 个是下一个 token 为 i 的对数概率（词表 0..V-1）。
    每一步：把所有存活束的所有扩展按累计对数概率从高到低排序（同分时生成序列字典序小的优先），
        取前 beam_size 个；以 eos 结尾的移入「已结束」，不再扩展；其余成为下一步的存活束。
        没有存活束，或已经走了 max_len 步，就停止。
    结果：已结束的假设 + 停止时仍存活的束，每条的分数 = 累计对数概率 / len(seq) ** length_penalty，
        len(seq) 是生成的 token 数（不含 bos，含 eos）。
    返回 [(seq, score), ...]：seq 是不含 bos 的 token 元组，按 score 从高到低（同分时 seq 字典序小的优先），
        至多 beam_size 条。
    """
    raise NotImplementedError
