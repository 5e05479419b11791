// Unit tests for the pure parts of the drill page: progressive hints (drills/hints.js), the
// section list's summary (drills/list.js) and the plain editor's indentation (drills/textarea.js).
import assert from "node:assert/strict";
import { test } from "node:test";

import { hiddenNote, shownHints } from "../../docs/assets/js/drills/hints.js";
import { listSummary } from "../../docs/assets/js/drills/list.js";
import { indentEdit, newlineEdit } from "../../docs/assets/js/drills/textarea.js";

test("the first hint always shows; hint n+1 once hint n has been opened", () => {
  assert.equal(shownHints([]), 0);
  assert.equal(shownHints([false, false, false]), 1);
  assert.equal(shownHints([true, false, false]), 2);
  assert.equal(shownHints([true, true, false]), 3);
  assert.equal(shownHints([true, true, true]), 3);
  // Opened in the HTML out of order (a link to a later hint): the chain still stops at the first gap.
  assert.equal(shownHints([false, true, true]), 1);
});

test("the note names how many hints are still hidden", () => {
  assert.equal(hiddenNote(3, 1), "还有 2 条提示：打开上一条后显示下一条。");
  assert.equal(hiddenNote(3, 3), "");
});

test("the list summary counts only the listed drills", () => {
  assert.equal(listSummary(["a", "b", "c"], new Set(["a", "gone"])), "手撕代码进度：已通过 1 / 3 题");
});

/** Apply an edit to text for the assertions. */
const applied = (text, e) => ({ text: text.slice(0, e.from) + e.insert + text.slice(e.to), start: e.start, end: e.end });

test("Tab without a selection inserts spaces up to the next indent stop", () => {
  assert.deepEqual(applied("ab", indentEdit("ab", 0, 0)), { text: "    ab", start: 4, end: 4 });
  assert.deepEqual(applied("ab", indentEdit("ab", 1, 1)), { text: "a   b", start: 4, end: 4 });
  assert.deepEqual(applied("x\n      y", indentEdit("x\n      y", 8, 8)), { text: "x\n        y", start: 10, end: 10 });
});

test("Tab with a selection indents every touched line; empty lines stay empty", () => {
  const text = "def f():\nreturn 1\n\nx = 2\n";
  const result = applied(text, indentEdit(text, 9, 24));
  assert.equal(result.text, "def f():\n    return 1\n\n    x = 2\n");
  assert.equal(result.text.slice(result.start, result.end), "    return 1\n\n    x = 2");
  const mid = applied("ab\ncd", indentEdit("ab\ncd", 1, 4));
  assert.deepEqual(mid, { text: "    ab\n    cd", start: 5, end: 12 });
});

test("Shift+Tab removes up to one indent from every touched line", () => {
  const text = "if a:\n        b\n  c\nd";
  const result = applied(text, indentEdit(text, 10, 18, true));
  assert.equal(result.text, "if a:\n    b\nc\nd");
  assert.deepEqual(applied("    x", indentEdit("    x", 4, 4, true)), { text: "x", start: 0, end: 0 });
});

test("Enter keeps the indentation, and adds one after a colon", () => {
  assert.deepEqual(applied("    x = 1", newlineEdit("    x = 1", 9, 9)), { text: "    x = 1\n    ", start: 14, end: 14 });
  assert.deepEqual(applied("def f(a):", newlineEdit("def f(a):", 9, 9)), { text: "def f(a):\n    ", start: 14, end: 14 });
  assert.deepEqual(applied("for i in x:  # loop", newlineEdit("for i in x:  # loop", 19, 19)).text, "for i in x:  # loop\n    ");
  assert.equal(applied("ab", newlineEdit("ab", 1, 2)).text, "a\n");
});
