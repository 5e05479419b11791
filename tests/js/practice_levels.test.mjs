// Unit tests for docs/assets/js/practice/levels.js and the level choice in session.js.
import assert from "node:assert/strict";
import { test } from "node:test";

import { counts, keeps, levelsFromQuery } from "../../docs/assets/js/practice/levels.js";
import { choiceFromQuery, chosenEntries, queue } from "../../docs/assets/js/practice/session.js";

const ENTRIES = [
  { id: "a1", topic: "architecture", level: "基础" },
  { id: "a2", topic: "architecture", level: "前沿" },
  { id: "r1", topic: "rl", level: "进阶" },
  { id: "r2", topic: "rl", level: "基础" },
  { id: "n1", topic: "rl", level: "" },
];

test("no level chosen keeps every question, unlevelled ones included", () => {
  assert.equal(keeps("", []), true);
  assert.equal(keeps("前沿", []), true);
  assert.equal(keeps("前沿", ["基础"]), false);
  assert.equal(keeps("", ["基础"]), false);
});

test("counts per level add up to the questions that have one", () => {
  assert.deepEqual(counts(ENTRIES.map((e) => e.level)), { all: 5, 基础: 2, 进阶: 1, 前沿: 1 });
});

test("only 基础, across topics or within one, in page order", () => {
  assert.deepEqual(queue(ENTRIES, { levels: ["基础"], mode: "order" }, {}, "2026-12-07"), ["a1", "r2"]);
  assert.deepEqual(
    chosenEntries(ENTRIES, { topics: ["rl"], levels: ["基础", "进阶"] }).map((e) => e.id),
    ["r1", "r2"],
  );
});

test("the address names levels; unknown ones are dropped and the order is the site's", () => {
  assert.deepEqual(levelsFromQuery("?level=前沿,基础,专家"), ["基础", "前沿"]);
  assert.deepEqual(levelsFromQuery(`?level=${encodeURIComponent("进阶")}`), ["进阶"]);
  assert.deepEqual(levelsFromQuery(""), []);
  assert.deepEqual(choiceFromQuery("?topics=rl&level=基础&mode=random", ["rl"]), { topics: ["rl"], levels: ["基础"], mode: "random" });
});
