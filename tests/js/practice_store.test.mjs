// Unit tests for docs/assets/js/practice/store.js: the stored value, import checks, merge and replace.
import assert from "node:assert/strict";
import { test } from "node:test";

import { APP, emptyState, KEY, merge, ProgressError, parse, read, serialize, update, validate } from "../../docs/assets/js/practice/store.js";

const record = (last, extra = {}) => ({ box: 2, due: "2026-12-03", last, grade: 2, reviews: 1, lapses: 0, ...extra });
const withEntries = (entries) => ({ ...emptyState(), entries });

/** A localStorage stand-in. */
function memory(initial = {}) {
  const data = new Map(Object.entries(initial));
  return {
    getItem: (k) => (data.has(k) ? data.get(k) : null),
    setItem: (k, v) => data.set(k, String(v)),
    data,
  };
}

test("a round trip through text keeps the state", () => {
  const state = withEntries({ "kv-cache": record(10) });
  assert.deepEqual(parse(serialize(state)), state);
});

test("nothing stored reads as an empty state, and reading writes nothing", () => {
  const storage = memory();
  assert.deepEqual(read(storage), { state: emptyState() });
  assert.equal(storage.data.size, 0);
});

test("ids the site does not know are kept as they are", () => {
  const state = parse(serialize(withEntries({ "removed-long-ago": record(1) })));
  assert.deepEqual(Object.keys(state.entries), ["removed-long-ago"]);
});

test("unknown fields are dropped, preferences default to off", () => {
  const doc = { app: APP, version: 1, entries: { a: record(1, { extra: true }) }, other: 1 };
  const state = validate(doc);
  assert.deepEqual(state.entries.a, record(1));
  assert.deepEqual(state.prefs, { hideMastered: false });
});

const BAD = [
  ["not JSON", "{oops", /不是合法的 JSON/],
  ["an array", "[]", /不是一个 JSON 对象/],
  ["another app's data", JSON.stringify({ app: "someone-else", version: 1, entries: {} }), /不是本站的练习进度/],
  ["a newer version", JSON.stringify({ app: APP, version: 2, entries: {} }), /version 应为 1，实际是 2/],
  ["entries missing", JSON.stringify({ app: APP, version: 1 }), /entries 应为对象，实际是 缺失/],
  ["a box out of range", JSON.stringify(withEntries({ a: record(1, { box: 9 }) })), /entries\["a"\]\.box 应为介于 1 和 5 之间的整数，实际是 9/],
  ["a malformed due day", JSON.stringify(withEntries({ a: record(1, { due: "2026-02-30" }) })), /entries\["a"\]\.due/],
  ["a string timestamp", JSON.stringify(withEntries({ a: record("1") })), /entries\["a"\]\.last/],
  ["an unknown grade", JSON.stringify(withEntries({ a: record(1, { grade: 0 }) })), /entries\["a"\]\.grade/],
  ["a record that is not an object", JSON.stringify(withEntries({ a: 3 })), /entries\["a"\] 应为对象/],
];

for (const [what, text, message] of BAD) {
  test(`parse refuses ${what} with a Chinese reason`, () => {
    assert.throws(
      () => parse(text),
      (err) => err instanceof ProgressError && message.test(err.message),
    );
  });
}

test("corrupt storage is reported with its raw text and left untouched", () => {
  const storage = memory({ [KEY]: "{half a json" });
  const result = read(storage);
  assert.match(result.corrupt, /不是合法的 JSON/);
  assert.equal(result.raw, "{half a json");
  const attempt = update(storage, () => emptyState());
  assert.ok(attempt.corrupt);
  assert.equal(storage.data.get(KEY), "{half a json");
});

test("update reads, changes and stores the state", () => {
  const storage = memory();
  const { state } = update(storage, (s) => withEntries({ ...s.entries, a: record(1) }));
  assert.deepEqual(JSON.parse(storage.data.get(KEY)), state);
  assert.deepEqual(Object.keys(read(storage).state.entries), ["a"]);
});

test("a storage that refuses to write leaves the state as it was and says so", () => {
  const storage = memory();
  storage.setItem = () => {
    throw new Error("QuotaExceededError");
  };
  const result = update(storage, () => withEntries({ a: record(1) }));
  assert.deepEqual(result.state, emptyState());
  assert.match(result.failed, /进度没有保存/);
});

test("a storage that cannot be read at all is reported, not thrown", () => {
  const storage = {
    getItem() {
      throw new Error("SecurityError");
    },
  };
  assert.match(read(storage).corrupt, /不允许读取本地存储/);
});

test("merge keeps the more recently graded record per entry and both sides' other entries", () => {
  const current = { ...withEntries({ a: record(5), b: record(9), mine: record(1) }), prefs: { hideMastered: true } };
  const incoming = withEntries({ a: record(7, { box: 4 }), b: record(3), theirs: record(2) });
  const merged = merge(current, incoming);
  assert.deepEqual(merged.entries, { a: record(7, { box: 4 }), b: record(9), mine: record(1), theirs: record(2) });
  assert.deepEqual(merged.prefs, { hideMastered: true });
});

test("on a tie merge keeps the current record", () => {
  const merged = merge(withEntries({ a: record(5, { box: 1 }) }), withEntries({ a: record(5, { box: 5 }) }));
  assert.equal(merged.entries.a.box, 1);
});
