// The records arrive in shards (src/llm_interview/search/index.py): runs of records in index
// order, each file under 1 MB however large the bank grows. The stub's `config.records` names
// them: `heads` (title, keywords) and `texts` (answer text, 原始回答), each `{ url, starts }`, shard k
// being `url` + k + ".json" with records starts[k] up to starts[k + 1]. The worker fetches every
// shard, the heads first, then the texts of the results on screen, so their snippets come first
// and, once all have arrived, search ranks exactly as over one file.

/** The shards of `part` (`records.heads` or `records.texts`): `{ url, start, end }` in index
 * order, `url` relative to the worker; `total` records in all. */
export function shardsOf(part, total) {
  const { url, starts } = part;
  return starts.map((start, k) => ({ url: `${url}${k}.json`, start, end: starts[k + 1] ?? total }));
}

/** The number of the shard holding record `i` (shards in order, covering every record). */
export function shardOf(shards, i) {
  let low = 0;
  let high = shards.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (shards[middle].start <= i) low = middle;
    else high = middle - 1;
  }
  return low;
}

/**
 * The shard to fetch next among `pending` (shard numbers): the one holding the best shown result
 * that still lacks its text (`shown`: record numbers, best first), else the first in index order.
 */
export function nextShard(pending, shards, shown) {
  for (const i of shown) {
    const k = shardOf(shards, i);
    if (pending.has(k)) return k;
  }
  return Math.min(...pending);
}

/** Whether shard `shard` holds one of the `shown` records. */
export function holdsAny(shard, shown) {
  return shown.some((i) => i >= shard.start && i < shard.end);
}
