// Unit tests for the 手撕代码 records in the practice store (practice/store.js) and for
// drills/progress.js: validation, defaults, old documents, merge, drafts and passing.
import assert from "node:assert/strict";
import { test } from "node:test";

import { codeFor, drillRecord, emptyDrill, markPassed, passedIds, saveDraft } from "../../docs/assets/js/drills/progress.js";
import { APP, emptyState, KEY, merge, mergeDrill, ProgressError, parse, read, serialize, update } from "../../docs/assets/js/practice/store.js";

const drill = (saved, extra = {}) => ({ passed: false, passedAt: null, draft: null, saved, ...extra });
const withDrills = (drills) => ({ ...emptyState(), drills });
const SKELETON = "def add(a, b):\n    raise NotImplementedError\n";

function memory(initial = {}) {
  const data = new Map(Object.entries(initial));
  return { getItem: (k) => (data.has(k) ? data.get(k) : null), setItem: (k, v) => data.set(k, String(v)), data };
}

test("an old document without drills is still valid and reads as having no drill records", () => {
  const old = { app: APP, version: 1, entries: {}, prefs: { hideMastered: true } };
  const state = parse(JSON.stringify(old));
  assert.deepEqual(state.drills, {});
  assert.equal(state.version, 1);
  assert.deepEqual(state.prefs, { hideMastered: true });
});

test("drill records survive a round trip through text, unknown fields dropped", () => {
  const state = withDrills({ "softmax-xent": drill(5, { passed: true, passedAt: 4, draft: "x = 1\n", extra: 1 }) });
  const back = parse(serialize(state));
  assert.deepEqual(back.drills, { "softmax-xent": drill(5, { passed: true, passedAt: 4, draft: "x = 1\n" }) });
});

const BAD = [
  ["drills that is not an object", { drills: [] }, /^drills 应为对象，实际是 \[\]/],
  ["a record that is not an object", { drills: { a: "x" } }, /drills\["a"\] 应为对象，实际是 "x"/],
  ["passed as a string", { drills: { a: drill(1, { passed: "yes" }) } }, /drills\["a"\]\.passed 应为 true 或 false，实际是 "yes"/],
  ["a negative passedAt", { drills: { a: drill(1, { passedAt: -3 }) } }, /drills\["a"\]\.passedAt 应为非负整数（毫秒时间戳）或 null/],
  ["a draft that is a number", { drills: { a: drill(1, { draft: 3 }) } }, /drills\["a"\]\.draft 应为字符串或 null，实际是 3/],
  ["saved missing", { drills: { a: { passed: false, passedAt: null, draft: null } } }, /drills\["a"\]\.saved 应为非负整数（毫秒时间戳），实际是 缺失/],
];

for (const [what, extra, message] of BAD) {
  test(`parse refuses ${what}, naming the field in Chinese`, () => {
    const text = JSON.stringify({ ...emptyState(), ...extra });
    assert.throws(
      () => parse(text),
      (err) => err instanceof ProgressError && message.test(err.message),
    );
  });
}

test("merge: per drill the more recently saved draft wins, a tie keeps the current one", () => {
  const current = withDrills({ a: drill(10, { draft: "mine" }), b: drill(30, { draft: "mine" }), c: drill(5, { draft: "mine" }), only: drill(1) });
  const incoming = withDrills({ a: drill(20, { draft: "theirs" }), b: drill(3, { draft: "theirs" }), c: drill(5, { draft: "theirs" }), new: drill(2) });
  const merged = merge(current, incoming).drills;
  assert.deepEqual(Object.fromEntries(Object.entries(merged).map(([id, r]) => [id, r.draft])), { a: "theirs", b: "mine", c: "mine", only: null, new: null });
});

test("merge: passed stays true when either side passed, since the earlier passing time", () => {
  const passedOld = drill(10, { passed: true, passedAt: 7 });
  const newerDraft = drill(50, { draft: "later work" });
  assert.deepEqual(mergeDrill(passedOld, newerDraft), drill(50, { passed: true, passedAt: 7, draft: "later work" }));
  assert.deepEqual(mergeDrill(newerDraft, passedOld), drill(50, { passed: true, passedAt: 7, draft: "later work" }));
  const both = mergeDrill(drill(1, { passed: true, passedAt: 9 }), drill(2, { passed: true, passedAt: 4 }));
  assert.equal(both.passedAt, 4);
  assert.deepEqual(mergeDrill(drill(1), drill(2)), drill(2));
});

test("merge keeps the entries rule and works on documents without drills", () => {
  const old = parse(JSON.stringify({ app: APP, version: 1, entries: {} }));
  const merged = merge(emptyState(), withDrills({ a: drill(1, { passed: true, passedAt: 1 }) }));
  assert.deepEqual(Object.keys(merged.drills), ["a"]);
  assert.deepEqual(merge(withDrills({ a: drill(1) }), old).drills, { a: drill(1) });
  const legacyInMemory = { app: APP, version: 1, entries: {}, prefs: { hideMastered: false } };
  assert.deepEqual(merge(legacyInMemory, legacyInMemory).drills, {});
});

test("a fresh drill record, and the code shown: the draft, else the skeleton", () => {
  assert.deepEqual(drillRecord(emptyState(), "x"), emptyDrill());
  assert.equal(codeFor(emptyState(), "x", SKELETON), SKELETON);
  const state = saveDraft(emptyState(), "x", "def add(a, b):\n    return a + b\n", SKELETON, 100);
  assert.equal(codeFor(state, "x", SKELETON), "def add(a, b):\n    return a + b\n");
  assert.deepEqual(drillRecord(state, "x"), drill(100, { draft: "def add(a, b):\n    return a + b\n" }));
});

test("code equal to the skeleton is stored as no draft", () => {
  const state = saveDraft(saveDraft(emptyState(), "x", "changed", SKELETON, 1), "x", SKELETON, SKELETON, 2);
  assert.deepEqual(drillRecord(state, "x"), drill(2));
});

test("passing marks the drill once and for all, keeping the first passing time and the draft", () => {
  let state = saveDraft(emptyState(), "x", "code", SKELETON, 1);
  state = markPassed(state, "x", 10);
  state = markPassed(state, "x", 20);
  assert.deepEqual(drillRecord(state, "x"), drill(20, { passed: true, passedAt: 10, draft: "code" }));
  state = saveDraft(state, "x", "broken again", SKELETON, 30);
  assert.equal(drillRecord(state, "x").passed, true);
  assert.deepEqual([...passedIds(state)], ["x"]);
  assert.deepEqual([...passedIds(saveDraft(emptyState(), "y", "z", SKELETON, 1))], []);
});

test("drill records go through the stored value with the entries untouched", () => {
  const storage = memory();
  update(storage, (s) => ({ ...s, entries: { e: { box: 2, due: "2026-12-03", last: 1, grade: 2, reviews: 1, lapses: 0 } } }));
  update(storage, (s) => markPassed(s, "softmax-xent", 5));
  const stored = JSON.parse(storage.data.get(KEY));
  assert.deepEqual(Object.keys(stored.entries), ["e"]);
  assert.deepEqual(read(storage).state.drills, { "softmax-xent": drill(5, { passed: true, passedAt: 5 }) });
});
