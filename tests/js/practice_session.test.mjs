// Unit tests for docs/assets/js/practice/session.js: which questions a drill asks, in which order.
import assert from "node:assert/strict";
import { test } from "node:test";

import { choiceFromQuery, queue, shuffled } from "../../docs/assets/js/practice/session.js";

const ENTRIES = [
  { id: "a1", topic: "architecture" },
  { id: "a2", topic: "architecture" },
  { id: "r1", topic: "rl" },
  { id: "i1", topic: "inference" },
];
const TODAY = "2026-12-01";

test("顺序 keeps the page order, limited to the chosen topics (all when none is chosen)", () => {
  assert.deepEqual(queue(ENTRIES, { mode: "order" }, {}, TODAY), ["a1", "a2", "r1", "i1"]);
  assert.deepEqual(queue(ENTRIES, { topics: ["rl", "inference"], mode: "order" }, {}, TODAY), ["r1", "i1"]);
});

test("随机 asks every chosen question once, in an order given by the random source", () => {
  const ids = queue(ENTRIES, { mode: "random" }, {}, TODAY, () => 0);
  assert.deepEqual(ids, ["a2", "r1", "i1", "a1"]);
  const real = queue(ENTRIES, { mode: "random" }, {}, TODAY);
  assert.deepEqual([...real].sort(), ["a1", "a2", "i1", "r1"]);
});

test("只练待复习 asks only the due questions of the chosen topics, oldest first", () => {
  const records = {
    a1: { box: 1, due: TODAY, last: 2 },
    a2: { box: 3, due: "2026-12-09", last: 1 },
    r1: { box: 1, due: "2026-11-28", last: 5 },
    i1: { box: 1, due: "2026-11-30", last: 1 },
  };
  assert.deepEqual(queue(ENTRIES, { mode: "due" }, records, TODAY), ["r1", "i1", "a1"]);
  assert.deepEqual(queue(ENTRIES, { topics: ["architecture"], mode: "due" }, records, TODAY), ["a1"]);
});

test("an unknown mode is refused", () => {
  assert.throws(() => queue(ENTRIES, { mode: "cram" }, {}, TODAY), RangeError);
});

test("shuffled leaves its input alone", () => {
  const items = [1, 2, 3];
  shuffled(items, () => 0.5);
  assert.deepEqual(items, [1, 2, 3]);
});

test("the address can preselect topics and a mode; unknown values are ignored", () => {
  const known = ["architecture", "rl"];
  assert.deepEqual(choiceFromQuery("?topics=rl,nope&mode=due", known), { topics: ["rl"], levels: [], mode: "due" });
  assert.deepEqual(choiceFromQuery("?mode=cram", known), { topics: [], levels: [], mode: "order" });
  assert.deepEqual(choiceFromQuery("", known), { topics: [], levels: [], mode: "order" });
});
