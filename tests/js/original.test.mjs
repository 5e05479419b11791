// Unit tests for docs/assets/js/original.js (run by `make test` with Node's built-in test runner).
import assert from "node:assert/strict";
import { test } from "node:test";

import { closedAround, reveal } from "../../docs/assets/js/original.js";

const node = (tagName, parentElement = null, open = false) => ({ tagName, parentElement, open });

test("closedAround lists the closed details around a node, innermost first", () => {
  const outer = node("DETAILS");
  const inner = node("DETAILS", node("DIV", outer));
  const p = node("P", inner);
  assert.deepEqual(closedAround(p), [inner, outer]);
});

test("open details are left alone", () => {
  const d = node("DETAILS", null, true);
  assert.deepEqual(closedAround(node("P", d)), []);
  assert.equal(reveal(node("P", d)), false);
});

test("reveal opens every closed details around the node", () => {
  const outer = node("DETAILS");
  const inner = node("DETAILS", outer);
  assert.equal(reveal(node("SPAN", inner)), true);
  assert.ok(inner.open && outer.open);
});
