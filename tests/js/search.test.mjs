// The site's search logic (docs/assets/js/search/): query terms, typo tolerance, ranking, snippets.
import assert from "node:assert/strict";
import { test } from "node:test";

import { cutSegment, editDistance, expand, prepare, rank } from "../../docs/assets/js/search/engine.js";
import { latinWords, parseQuery } from "../../docs/assets/js/search/query.js";
import { materialResult, snippet } from "../../docs/assets/js/search/results.js";

const DOCS = [
  { location: "rl/", title: "强化学习与对齐", text: "本页的题目。" },
  { location: "rl/#ppo", title: "PPO 的原理是什么？", keywords: ["近端策略优化"], text: "要点\nPPO 用裁剪的目标限制每次更新。" },
  { location: "rl/#dpo", title: "DPO 为什么不需要奖励模型？", keywords: ["直接偏好优化"], text: "要点\nDPO 直接在偏好数据上优化策略，和 PPO 不同。" },
  { location: "inference/", title: "推理优化", text: "" },
  { location: "inference/#decoding", title: "有哪些解码策略？", keywords: ["top-p", "核采样"], text: "top-p 采样从累计概率超过 p 的最小集合里抽取。" },
  { location: "inference/#kv", title: "KV Cache 为什么能加速推理？", keywords: ["键值缓存", "transformer"], text: "缓存每层的 K 和 V。", original: "KV Cache是一种优化技术" },
  { location: "architecture/#why", title: "为什么要用多头？", keywords: ["多头注意力"], text: "为什么：每个头关注不同子空间。" },
];
const index = prepare(DOCS);

test("question words and connectives leave the query", () => {
  assert.deepEqual(parseQuery("PPO和DPO有什么区别"), { latin: ["ppo", "dpo"], han: [] });
  assert.deepEqual(parseQuery("KV缓存为什么能加速推理").latin, ["kv"]);
  assert.deepEqual(parseQuery("原理"), { latin: [], han: ["原理"] }); // nothing else was typed
});

test("hyphenated and dotted words stay whole in a query", () => {
  assert.deepEqual(latinWords("top-p 和 gpt-3.5 与 fp8"), ["top-p", "gpt-3.5", "fp8"]);
  assert.deepEqual(latinWords("pre-norm", true), ["pre-norm", "pre", "norm", "prenorm"]);
});

test("the technical term decides, not the question word", () => {
  const [first] = rank(index, "为什么KV缓存能加速");
  assert.equal(first.entry.doc.location, "inference/#kv");
  assert.notEqual(rank(index, "DPO有什么区别")[0].entry.doc.location, "architecture/#why");
});

test("top-p finds the entry that has top-p, not every top", () => {
  const found = rank(index, "top-p").map((r) => r.entry.doc.location);
  assert.deepEqual(found, ["inference/#decoding"]);
});

test("misspelt Latin words of five letters or more are found, without flooding", () => {
  assert.equal(editDistance("transfomer", "transformer", 2), 1);
  assert.equal(editDistance("polciy", "policy", 1), 1); // two letters swapped count once
  assert.deepEqual(expand("transfomer", index.vocabulary), [["transformer", 0.7]]);
  assert.deepEqual(expand("cahce", new Map([["cache", 1]])), [["cache", 0.7]]);
  assert.deepEqual(expand("ppp", index.vocabulary), []); // under five letters: no guessing
  assert.equal(rank(index, "transfomer")[0].entry.doc.location, "inference/#kv");
  assert.equal(rank(index, "transfomer").length, 1);
});

test("a Chinese segment is cut into known words first", () => {
  const words = new Set(["注意", "注意力", "键值", "键值缓存"]);
  assert.deepEqual(cutSegment("多头注意力机制", words), { known: ["注意力"], rest: ["多头", "机制"] });
});

test("the snippet is answer text around the match, marked; 原始回答 when only it matches", () => {
  const [kv] = rank(index, "缓存");
  assert.match(snippet(kv.entry.fields, kv.matched), /^<p>.*<mark>缓存<\/mark>/);
  const [original] = rank(index, "优化技术");
  assert.match(snippet(original.entry.fields, original.matched), /^<p>原始回答：/);
});

test("results read in rank order, nothing folded, each page heading last in its group", () => {
  const ranked = rank(index, "ppo dpo");
  const pages = new Map(DOCS.filter((d) => !d.location.includes("#")).map((d) => [d.location, d]));
  const { items } = materialResult(ranked, pages);
  assert.equal(items.length, 1);
  const [group] = items;
  assert.deepEqual(
    group.map((i) => i.location),
    [ranked[0].entry.doc.location, ranked[1].entry.doc.location, "rl/"],
  );
  assert.equal(group[0].score, group[1].score); // Material folds sections scoring under the first
  assert.ok(!("tags" in group[0]));
});

test("a question that names the typed term outranks answers that only mention it", () => {
  const docs = [
    { location: "a/#quant", title: "模型量化有什么好处？", text: "KV Cache 也能量化，KV Cache 变小，为什么能加速：带宽。" },
    { location: "a/#kv", title: "KV Cache 的核心思想是什么？", keywords: ["推理加速"], text: "缓存每层的 K 和 V。" },
  ];
  const ranked = rank(prepare(docs), "kv cache 为什么能加速").map((r) => r.entry.doc.location);
  assert.deepEqual(ranked, ["a/#kv", "a/#quant"]);
  assert.deepEqual(parseQuery("为什么能加速").han, ["加速"]);
});

test("a result shows its question's level beside the title, escaped, and none without one", () => {
  const docs = [
    { location: "rl/a/#dapo", title: "DAPO 改进了什么？", level: "前沿", text: "动态采样。" },
    { location: "rl/a/#ppo", title: "PPO 是什么？", text: "裁剪。" },
    { location: "rl/a/#x", title: "X 是什么？", level: '<img src=x onerror="1">', text: "X。" },
  ];
  const pages = new Map();
  const titles = (query) =>
    materialResult(rank(prepare(docs), query), pages)
      .items.flat()
      .map((i) => i.title);
  assert.match(titles("dapo")[0], /<span class="qa-level" data-level="前沿">前沿<\/span>$/);
  assert.doesNotMatch(titles("ppo")[0], /qa-level/);
  assert.doesNotMatch(titles("x")[0], /<img/);
});
