// The answer texts in shards (docs/assets/js/search/shards.js) and the index they update
// (engine.js update/complete): whatever order the shards arrive in, search ends up ranking
// exactly as over every record at once.
import assert from "node:assert/strict";
import { test } from "node:test";

import { complete, prepare, rank, suggestion, update } from "../../docs/assets/js/search/engine.js";
import { holdsAny, nextShard, shardOf, shardsOf } from "../../docs/assets/js/search/shards.js";

const DOCS = [
  { location: "rl/", title: "强化学习与对齐", text: "本页的题目。" },
  { location: "rl/#ppo", title: "PPO 的原理是什么？", keywords: ["近端策略优化"], text: "PPO 用 clipping 限制每次更新。" },
  { location: "rl/#dpo", title: "DPO 为什么不需要奖励模型？", keywords: ["直接偏好优化"], text: "DPO 直接在偏好数据上优化策略，和 PPO 不同。", original: "dpo 是 offline 方法" },
  { location: "inference/#decoding", title: "有哪些解码策略？", keywords: ["top-p", "核采样"], text: "top-p 采样从累计概率超过 p 的最小集合里抽取。" },
  { location: "inference/#kv", title: "KV Cache 为什么能加速推理？", keywords: ["键值缓存"], text: "缓存每层的 K 和 V，transformer 解码时复用。", original: "KV Cache是一种优化技术" },
  { location: "architecture/#why", title: "为什么要用多头？", keywords: ["多头注意力"], text: "每个头关注不同子空间，clip 与 transformer 都用。" },
];
const BODIES = ["text", "original"];
const TEXTS = { url: "../../../search/records-text-", starts: [0, 2, 5] };
const QUERIES = ["ppo", "clipping", "transformer", "offline", "缓存", "transfomer", "tr", "子空间"];

const head = (doc) => Object.fromEntries(Object.entries(doc).filter(([k]) => !BODIES.includes(k)));
const body = (doc) => Object.fromEntries(Object.entries(doc).filter(([k]) => BODIES.includes(k)));
const ranked = (index, query) => rank(index, query).map((r) => [r.entry.doc.location, r.score]);

test("the shards cover the records in order, each named by its number", () => {
  const shards = shardsOf(TEXTS, DOCS.length);
  assert.deepEqual(shards, [
    { url: "../../../search/records-text-0.json", start: 0, end: 2 },
    { url: "../../../search/records-text-1.json", start: 2, end: 5 },
    { url: "../../../search/records-text-2.json", start: 5, end: 6 },
  ]);
  assert.deepEqual(
    [0, 1, 2, 3, 4, 5].map((i) => shardOf(shards, i)),
    [0, 0, 1, 1, 1, 2],
  );
  assert.equal(shardOf(shardsOf({ ...TEXTS, starts: [0] }, 6), 5), 0);
  assert.ok(holdsAny(shards[1], [5, 3]) && !holdsAny(shards[1], [0, 5]));
  const heads = shardsOf({ url: "../../../search/records-", starts: [0, 4] });
  assert.deepEqual(
    heads.map((shard) => shard.url),
    ["../../../search/records-0.json", "../../../search/records-1.json"],
  );
});

test("the shard of the best shown result without its text comes first, then index order", () => {
  const shards = shardsOf(TEXTS, DOCS.length);
  assert.equal(nextShard(new Set([0, 1, 2]), shards, [5, 3]), 2);
  assert.equal(nextShard(new Set([0, 1]), shards, [5, 3]), 1); // shard 2 is in already
  assert.equal(nextShard(new Set([1, 2]), shards, []), 1);
  assert.equal(nextShard(new Set([2, 1]), shards, [0]), 1);
});

test("whatever order the shards arrive in, the index ends up as one prepared at once", () => {
  const whole = prepare(DOCS);
  const shards = shardsOf(TEXTS, DOCS.length);
  for (const order of [
    [0, 1, 2],
    [2, 0, 1],
    [1, 2, 0],
  ]) {
    const docs = DOCS.map(head);
    const index = prepare(docs);
    for (const k of order) {
      const { start, end } = shards[k];
      update(
        index,
        start,
        DOCS.slice(start, end).map((doc) => ({ ...head(doc), ...body(doc) })),
      );
    }
    complete(index);
    assert.deepEqual([...index.vocabulary], [...whole.vocabulary]); // order breaks ties
    assert.equal(index.average, whole.average);
    for (const query of QUERIES) {
      assert.deepEqual(ranked(index, query), ranked(whole, query), query);
      assert.deepEqual(suggestion(index, query), suggestion(whole, query), query);
    }
  }
});

test("before its text arrives a record is found by its title and keywords only", () => {
  const index = prepare(DOCS.map(head));
  assert.deepEqual(ranked(index, "clipping"), []);
  update(index, 0, DOCS.slice(0, 2));
  assert.deepEqual(
    ranked(index, "clipping").map(([location]) => location),
    ["rl/#ppo"],
  );
});
